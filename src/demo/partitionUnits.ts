/**
 * Splits the land cells into units: seeds spread by local population density (small units in
 * cities, large ones in the countryside), then each cell joins the seed nearest along the grid.
 */
import type { Rng } from "../random.js";
import { randInt } from "../random.js";
import type { HexGrid } from "./hexGrid.js";
import { ISLAND, MAINLAND, type Land } from "./land.js";
import { valueNoise } from "./noise.js";

export interface UnitPartition {
  /** Unit index per cell, -1 for sea. The island is the last unit. */
  cellUnit: Int32Array;
  /** Number of units. */
  count: number;
  /** Index of the island unit (count - 1). */
  island: number;
}

/** A binary min-heap of (key, value) pairs ordered by key, then value, so ties are deterministic. */
class MinHeap {
  private keys: number[] = [];
  private values: number[] = [];
  get size(): number {
    return this.keys.length;
  }
  push(key: number, value: number): void {
    const k = this.keys;
    const v = this.values;
    let i = k.length;
    k.push(key);
    v.push(value);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (k[p] < key || (k[p] === key && v[p] <= value)) break;
      k[i] = k[p];
      v[i] = v[p];
      i = p;
    }
    k[i] = key;
    v[i] = value;
  }
  pop(): [number, number] {
    const k = this.keys;
    const v = this.values;
    const top: [number, number] = [k[0], v[0]];
    const lastK = k.pop() as number;
    const lastV = v.pop() as number;
    if (k.length > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= k.length) break;
        const r = l + 1;
        const less = (a: number, b: number): boolean => k[a] < k[b] || (k[a] === k[b] && v[a] < v[b]);
        const m = r < k.length && less(r, l) ? r : l;
        if (k[m] < lastK || (k[m] === lastK && v[m] < lastV)) {
          k[i] = k[m];
          v[i] = v[m];
          i = m;
        } else break;
      }
      k[i] = lastK;
      v[i] = lastV;
    }
    return top;
  }
}

/**
 * Partitions the mainland into about `mainlandUnits` units and makes the island one unit.
 *
 * Seeds: dart throwing over the mainland cells in a seeded order, where a candidate is kept when
 * it is at least the mean of its own and each seed's spacing away from every seed; the spacing
 * is k * sqrt(A) with A = clamp(300,000 / density, 40, 1400) km^2, the area a unit of ~300,000
 * people would need. k is bisected until the count is as close as possible to `mainlandUnits`.
 * Cells: multi-source Dijkstra over cell adjacency with a noisy "terrain" cost, so each unit is
 * connected (every cell's predecessor on its shortest path belongs to the same seed) and
 * boundaries wander like real ones.
 *
 * @example
 * const parts = partitionUnits(grid, land, cellPop, createRng(2), { seed: 2, mainlandUnits: 199 });
 */
export function partitionUnits(
  grid: HexGrid,
  land: Land,
  cellPop: Float64Array,
  rng: Rng,
  opts: { seed: number; mainlandUnits: number },
): UnitPartition {
  const cells: number[] = [];
  for (let c = 0; c < grid.size; c++) if (land.kind[c] === MAINLAND) cells.push(c);
  for (let i = cells.length - 1; i > 0; i--) {
    const j = randInt(rng, i + 1);
    [cells[i], cells[j]] = [cells[j], cells[i]];
  }
  const spacing = cells.map((c) => {
    const density = cellPop[c] / grid.cellArea;
    return Math.sqrt(Math.min(1400, Math.max(40, 300_000 / density)));
  });
  const throwDarts = (k: number): number[] => {
    const chosen: number[] = [];
    const sx: number[] = [];
    const sy: number[] = [];
    const sr: number[] = [];
    for (let i = 0; i < cells.length; i++) {
      const c = cells[i];
      const x = grid.cx[c];
      const y = grid.cy[c];
      const r = k * spacing[i];
      let ok = true;
      for (let j = 0; j < chosen.length && ok; j++) {
        const need = (r + sr[j]) / 2;
        const dx = x - sx[j];
        const dy = y - sy[j];
        if (dx * dx + dy * dy < need * need) ok = false;
      }
      if (ok) {
        chosen.push(c);
        sx.push(x);
        sy.push(y);
        sr.push(r);
      }
    }
    return chosen;
  };
  let lo = 0.3;
  let hi = 3;
  let best: number[] = throwDarts(lo);
  for (let iter = 0; iter < 30; iter++) {
    const mid = (lo + hi) / 2;
    const seeds = throwDarts(mid);
    if (Math.abs(seeds.length - opts.mainlandUnits) < Math.abs(best.length - opts.mainlandUnits)) best = seeds;
    if (seeds.length === opts.mainlandUnits) break;
    if (seeds.length > opts.mainlandUnits) lo = mid;
    else hi = mid;
  }

  const cellUnit = new Int32Array(grid.size).fill(-1);
  const dist = new Float64Array(grid.size).fill(Infinity);
  // Cost per km of crossing a cell: smooth noise, so boundaries bend around "hills".
  const terrain = new Float64Array(grid.size);
  for (let c = 0; c < grid.size; c++) terrain[c] = 0.6 + 0.8 * valueNoise(opts.seed + 53, grid.cx[c] / 12, grid.cy[c] / 12);
  const heap = new MinHeap();
  best.forEach((c, u) => {
    dist[c] = 0;
    cellUnit[c] = u;
    heap.push(0, c);
  });
  while (heap.size > 0) {
    const [d, c] = heap.pop();
    if (d > dist[c]) continue;
    for (let k = 0; k < 6; k++) {
      const n = grid.neighbor(c, k);
      if (n < 0 || land.kind[n] !== MAINLAND) continue;
      const step = Math.hypot(grid.cx[n] - grid.cx[c], grid.cy[n] - grid.cy[c]) * ((terrain[c] + terrain[n]) / 2);
      if (d + step < dist[n]) {
        dist[n] = d + step;
        cellUnit[n] = cellUnit[c];
        heap.push(d + step, n);
      }
    }
  }
  const island = best.length;
  for (let c = 0; c < grid.size; c++) if (land.kind[c] === ISLAND) cellUnit[c] = island;
  return { cellUnit, count: island + 1, island };
}
