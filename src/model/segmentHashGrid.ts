/**
 * A sparse uniform grid of boundary segments: which segments pass near a point or a segment,
 * without allocating per query. Segment s runs from vertex from[s] to from[s] + 1 of (xs, ys).
 *
 * Each segment is listed in the cells its box, grown by `margin`, covers; a segment longer than a
 * cell is cut into pieces no longer than a cell, each listed the same way. So the listings grow
 * with the length of the boundaries over the cell size (with cells at least twice the mean
 * segment length, at most about 13 a segment), never with the area of a long segment's box, and
 * only cells holding a segment exist (found through an open-addressing hash table on typed
 * arrays): one stray vertex far away, or a unit spanning a continent, costs its length, not the
 * area between it and the rest. (A dense grid over the data's extent, with cells sized to fit a
 * budget, degraded to a few huge cells when one unit was far larger than the others.)
 *
 * @example
 * const grid = new SegmentHashGrid(xs, ys, segFrom, 200, 5);
 * grid.forEachNearSegment(ax, ay, bx, by, (s) => candidates.push(s));
 */
export class SegmentHashGrid {
  /** Segments of cell c: items[start[c] .. start[c + 1]). */
  readonly start: Int32Array;
  readonly items: Int32Array;
  private readonly cell: number;
  private readonly minX: number;
  private readonly minY: number;
  private readonly mask: number;
  private readonly keyX: Int32Array;
  private readonly keyY: Int32Array;
  private readonly slotId: Int32Array;
  private readonly stamp: Int32Array;
  private query = 0;
  /** The visitor of the query under way (kept here, so that a query allocates nothing). */
  private visit: (s: number) => void = () => undefined;

  /**
   * @param cell the cell size (raised if needed so that cell indexes fit 32 bits)
   * @param margin how far around a segment counts as near it (the snapping tolerance), at most a quarter cell
   */
  constructor(xs: Float64Array, ys: Float64Array, from: Int32Array, cell: number, margin = 0) {
    const n = from.length;
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    for (let s = 0; s < n; s++) {
      const a = from[s];
      for (const v of [a, a + 1]) {
        if (xs[v] < minX) minX = xs[v];
        if (xs[v] > maxX) maxX = xs[v];
        if (ys[v] < minY) minY = ys[v];
        if (ys[v] > maxY) maxY = ys[v];
      }
    }
    if (n === 0) minX = minY = maxX = maxY = 0;
    this.minX = minX - 2 * margin;
    this.minY = minY - 2 * margin;
    this.cell = Math.max(cell, (maxX - minX + 4 * margin) / 2 ** 30, (maxY - minY + 4 * margin) / 2 ** 30, 1e-300);

    // (segment, cell x, cell y) listings, in growing typed arrays.
    let cap = Math.max(1024, 4 * n);
    let pairSeg = new Int32Array(cap), pairX = new Int32Array(cap), pairY = new Int32Array(cap);
    let pairs = 0;
    const push = (s: number, cx: number, cy: number) => {
      if (pairs === cap) {
        cap *= 2;
        const grow = (a: Int32Array) => {
          const b = new Int32Array(cap);
          b.set(a);
          return b;
        };
        pairSeg = grow(pairSeg);
        pairX = grow(pairX);
        pairY = grow(pairY);
      }
      pairSeg[pairs] = s;
      pairX[pairs] = cx;
      pairY[pairs] = cy;
      pairs++;
    };
    for (let s = 0; s < n; s++) {
      const a = from[s];
      this.forEachCell(xs[a], ys[a], xs[a + 1], ys[a + 1], margin, s, push);
    }

    let size = 1024;
    while (size < 2 * pairs) size *= 2;
    this.mask = size - 1;
    this.keyX = new Int32Array(size);
    this.keyY = new Int32Array(size);
    this.slotId = new Int32Array(size).fill(-1);
    let cells = 0;
    const pairCell = new Int32Array(pairs);
    const counts = new Int32Array(pairs + 1);
    for (let k = 0; k < pairs; k++) {
      const h = this.slotOf(pairX[k], pairY[k]);
      if (this.slotId[h] === -1) {
        this.slotId[h] = cells++;
        this.keyX[h] = pairX[k];
        this.keyY[h] = pairY[k];
      }
      pairCell[k] = this.slotId[h];
      counts[this.slotId[h]]++;
    }
    this.start = new Int32Array(cells + 1);
    for (let c = 0; c < cells; c++) this.start[c + 1] = this.start[c] + counts[c];
    const fill = this.start.slice(0, cells);
    this.items = new Int32Array(pairs);
    for (let k = 0; k < pairs; k++) this.items[fill[pairCell[k]]++] = pairSeg[k];
    this.stamp = new Int32Array(n);
  }

  /** The cell holding (x, y), or -1 when no segment is listed there. */
  cellOf(x: number, y: number): number {
    return this.slotId[this.slotOf(Math.floor((x - this.minX) / this.cell), Math.floor((y - this.minY) / this.cell))];
  }

  /**
   * Calls visit(s) once for every segment listed in a cell that the segment (ax, ay) -> (bx, by)
   * passes through: every segment that meets it (their meeting point lies in a cell both cover),
   * and others near it.
   */
  forEachNearSegment(ax: number, ay: number, bx: number, by: number, visit: (s: number) => void): void {
    this.visit = visit;
    this.forEachCell(ax, ay, bx, by, 0, ++this.query, this.visitCell);
  }

  private readonly visitCell = (q: number, cx: number, cy: number): void => {
    const c = this.slotId[this.slotOf(cx, cy)];
    if (c < 0) return;
    for (let k = this.start[c], end = this.start[c + 1]; k < end; k++) {
      const s = this.items[k];
      if (this.stamp[s] === q) continue;
      this.stamp[s] = q;
      this.visit(s);
    }
  };

  /**
   * Calls visit(tag, cx, cy) for the cells covered by the segment's pieces (each at most a cell
   * long), their boxes grown by `margin` and by a hair, so that a point computed on the segment
   * (a crossing) is never lost to rounding at a cell's edge.
   */
  private forEachCell(ax: number, ay: number, bx: number, by: number, margin: number, tag: number, visit: (tag: number, cx: number, cy: number) => void): void {
    const { cell, minX, minY } = this;
    margin += cell * 1e-9;
    const dx = bx - ax, dy = by - ay;
    const pieces = Math.max(1, Math.ceil(Math.hypot(dx, dy) / cell));
    let px0 = 1, px1 = 0, py0 = 1, py1 = 0; // the previous piece's cells (none yet)
    for (let k = 0; k < pieces; k++) {
      const x0 = ax + (dx * k) / pieces, x1 = k + 1 === pieces ? bx : ax + (dx * (k + 1)) / pieces;
      const y0 = ay + (dy * k) / pieces, y1 = k + 1 === pieces ? by : ay + (dy * (k + 1)) / pieces;
      const cx0 = Math.floor((Math.min(x0, x1) - margin - minX) / cell), cx1 = Math.floor((Math.max(x0, x1) + margin - minX) / cell);
      const cy0 = Math.floor((Math.min(y0, y1) - margin - minY) / cell), cy1 = Math.floor((Math.max(y0, y1) + margin - minY) / cell);
      for (let cx = cx0; cx <= cx1; cx++)
        for (let cy = cy0; cy <= cy1; cy++) if (!(cx >= px0 && cx <= px1 && cy >= py0 && cy <= py1)) visit(tag, cx, cy);
      px0 = cx0;
      px1 = cx1;
      py0 = cy0;
      py1 = cy1;
    }
  }

  private slotOf(cx: number, cy: number): number {
    const { mask, slotId, keyX, keyY } = this;
    let h = (Math.imul(cx, 0x9e3779b1) ^ Math.imul(cy, 0x85ebca77)) & mask;
    while (slotId[h] !== -1 && (keyX[h] !== cx || keyY[h] !== cy)) h = (h + 1) & mask;
    return h;
  }
}
