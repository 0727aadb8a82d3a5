/**
 * Where the people of the demo country live: a few big cities, many towns and a thin rural
 * background, turned into a population per grid cell.
 */
import type { Rng } from "../random.js";
import { randInt } from "../random.js";
import type { HexGrid } from "./hexGrid.js";
import { ISLAND, MAINLAND, type Land } from "./land.js";
import { valueNoise } from "./noise.js";

export interface Settlement {
  x: number;
  y: number;
  /** People in the settlement's Gaussian bump (before the national total is rescaled). */
  population: number;
  /** Standard deviation of the bump in km. */
  sigma: number;
  city: boolean;
}

/** Big cities: population and spread (km). The first is the capital. */
const CITIES: readonly [number, number][] = [
  [8_000_000, 16],
  [2_500_000, 10],
  [1_800_000, 8],
  [1_300_000, 7],
];

/** A standard normal deviate (Box-Muller), for log-normal town sizes. */
export function normal(rng: Rng): number {
  const u = 1 - rng();
  const v = rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/**
 * Places cities (well inland, far apart), towns (log-normal sizes) and one town on the island.
 *
 * @example
 * const places = placeSettlements(grid, land, createRng(1), 50);
 */
export function placeSettlements(grid: HexGrid, land: Land, rng: Rng, towns: number): Settlement[] {
  const out: Settlement[] = [];
  const mainland: number[] = [];
  for (let c = 0; c < grid.size; c++) if (land.kind[c] === MAINLAND) mainland.push(c);
  const far = (c: number, minKm: number, cities: boolean): boolean =>
    out.every((s) => (cities && !s.city) || Math.hypot(grid.cx[c] - s.x, grid.cy[c] - s.y) >= minKm);

  const inland = mainland.filter((c) => land.coastSteps[c] >= 10);
  for (const [population, sigma] of CITIES) {
    for (let attempt = 0; attempt < 10_000; attempt++) {
      const c = inland[randInt(rng, inland.length)];
      if (far(c, 140, true)) {
        out.push({ x: grid.cx[c], y: grid.cy[c], population, sigma, city: true });
        break;
      }
      if (attempt === 9_999) throw new Error("placeSettlements: no room for a city");
    }
  }
  const nearCoast = mainland.filter((c) => land.coastSteps[c] >= 2);
  let placed = 0;
  for (let attempt = 0; placed < towns && attempt < 100_000; attempt++) {
    const c = nearCoast[randInt(rng, nearCoast.length)];
    const cityClear = out.every((s) => !s.city || Math.hypot(grid.cx[c] - s.x, grid.cy[c] - s.y) >= 3.5 * s.sigma);
    if (!cityClear || !far(c, 28, false)) continue;
    const population = Math.min(500_000, Math.max(20_000, 90_000 * Math.exp(0.8 * normal(rng))));
    out.push({ x: grid.cx[c], y: grid.cy[c], population, sigma: 2 + 1.5 * Math.sqrt(population / 100_000), city: false });
    placed++;
  }
  // The island's town sits on its most inland cell (first such cell in grid order).
  let best = -1;
  for (let c = 0; c < grid.size; c++) {
    if (land.kind[c] === ISLAND && (best < 0 || land.coastSteps[c] > land.coastSteps[best])) best = c;
  }
  out.push({ x: grid.cx[best], y: grid.cy[best], population: 60_000, sigma: 3, city: false });
  return out;
}

/**
 * Population per grid cell: rural background (noisy, ~130 people/km^2) plus a Gaussian bump
 * pop * exp(-d^2 / 2 sigma^2) / (2 pi sigma^2) per settlement, times the cell area, rescaled so
 * that land cells sum to `total`. Sea cells hold nobody.
 *
 * @example
 * const pop = cellPopulation(grid, land, places, 1, 50_000_000);
 */
export function cellPopulation(grid: HexGrid, land: Land, places: Settlement[], seed: number, total: number): Float64Array {
  const pop = new Float64Array(grid.size);
  let sum = 0;
  for (let c = 0; c < grid.size; c++) {
    if (land.kind[c] !== MAINLAND && land.kind[c] !== ISLAND) continue;
    const x = grid.cx[c];
    const y = grid.cy[c];
    let density = 130 * (0.3 + 1.4 * valueNoise(seed + 41, x / 40, y / 40));
    for (const s of places) {
      const d2 = (x - s.x) ** 2 + (y - s.y) ** 2;
      if (d2 > 36 * s.sigma * s.sigma) continue;
      density += (s.population * Math.exp(-d2 / (2 * s.sigma * s.sigma))) / (2 * Math.PI * s.sigma * s.sigma);
    }
    pop[c] = density * grid.cellArea;
    sum += pop[c];
  }
  for (let c = 0; c < grid.size; c++) pop[c] *= total / sum;
  return pop;
}
