/**
 * A uniform grid over segment boxes, for "which segments are near this box" queries without
 * allocating: each segment is listed in every cell its box touches (CSR arrays), and a query stamps
 * segments it has visited so that each is reported once. Faster than an R-tree for the many small,
 * evenly spread queries of a boundary file.
 */
export class SegmentGrid {
  private readonly x0: number;
  private readonly y0: number;
  private readonly size: number;
  private readonly nx: number;
  private readonly ny: number;
  private readonly offsets: Int32Array;
  private readonly items: Int32Array;
  private readonly stamp: Int32Array;
  private query = 0;

  /** Segments s run from vertex from[s] to from[s] + 1. */
  constructor(xs: Float64Array, ys: Float64Array, from: Int32Array) {
    const n = from.length;
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity, sum = 0;
    for (let s = 0; s < n; s++) {
      const a = from[s];
      const ax = xs[a], ay = ys[a], bx = xs[a + 1], by = ys[a + 1];
      x0 = Math.min(x0, ax, bx); x1 = Math.max(x1, ax, bx);
      y0 = Math.min(y0, ay, by); y1 = Math.max(y1, ay, by);
      sum += Math.max(Math.abs(bx - ax), Math.abs(by - ay));
    }
    // Cells about twice the mean segment extent, but no more cells than about four per segment
    // (boundaries fill little of their box, so finer cells would be mostly empty).
    let size = Math.max((2 * sum) / Math.max(1, n), 1e-12);
    const w = x1 - x0, h = y1 - y0;
    const maxCells = Math.max(1024, 4 * n);
    while ((w / size + 1) * (h / size + 1) > maxCells) size *= 2;
    this.x0 = x0;
    this.y0 = y0;
    this.size = size;
    this.nx = Math.floor(w / size) + 1;
    this.ny = Math.floor(h / size) + 1;
    const nx = this.nx, ny = this.ny, inv = 1 / size;
    // Cell range of each segment's box, computed once (two passes use it).
    const range = new Int32Array(4 * n);
    for (let s = 0; s < n; s++) {
      const a = from[s];
      const ax = xs[a], bx = xs[a + 1], ay = ys[a], by = ys[a + 1];
      range[4 * s] = clamp(Math.floor(((ax < bx ? ax : bx) - x0) * inv), nx);
      range[4 * s + 1] = clamp(Math.floor(((ax < bx ? bx : ax) - x0) * inv), nx);
      range[4 * s + 2] = clamp(Math.floor(((ay < by ? ay : by) - y0) * inv), ny);
      range[4 * s + 3] = clamp(Math.floor(((ay < by ? by : ay) - y0) * inv), ny);
    }
    const counts = new Int32Array(nx * ny + 1);
    for (let s = 0; s < n; s++) {
      for (let j = range[4 * s + 2]; j <= range[4 * s + 3]; j++)
        for (let i = range[4 * s]; i <= range[4 * s + 1]; i++) counts[j * nx + i + 1]++;
    }
    for (let c = 0; c < nx * ny; c++) counts[c + 1] += counts[c];
    this.offsets = counts;
    this.items = new Int32Array(counts[nx * ny]);
    const fill = counts.slice(0, nx * ny);
    for (let s = 0; s < n; s++) {
      for (let j = range[4 * s + 2]; j <= range[4 * s + 3]; j++)
        for (let i = range[4 * s]; i <= range[4 * s + 1]; i++) this.items[fill[j * nx + i]++] = s;
    }
    this.stamp = new Int32Array(n);
  }

  private cx(x: number): number {
    const i = Math.floor((x - this.x0) / this.size);
    return i < 0 ? 0 : i >= this.nx ? this.nx - 1 : i;
  }

  private cy(y: number): number {
    const j = Math.floor((y - this.y0) / this.size);
    return j < 0 ? 0 : j >= this.ny ? this.ny - 1 : j;
  }

  /** Calls visit(s) once for every segment whose box may touch the box [x0, x1] x [y0, y1]. */
  forEachNear(x0: number, y0: number, x1: number, y1: number, visit: (s: number) => void): void {
    const q = ++this.query;
    const i0 = this.cx(x0), i1 = this.cx(x1), j0 = this.cy(y0), j1 = this.cy(y1);
    for (let j = j0; j <= j1; j++)
      for (let i = i0; i <= i1; i++) {
        const c = j * this.nx + i;
        for (let k = this.offsets[c]; k < this.offsets[c + 1]; k++) {
          const s = this.items[k];
          if (this.stamp[s] === q) continue;
          this.stamp[s] = q;
          visit(s);
        }
      }
  }
}

function clamp(i: number, n: number): number {
  return i < 0 ? 0 : i >= n ? n - 1 : i;
}
