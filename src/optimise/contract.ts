import type { GroupEntries } from "./energy/shares.js";
import type { Instance } from "./instance.js";

/** An instance whose keep-together groups are single units, and the way back. */
export interface Contracted {
  inst: Instance;
  /** Contracted unit of each original unit. */
  of: Int32Array;
  /** Original units of each contracted unit, in increasing order. */
  members: number[][];
}

/**
 * Contracts each keep-together group into one unit: its population is the sum, its provider and
 * area entries the sums of its members', its neighbours those of any member. Every move of the
 * search then keeps groups whole without knowing about them. Units outside groups keep their
 * order, so with no groups the contracted instance equals the original.
 * @param groupOf group index per unit, or -1
 * @example
 * const c = contractGroups(inst, groupOf); // search c.inst, then expand with c.of
 */
export function contractGroups(inst: Instance, groupOf: Int32Array): Contracted {
  const n = inst.n;
  const of = new Int32Array(n).fill(-1);
  const members: number[][] = [];
  const firstOfGroup = new Map<number, number>();
  for (let u = 0; u < n; u++) {
    const g = groupOf[u];
    if (g >= 0 && firstOfGroup.has(g)) {
      of[u] = firstOfGroup.get(g)!;
    } else {
      of[u] = members.length;
      if (g >= 0) firstOfGroup.set(g, members.length);
      members.push([]);
    }
    members[of[u]].push(u);
  }
  const m = members.length;
  const population = new Float64Array(m);
  for (let u = 0; u < n; u++) population[of[u]] += inst.population[u];
  const nb: Set<number>[] = Array.from({ length: m }, () => new Set());
  for (let u = 0; u < n; u++)
    for (let e = inst.adjOffsets[u]; e < inst.adjOffsets[u + 1]; e++) {
      const a = of[u];
      const b = of[inst.adj[e]];
      if (a !== b) nb[a].add(b);
    }
  const adjOffsets = new Int32Array(m + 1);
  for (let a = 0; a < m; a++) adjOffsets[a + 1] = adjOffsets[a] + nb[a].size;
  const adj = new Int32Array(adjOffsets[m]);
  for (let a = 0; a < m; a++) adj.set([...nb[a]].sort((x, y) => x - y), adjOffsets[a]);
  return {
    inst: {
      ...inst,
      n: m,
      population,
      adjOffsets,
      adj,
      providers: { ...inst.providers, ...contractEntries(inst.providers, of) },
      areas: inst.areas ? contractEntries(inst.areas, of) : inst.areas,
    },
    of,
    members,
  };
}

/** Group entries re-keyed to contracted units, one entry per (group, contracted unit). */
function contractEntries(g: GroupEntries, of: Int32Array): GroupEntries {
  const G = g.total.length;
  const offsets = new Int32Array(G + 1);
  const unit: number[] = [];
  const value: number[] = [];
  const sum = new Map<number, number>();
  for (let x = 0; x < G; x++) {
    sum.clear();
    for (let e = g.offsets[x]; e < g.offsets[x + 1]; e++) {
      const c = of[g.unit[e]];
      sum.set(c, (sum.get(c) ?? 0) + g.value[e]);
    }
    for (const c of [...sum.keys()].sort((a, b) => a - b)) {
      unit.push(c);
      value.push(sum.get(c)!);
    }
    offsets[x + 1] = unit.length;
  }
  return { offsets, unit: Int32Array.from(unit), value: Float64Array.from(value), total: g.total };
}

/** An assignment of contracted units as an assignment of the original units. */
export function expandAssignment(c: Contracted, assign: Int32Array): Int32Array {
  return Int32Array.from(c.of, (x) => assign[x]);
}
