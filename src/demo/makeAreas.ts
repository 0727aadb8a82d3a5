/**
 * A second geography ("local authorities") over the units, for split-area checks.
 */
import type { Rng } from "../random.js";
import { randInt } from "../random.js";
import { components } from "./components.js";
import { growRegions } from "./growRegions.js";

export interface AreaRow {
  /** Area index. */
  area: number;
  unit: number;
  /** Share of the unit's population in the area, with two decimals. */
  weight: number;
}

/**
 * Groups units into `count` areas nested in `groups` (the plan's footprints as first grown, the
 * way real footprints were drawn around local authorities), then shares `splits` border units
 * between their area and a neighbouring one with weights w and 1 - w (w in 0.55..0.85).
 *
 * Every connected piece of a group (the island is a piece of its own) gets one seed, the rest of
 * the `count` seeds go to pieces in proportion to their unit counts (largest remainder); inside a
 * piece, seeds are drawn in seeded order, preferably not next to each other, and areas grow
 * balancing unit counts without leaving the piece.
 *
 * @returns rows by unit (a split unit has two), and the main area of each unit
 * @example
 * const { rows } = makeAreas(neighbors, x, y, plan.grown, createRng(5), 60, 6);
 */
export function makeAreas(
  neighbors: number[][],
  x: Float64Array,
  y: Float64Array,
  groups: Int32Array,
  rng: Rng,
  count: number,
  splits: number,
): { rows: AreaRow[]; areaOf: Int32Array } {
  const n = neighbors.length;
  const inner = neighbors.map((list, u) => list.filter((v) => groups[v] === groups[u]));
  const all = Array.from({ length: n }, (_, i) => i);
  const pieces = components(all, inner);
  if (pieces.length > count) throw new Error("makeAreas: more pieces than areas");
  // Largest-remainder apportionment of the extra seeds.
  const extra = count - pieces.length;
  const exact = pieces.map((p) => (extra * p.length) / n);
  const quota = exact.map((e, i) => Math.min(Math.floor(e), pieces[i].length - 1));
  const byRemainder = pieces.map((_, i) => i).sort((a, b) => exact[b] - quota[b] - (exact[a] - quota[a]) || a - b);
  let left = extra - quota.reduce((a, b) => a + b, 0);
  for (let k = 0; left > 0 && k < 10 * pieces.length; k++) {
    const i = byRemainder[k % pieces.length];
    if (quota[i] < pieces[i].length - 1) {
      quota[i]++;
      left--;
    }
  }
  if (left > 0) throw new Error("makeAreas: more areas than units");

  const seeds: number[] = [];
  const isSeed = new Uint8Array(n);
  pieces.forEach((piece, i) => {
    const order = [...piece];
    for (let k = order.length - 1; k > 0; k--) {
      const j = randInt(rng, k + 1);
      [order[k], order[j]] = [order[j], order[k]];
    }
    const want = seeds.length + 1 + quota[i];
    for (const spread of [true, false]) {
      for (const u of order) {
        if (seeds.length === want) break;
        if (isSeed[u] || (spread && inner[u].some((v) => isSeed[v]))) continue;
        seeds.push(u);
        isSeed[u] = 1;
      }
    }
  });
  const areaOf = growRegions(seeds, inner, new Float64Array(n).fill(1), x, y);
  if (areaOf.some((a) => a < 0)) throw new Error("makeAreas: a unit was not reached");

  const size = new Int32Array(count);
  for (const a of areaOf) size[a]++;
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = randInt(rng, i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  const split = new Map<number, [number, number]>();
  for (const u of order) {
    if (split.size === splits) break;
    if (size[areaOf[u]] < 2) continue;
    const other = neighbors[u].find((v) => areaOf[v] !== areaOf[u]);
    if (other === undefined) continue;
    split.set(u, [areaOf[other], 55 + randInt(rng, 31)]);
  }
  const rows: AreaRow[] = [];
  for (let u = 0; u < n; u++) {
    const s = split.get(u);
    if (!s) rows.push({ area: areaOf[u], unit: u, weight: 1 });
    else {
      rows.push({ area: areaOf[u], unit: u, weight: s[1] / 100 });
      rows.push({ area: s[0], unit: u, weight: (100 - s[1]) / 100 });
    }
  }
  return { rows, areaOf };
}
