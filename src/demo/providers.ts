/**
 * Synthetic providers (hospital trusts): sites placed where people live, and catchments from a
 * distance-decay (Huff-style gravity) model.
 */
import type { Rng } from "../random.js";
import type { HexGrid } from "./hexGrid.js";
import { normal } from "./settlements.js";

export interface DemoProvider {
  /** Index of the unit holding the site. */
  unit: number;
  /** Site in local km. */
  x: number;
  y: number;
  /** Relative attractiveness (log-normal). */
  size: number;
}

/**
 * Places `count` provider sites: the first on the island's most populous cell, the others on
 * cells drawn with probability proportional to their population, at least `minKm` apart.
 *
 * @example
 * const sites = placeProviders(grid, cellPop, cellUnit, island, createRng(3), 120, 5);
 */
export function placeProviders(
  grid: HexGrid,
  cellPop: Float64Array,
  cellUnit: Int32Array,
  island: number,
  rng: Rng,
  count: number,
  minKm: number,
): DemoProvider[] {
  const out: DemoProvider[] = [];
  const add = (c: number): void => {
    out.push({ unit: cellUnit[c], x: grid.cx[c], y: grid.cy[c], size: Math.exp(0.5 * normal(rng)) });
  };
  let best = -1;
  for (let c = 0; c < grid.size; c++) if (cellUnit[c] === island && (best < 0 || cellPop[c] > cellPop[best])) best = c;
  add(best);
  const cumulative = new Float64Array(grid.size);
  let sum = 0;
  for (let c = 0; c < grid.size; c++) {
    sum += cellUnit[c] >= 0 && cellUnit[c] !== island ? cellPop[c] : 0;
    cumulative[c] = sum;
  }
  for (let attempt = 0; out.length < count; attempt++) {
    if (attempt > 1_000_000) throw new Error("placeProviders: cannot place all sites");
    const target = rng() * sum;
    let lo = 0;
    let hi = grid.size - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] > target) hi = mid;
      else lo = mid + 1;
    }
    const c = lo;
    if (out.some((p) => Math.hypot(p.x - grid.cx[c], p.y - grid.cy[c]) < minKm)) continue;
    add(c);
  }
  return out;
}

/**
 * Splits each unit's population among providers, proportionally to
 * size_p * exp(-d(u, p) / scale) with d from the unit's population centre to the site (the
 * gravity model of Huff, 1963, with exponential decay). Shares below `minShare` are dropped,
 * except the share of a provider in its own site's unit, so that every provider keeps a
 * catchment; the rest are renormalised and the unit's population is apportioned to integers by
 * largest remainder, so a unit's values sum exactly to its population.
 *
 * @returns per unit, [provider index, patients] pairs with patients > 0, by provider index
 * @example
 * const catchment = huffCatchments(sites, unitX, unitY, unitPop, 15, 0.01);
 */
export function huffCatchments(
  providers: DemoProvider[],
  unitX: Float64Array,
  unitY: Float64Array,
  unitPop: number[],
  scale: number,
  minShare: number,
): [number, number][][] {
  return unitPop.map((pop, u) => {
    const weights = providers.map((p) => p.size * Math.exp(-Math.hypot(unitX[u] - p.x, unitY[u] - p.y) / scale));
    const total = weights.reduce((a, b) => a + b, 0);
    const kept: number[] = [];
    weights.forEach((w, p) => {
      if (w / total >= minShare || providers[p].unit === u) kept.push(p);
    });
    const keptTotal = kept.reduce((a, p) => a + weights[p], 0);
    const exact = kept.map((p) => (pop * weights[p]) / keptTotal);
    const values = exact.map(Math.floor);
    let missing = pop - values.reduce((a, b) => a + b, 0);
    const order = kept.map((_, i) => i).sort((a, b) => exact[b] - values[b] - (exact[a] - values[a]) || a - b);
    for (let i = 0; missing > 0; i++, missing--) values[order[i % order.length]]++;
    return kept.map((p, i): [number, number] => [p, values[i]]).filter(([, v]) => v > 0);
  });
}
