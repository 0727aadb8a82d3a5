/**
 * The demo's starting plan: footprints grown over the unit adjacency, then deliberately broken in
 * a few known ways so that `check` has something to report.
 */
import type { Rng } from "../random.js";
import { components } from "./components.js";
import { growRegions } from "./growRegions.js";

interface PlanBreaks {
  /** Footprint (index) above the population maximum, made by merging two neighbours. */
  oversize: number;
  /** Footprint that is a single unit below the population minimum. */
  undersize: number;
  /** Footprint holding a unit that touches none of its other units. */
  nonContiguous: number;
  /** The unit moved to make the non-contiguous footprint. */
  detached: number;
  /** Footprint of the island, contiguous only through the ferry links. */
  island: number;
}

export interface DemoPlan {
  /** Footprint index per unit. */
  footprintOf: Int32Array;
  /** Footprint index per unit as grown, before the deliberate breaks. */
  grown: Int32Array;
  count: number;
  breaks: PlanBreaks;
}

/**
 * Builds the plan.
 *
 * 1. Seeds: units drawn with probability proportional to population (Efraimidis-Spirakis keys
 *    rng^(1/pop)), hubs (units with a provider site) first, the way footprints were drawn around
 *    hospitals; skipping the island and, while there are enough others, units next to a seed.
 * 2. Growth: {@link growRegions} balancing population over `neighbors` (which must include the
 *    ferry links, so the island joins the footprint of a unit it is linked to).
 * 3. Breaks: merge the adjacent pair with the smallest total above 1.02 * max (oversize); make
 *    the border unit closest to 0.85 * `min` a footprint of its own (undersize); move one unit
 *    to a nearby footprint it does not touch (non-contiguous). The island's footprint is left
 *    intact.
 *
 * Growth balanced by population keeps every footprint well inside [min, max] for this country;
 * the final check throws rather than repairing if a seed ever makes that false.
 *
 * @throws Error when the breaks cannot be made, or anything else breaks a rule
 * @example
 * const plan = makePlan(neighbors, pop, x, y, island, createRng(6), { footprints: 40, min: 3e5, max: 2.8e6, hubs });
 */
export function makePlan(
  neighbors: number[][],
  pop: number[],
  x: Float64Array,
  y: Float64Array,
  island: number,
  rng: Rng,
  opts: { footprints: number; min: number; max: number; hubs: Uint8Array },
): DemoPlan {
  const n = pop.length;
  const { min, max } = opts;
  const keys = pop.map((p, u) => ({ u, key: Math.log(1 - rng()) / Math.max(p, 1) + (opts.hubs[u] ? 0 : -1e9) }));
  keys.sort((a, b) => b.key - a.key || a.u - b.u);
  const seeds: number[] = [];
  const isSeed = new Uint8Array(n);
  for (const spread of [true, false]) {
    for (const { u } of keys) {
      if (seeds.length === opts.footprints) break;
      if (u === island || isSeed[u] || (spread && neighbors[u].some((v) => isSeed[v]))) continue;
      seeds.push(u);
      isSeed[u] = 1;
    }
  }
  const fp = growRegions(seeds, neighbors, pop, x, y);
  if (fp.some((f) => f < 0)) throw new Error("makePlan: a unit was not reached");
  const grown = fp.slice();
  let count = seeds.length;

  const members = (f: number): number[] => {
    const out: number[] = [];
    for (let u = 0; u < n; u++) if (fp[u] === f) out.push(u);
    return out;
  };
  const total = (f: number): number => members(f).reduce((a, u) => a + pop[u], 0);
  const connectedWithout = (f: number, u: number): boolean => {
    const rest = members(f).filter((v) => v !== u);
    return rest.length > 0 && components(rest, neighbors).length === 1;
  };

  const islandFp = fp[island];
  // Oversize: merge the adjacent pair with the smallest total clearly above the maximum.
  let pair: [number, number] | null = null;
  let pairTotal = Infinity;
  for (let u = 0; u < n; u++) {
    for (const v of neighbors[u]) {
      const a = fp[u];
      const b = fp[v];
      if (a >= b || a === islandFp || b === islandFp) continue;
      const t = total(a) + total(b);
      if (t > max * 1.02 && t < pairTotal) {
        pairTotal = t;
        pair = [a, b];
      }
    }
  }
  if (!pair) throw new Error("makePlan: no pair of footprints exceeds the maximum");
  const oversize = pair[0];
  for (let u = 0; u < n; u++) if (fp[u] === pair[1]) fp[u] = oversize;
  // Renumber: the emptied footprint takes the last index.
  const last = count - 1;
  if (pair[1] !== last) for (let u = 0; u < n; u++) if (fp[u] === last) fp[u] = pair[1];
  count--;
  const renumber = (f: number): number => (f === last ? pair![1] : f);
  const islandFootprint = renumber(islandFp);
  const oversizeFootprint = renumber(oversize);

  // Undersize: the eligible border unit closest to 85% of the minimum becomes a footprint.
  let lonely = -1;
  for (let u = 0; u < n; u++) {
    const f = fp[u];
    if (u === island || f === oversizeFootprint || f === islandFootprint || pop[u] >= min) continue;
    if (!neighbors[u].some((v) => fp[v] !== f)) continue;
    const rest = total(f) - pop[u];
    if (rest < min || rest > max || !connectedWithout(f, u)) continue;
    if (lonely < 0 || Math.abs(pop[u] - 0.85 * min) < Math.abs(pop[lonely] - 0.85 * min)) lonely = u;
  }
  if (lonely < 0) throw new Error("makePlan: no unit can form an undersized footprint");
  const undersize = count++;
  fp[lonely] = undersize;

  // Non-contiguous: move a unit to the nearest footprint it does not touch.
  const protectedFp = new Set([oversizeFootprint, islandFootprint, undersize]);
  const candidates: [number, number, number][] = [];
  for (let u = 0; u < n; u++) {
    const from = fp[u];
    if (u === island || protectedFp.has(from) || neighbors[u].includes(island)) continue;
    if (total(from) - pop[u] < min || !connectedWithout(from, u)) continue;
    let bestF = -1;
    let bestD = Infinity;
    for (let v = 0; v < n; v++) {
      const to = fp[v];
      if (to === from || protectedFp.has(to)) continue;
      if (neighbors[u].some((w) => fp[w] === to)) continue;
      if (total(to) + pop[u] > max) continue;
      const d = Math.hypot(x[u] - x[v], y[u] - y[v]);
      if (d < bestD) {
        bestD = d;
        bestF = to;
      }
    }
    if (bestF >= 0) candidates.push([u, bestF, bestD]);
  }
  if (candidates.length === 0) throw new Error("makePlan: no unit can be detached");
  const [detached, nonContiguous] = candidates[Math.floor(rng() * candidates.length)];
  fp[detached] = nonContiguous;

  // Invariant: every other footprint keeps the rules.
  for (let f = 0; f < count; f++) {
    if (f === oversizeFootprint || f === undersize || f === nonContiguous) continue;
    const t = total(f);
    if (t < min || t > max || components(members(f), neighbors).length !== 1) {
      throw new Error(`makePlan: footprint ${f} breaks a rule it should keep`);
    }
  }
  return {
    footprintOf: fp,
    grown,
    count,
    breaks: { oversize: oversizeFootprint, undersize, nonContiguous, detached, island: islandFootprint },
  };
}
