/**
 * A jittered hexagonal grid in a local plane (kilometres, x east, y north). The grid is the
 * building block of the demo country: every unit is a union of cells, so neighbouring units share
 * exactly the same corner points and the tiling has no gaps or overlaps by construction.
 *
 * Layout: "pointy-top" hexagons with side `s`, axial coordinates (q, r), stored as rows r in
 * [0, rows) and offset columns c = q + floor(r / 2) in [0, cols). Corner k of a cell sits at angle
 * 30 + 60k degrees; edge k joins corner k to corner k + 1 and faces the neighbour EDGE_DIR[k].
 * Three cells meet at every corner, so two cells never touch at a single point only.
 */
import { hash2 } from "./noise.js";

/** Axial offset (dq, dr) of the neighbour across edge k. */
const EDGE_DIR: readonly [number, number][] = [
  [0, 1],
  [-1, 1],
  [-1, 0],
  [0, -1],
  [1, -1],
  [1, 0],
];

/**
 * Corner k in integer lattice units: x in (sqrt(3)/2)s, y in s/2. The centre of cell (q, r) is
 * (2q + r, 3r) in these units.
 */
const CORNER_X = [1, 0, -1, -1, 0, 1];
const CORNER_Y = [1, 2, 1, -1, -2, -1];

export interface HexGrid {
  /** Side (and circumradius) of a cell in km. */
  side: number;
  rows: number;
  cols: number;
  /** Number of cells, rows * cols. */
  size: number;
  /** Cell centres (km). */
  cx: Float64Array;
  cy: Float64Array;
  /** Area of an undistorted cell in km^2 (jitter keeps the mean). */
  cellArea: number;
  /** Neighbour of a cell across edge k (0..5), or -1 outside the grid. */
  neighbor(cell: number, k: number): number;
  /** Integer key of corner k of a cell, identical for the three cells sharing it. */
  cornerKey(cell: number, k: number): number;
  /** Jittered position (km) of a corner key. */
  cornerPosition(key: number): [number, number];
}

const KEY_OFFSET = 1 << 13;
const KEY_BASE = 1 << 14;

/**
 * Creates a grid covering [x0, x1] x [y0, y1] km, with corners displaced by up to `jitter * side`
 * in a seeded direction.
 *
 * A corner moved by less than sin(30 deg) = 0.5 of the circumradius stays inside its 60 degree
 * sector as seen from each cell's centre, so every cell stays star-shaped about its centre and
 * hence a simple polygon; we use at most 0.3.
 *
 * @example
 * const grid = createHexGrid({ side: 2, x0: -100, x1: 100, y0: -100, y1: 100, jitter: 0.28, seed: 1 });
 */
export function createHexGrid(opts: {
  side: number;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  jitter: number;
  seed: number;
}): HexGrid {
  const { side, jitter, seed } = opts;
  if (jitter >= 0.5) throw new RangeError("createHexGrid: jitter must be below 0.5");
  const ux = (Math.sqrt(3) / 2) * side;
  const uy = side / 2;
  const rows = Math.ceil((opts.y1 - opts.y0) / (1.5 * side)) + 1;
  const cols = Math.ceil((opts.x1 - opts.x0) / (Math.sqrt(3) * side)) + 2;
  const size = rows * cols;
  const cx = new Float64Array(size);
  const cy = new Float64Array(size);
  const qOf = (cell: number): number => (cell % cols) - Math.floor(Math.floor(cell / cols) / 2);
  const rOf = (cell: number): number => Math.floor(cell / cols);
  // Shift so that the lattice origin lands on (x0, y0); column c = q + floor(r/2).
  const ox = opts.x0;
  const oy = opts.y0;
  for (let cell = 0; cell < size; cell++) {
    const q = qOf(cell);
    const r = rOf(cell);
    cx[cell] = ox + (2 * q + r) * ux;
    cy[cell] = oy + 3 * r * uy;
  }
  return {
    side,
    rows,
    cols,
    size,
    cx,
    cy,
    cellArea: ((3 * Math.sqrt(3)) / 2) * side * side,
    neighbor(cell, k) {
      const r = rOf(cell) + EDGE_DIR[k][1];
      const q = qOf(cell) + EDGE_DIR[k][0];
      if (r < 0 || r >= rows) return -1;
      const c = q + Math.floor(r / 2);
      if (c < 0 || c >= cols) return -1;
      return r * cols + c;
    },
    cornerKey(cell, k) {
      const q = qOf(cell);
      const r = rOf(cell);
      const X = 2 * q + r + CORNER_X[k];
      const Y = 3 * r + CORNER_Y[k];
      return (X + KEY_OFFSET) * KEY_BASE + (Y + KEY_OFFSET);
    },
    cornerPosition(key) {
      const X = Math.floor(key / KEY_BASE) - KEY_OFFSET;
      const Y = (key % KEY_BASE) - KEY_OFFSET;
      const angle = 2 * Math.PI * hash2(seed, X, Y);
      const radius = jitter * side * Math.sqrt(hash2(seed + 1, X, Y));
      return [ox + X * ux + radius * Math.cos(angle), oy + Y * uy + radius * Math.sin(angle)];
    },
  };
}
