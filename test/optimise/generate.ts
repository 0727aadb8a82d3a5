// Small generated instances for optimiser tests: grid-like planar graphs (a rows x cols grid with
// some edges dropped and some cell diagonals added), random populations and random providers whose
// activity is spread around a home unit.
import { type ObjectiveOptions, energyFactory } from "../../src/optimise/energy/build.js";
import type { Instance } from "../../src/optimise/instance.js";
import { createRng } from "../../src/optimise/random.js";
import { State, type StateOptions } from "../../src/optimise/state.js";

export interface GenOptions {
  rows: number;
  cols: number;
  /** Footprint count the population bounds are set for. */
  k: number;
  providers?: number;
  /** Areas of a second geography (each a few neighbouring units, overlapping), for the split term. */
  areas?: number;
  seed: number;
}

export function gridInstance(o: GenOptions): Instance {
  const rng = createRng(o.seed);
  const n = o.rows * o.cols;
  const id = (r: number, c: number) => r * o.cols + c;
  const nb: Set<number>[] = Array.from({ length: n }, () => new Set());
  const link = (a: number, b: number) => {
    nb[a].add(b);
    nb[b].add(a);
  };
  for (let r = 0; r < o.rows; r++)
    for (let c = 0; c < o.cols; c++) {
      // Every horizontal edge and the vertical edges of column 0 (a comb) keep the graph
      // connected; other vertical edges are dropped at random.
      if (c + 1 < o.cols) link(id(r, c), id(r, c + 1));
      if (r + 1 < o.rows && (c === 0 || rng() > 0.25)) link(id(r, c), id(r + 1, c));
      if (r + 1 < o.rows && c + 1 < o.cols && rng() < 0.2) {
        if (rng() < 0.5) link(id(r, c), id(r + 1, c + 1));
        else link(id(r, c + 1), id(r + 1, c));
      }
    }
  const adjOffsets = new Int32Array(n + 1);
  for (let u = 0; u < n; u++) adjOffsets[u + 1] = adjOffsets[u] + nb[u].size;
  const adj = new Int32Array(adjOffsets[n]);
  for (let u = 0; u < n; u++) adj.set([...nb[u]].sort((a, b) => a - b), adjOffsets[u]);
  const population = new Float64Array(n);
  let total = 0;
  for (let u = 0; u < n; u++) total += population[u] = 50 + Math.floor(rng() * 100);
  const P = o.providers ?? 8;
  const offsets = new Int32Array(P + 1);
  const units: number[] = [];
  const values: number[] = [];
  const totals = new Float64Array(P);
  for (let p = 0; p < P; p++) {
    const home = Math.floor(rng() * n);
    const spread = [home, ...nb[home]];
    for (const u of [...spread]) for (const w of nb[u]) if (!spread.includes(w) && rng() < 0.3) spread.push(w);
    for (const u of spread) {
      const v = (u === home ? 100 : 5) + Math.floor(rng() * 40);
      units.push(u);
      values.push(v);
      totals[p] += v;
    }
    offsets[p + 1] = units.length;
  }
  const avg = total / o.k;
  let areas: Instance["areas"] = null;
  if (o.areas) {
    // Each area: a home unit and some of its neighbours, weighted by a share of their population;
    // a few weights fall outside the units (an area's total counts rows the boundaries lack).
    const aOff = new Int32Array(o.areas + 1);
    const aUnit: number[] = [];
    const aValue: number[] = [];
    const aTotal = new Float64Array(o.areas);
    for (let a = 0; a < o.areas; a++) {
      const home = Math.floor(rng() * n);
      const members = [home, ...[...nb[home]].filter(() => rng() < 0.5)].sort((x, y) => x - y);
      for (const u of members) {
        const v = Math.round(population[u] * (u === home ? 0.9 : 0.02 + rng() * 0.3));
        aUnit.push(u);
        aValue.push(v);
        aTotal[a] += v;
      }
      if (rng() < 0.2) aTotal[a] += 10;
      aOff[a + 1] = aUnit.length;
    }
    areas = { offsets: aOff, unit: Int32Array.from(aUnit), value: Float64Array.from(aValue), total: aTotal };
  }
  return {
    n,
    population,
    adjOffsets,
    adj,
    providers: {
      ids: Array.from({ length: P }, (_, p) => `P${p}`),
      offsets,
      unit: Int32Array.from(units),
      value: Float64Array.from(values),
      total: totals,
    },
    min: Math.floor(avg * 0.6),
    max: Math.ceil(avg * 1.5),
    threshold: 0.1,
    areas,
    splitTolerance: 0.05,
  };
}

/** A search state on `inst` with the energy of `objective` (default: cross-footprint providers). */
export function stateOf(inst: Instance, assign: Int32Array, k: number, opts: StateOptions & { objective?: ObjectiveOptions } = {}): State {
  return new State(inst, assign, k, energyFactory(inst, opts.objective), opts);
}

/** Units reachable from units[0] inside `units` (a brute-force connectivity reference). */
export function isConnected(inst: Instance, units: number[]): boolean {
  if (units.length === 0) return false;
  const inside = new Set(units);
  const seen = new Set([units[0]]);
  const stack = [units[0]];
  while (stack.length) {
    const x = stack.pop()!;
    for (let e = inst.adjOffsets[x]; e < inst.adjOffsets[x + 1]; e++) {
      const y = inst.adj[e];
      if (inside.has(y) && !seen.has(y)) {
        seen.add(y);
        stack.push(y);
      }
    }
  }
  return seen.size === inside.size;
}
