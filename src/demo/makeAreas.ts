/**
 * A second geography ("local authorities") over the units, for split-area checks.
 */
import type { Rng } from "../optimise/random.js";
import { randInt } from "../optimise/random.js";
import { growRegions } from "./growRegions.js";

export interface AreaRow {
  /** Area index. */
  area: number;
  unit: number;
  /** Share of the unit's population in the area, with two decimals. */
  weight: number;
}

/**
 * Groups units into `count` areas: the island is an area of its own, the mainland is grown from
 * `count - 1` seeds (preferably no two adjacent) balancing unit counts. Then `splits` border units are
 * shared between their area and a neighbouring one, with weights w and 1 - w (w in 0.55..0.85).
 *
 * @returns rows sorted by area then unit, and the number of areas
 * @example
 * const { rows } = makeAreas(neighbors, x, y, island, createRng(5), 60, 6);
 */
export function makeAreas(
  neighbors: number[][],
  x: Float64Array,
  y: Float64Array,
  island: number,
  rng: Rng,
  count: number,
  splits: number,
): { rows: AreaRow[]; areaOf: Int32Array } {
  const n = neighbors.length;
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = randInt(rng, i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  const seeds: number[] = [];
  const isSeed = new Uint8Array(n);
  // First pass: seeds not next to each other; second pass (if the first runs out): any unit.
  for (const spread of [true, false]) {
    for (const u of order) {
      if (seeds.length === count - 1) break;
      if (u === island || isSeed[u] || (spread && neighbors[u].some((v) => isSeed[v]))) continue;
      seeds.push(u);
      isSeed[u] = 1;
    }
  }
  if (seeds.length !== count - 1) throw new Error("makeAreas: more areas than mainland units");
  const mainland = neighbors.map((list, u) => (u === island ? [] : list.filter((v) => v !== island)));
  const areaOf = growRegions(seeds, mainland, new Float64Array(n).fill(1), x, y);
  areaOf[island] = seeds.length;
  if (areaOf.some((a) => a < 0)) throw new Error("makeAreas: a mainland unit was not reached");

  const size = new Int32Array(count);
  for (const a of areaOf) size[a]++;
  const rows: AreaRow[] = [];
  const split = new Map<number, [number, number]>();
  for (const u of order) {
    if (split.size === splits) break;
    if (u === island || size[areaOf[u]] < 2) continue;
    const other = neighbors[u].find((v) => v !== island && areaOf[v] !== areaOf[u]);
    if (other === undefined) continue;
    const w = 55 + randInt(rng, 31);
    split.set(u, [areaOf[other], w]);
  }
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
