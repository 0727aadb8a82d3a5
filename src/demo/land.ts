/**
 * The land of the demo country: a mainland with a noisy coastline and one offshore island, as a
 * mask over the cells of a hex grid.
 */
import type { HexGrid } from "./hexGrid.js";
import { fractalNoise } from "./noise.js";

/** Cell classes of {@link Land.kind}. */
export const SEA = 0;
export const MAINLAND = 1;
export const ISLAND = 2;

export interface Land {
  /** SEA, MAINLAND or ISLAND per grid cell. */
  kind: Uint8Array;
  /** Distance to the nearest sea cell, in steps between cells (0 for sea). */
  coastSteps: Int32Array;
}

/** Cells of the connected component containing `start` among cells where `inside` holds. */
function component(grid: HexGrid, start: number, inside: (cell: number) => boolean): number[] {
  const seen = new Uint8Array(grid.size);
  const out = [start];
  seen[start] = 1;
  for (let i = 0; i < out.length; i++) {
    for (let k = 0; k < 6; k++) {
      const n = grid.neighbor(out[i], k);
      if (n >= 0 && !seen[n] && inside(n)) {
        seen[n] = 1;
        out.push(n);
      }
    }
  }
  return out;
}

/** The largest connected component of cells where `inside` holds (ties: lowest first cell). */
function largestComponent(grid: HexGrid, inside: (cell: number) => boolean): number[] {
  const done = new Uint8Array(grid.size);
  let best: number[] = [];
  for (let cell = 0; cell < grid.size; cell++) {
    if (done[cell] || !inside(cell)) continue;
    const comp = component(grid, cell, inside);
    for (const c of comp) done[c] = 1;
    if (comp.length > best.length) best = comp;
  }
  return best;
}

/**
 * Shapes the mainland and the island.
 *
 * The mainland is the largest connected blob of cells inside a wobbly ellipse (semi-axes `ax`,
 * `ay` km) whose radius is perturbed by a few harmonics and fractal noise; sea pockets enclosed by
 * land (lakes) are filled so the mainland has no holes. The island is a noisy disc placed beyond
 * the coast on a seeded bearing, moved out until at least one full sea cell separates it from the
 * mainland, so it shares no edge and no corner with it.
 *
 * @example
 * const land = makeLand(grid, { seed: 1, ax: 170, ay: 290, islandRadius: 11 });
 */
export function makeLand(
  grid: HexGrid,
  opts: { seed: number; ax: number; ay: number; islandRadius: number; islandBearing: number },
): Land {
  const { seed, ax, ay } = opts;
  const kind = new Uint8Array(grid.size);
  const phase = [0, 1, 2, 3].map((i) => 2 * Math.PI * ((seed * 0.618034 + i * 0.381966) % 1));
  const raw = new Uint8Array(grid.size);
  for (let cell = 0; cell < grid.size; cell++) {
    const x = grid.cx[cell];
    const y = grid.cy[cell];
    const u = x / ax;
    const v = y / ay;
    const rho = Math.hypot(u, v);
    const theta = Math.atan2(v, u);
    const edge =
      1 +
      0.1 * Math.cos(2 * theta + phase[0]) +
      0.07 * Math.cos(3 * theta + phase[1]) +
      0.04 * Math.cos(5 * theta + phase[2]) +
      0.3 * fractalNoise(seed + 17, x / 55, y / 55, 5);
    raw[cell] = rho < edge ? 1 : 0;
  }
  for (const c of largestComponent(grid, (c) => raw[c] === 1)) kind[c] = MAINLAND;
  // Fill lakes: sea not connected to the grid border becomes land.
  const outerSea = new Uint8Array(grid.size);
  const borderSea: number[] = [];
  for (let cell = 0; cell < grid.size; cell++) {
    if (kind[cell] !== SEA) continue;
    let border = false;
    for (let k = 0; k < 6; k++) if (grid.neighbor(cell, k) < 0) border = true;
    if (border) borderSea.push(cell);
  }
  for (const start of borderSea) {
    if (outerSea[start]) continue;
    for (const c of component(grid, start, (n) => kind[n] === SEA)) outerSea[c] = 1;
  }
  for (let cell = 0; cell < grid.size; cell++) if (kind[cell] === SEA && !outerSea[cell]) kind[cell] = MAINLAND;

  // Island: march out along the bearing from the centre until the disc is clear of the mainland.
  const dx = Math.cos(opts.islandBearing);
  const dy = Math.sin(opts.islandBearing);
  const radius = opts.islandRadius;
  const nearMainland = (cell: number): boolean => {
    // A cell is too close when it or any cell around it is mainland.
    if (kind[cell] === MAINLAND) return true;
    for (let k = 0; k < 6; k++) {
      const n = grid.neighbor(cell, k);
      if (n < 0) return true;
      if (kind[n] === MAINLAND) return true;
      for (let j = 0; j < 6; j++) {
        const m = grid.neighbor(n, j);
        if (m < 0 || kind[m] === MAINLAND) return true;
      }
    }
    return false;
  };
  for (let dist = 0; dist < 1000; dist += grid.side) {
    const ix = dist * dx;
    const iy = dist * dy;
    const disc: number[] = [];
    for (let cell = 0; cell < grid.size; cell++) {
      const d = Math.hypot(grid.cx[cell] - ix, grid.cy[cell] - iy);
      if (d > radius * 1.3) continue;
      const wobble = 1 + 0.25 * fractalNoise(seed + 29, grid.cx[cell] / 8, grid.cy[cell] / 8, 3);
      if (d < radius * wobble) disc.push(cell);
    }
    if (disc.length === 0 || disc.some(nearMainland)) continue;
    const inDisc = new Uint8Array(grid.size);
    for (const c of disc) inDisc[c] = 1;
    for (const c of largestComponent(grid, (n) => inDisc[n] === 1)) kind[c] = ISLAND;
    break;
  }
  if (!kind.includes(ISLAND)) throw new Error("makeLand: no room for the island inside the grid");

  // Breadth-first distance from the sea, for placing cities inland.
  const coastSteps = new Int32Array(grid.size).fill(-1);
  const queue: number[] = [];
  for (let cell = 0; cell < grid.size; cell++) {
    if (kind[cell] === SEA) {
      coastSteps[cell] = 0;
      queue.push(cell);
    }
  }
  for (let i = 0; i < queue.length; i++) {
    const c = queue[i];
    for (let k = 0; k < 6; k++) {
      const n = grid.neighbor(c, k);
      if (n >= 0 && coastSteps[n] < 0) {
        coastSteps[n] = coastSteps[c] + 1;
        queue.push(n);
      }
    }
  }
  return { kind, coastSteps };
}
