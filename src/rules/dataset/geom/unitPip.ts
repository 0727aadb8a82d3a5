/** Where a point is relative to a unit: outside, inside, or on its boundary running the same or the opposite way. */
export const Place = { Outside: 0, Inside: 1, OnSame: 2, OnOpposite: 3 } as const;
export type Place = (typeof Place)[keyof typeof Place];

/**
 * Point-in-unit test for the coverage analysis, over all rings of a unit (even-odd rule), with the
 * unit's segments bucketed into horizontal rows so that a query looks at about sqrt(n) segments.
 * Points within `eps` of a segment are "on" it; the direction (dx, dy) of the querying piece is then
 * compared with the segment's interior-on-the-left direction.
 */
export class UnitPip {
  private readonly y0: number;
  private readonly h: number;
  private readonly rows: number;
  private readonly offsets: Int32Array;
  private readonly segs: Int32Array;

  /**
   * @param segments start vertices k of the unit's segments (k -> k + 1)
   * @param dir per-vertex ring direction factor (+1: interior on the left of k -> k + 1, -1: on the right)
   */
  constructor(
    private readonly xs: Float64Array,
    private readonly ys: Float64Array,
    segments: Int32Array,
    private readonly dir: Int8Array,
    private readonly eps: number,
  ) {
    let lo = Infinity, hi = -Infinity;
    for (const k of segments) {
      lo = Math.min(lo, ys[k], ys[k + 1]);
      hi = Math.max(hi, ys[k], ys[k + 1]);
    }
    this.rows = Math.max(1, Math.ceil(Math.sqrt(segments.length)));
    this.y0 = lo;
    this.h = (hi - lo) / this.rows || 1;
    const counts = new Int32Array(this.rows + 1);
    for (const k of segments) {
      const [r0, r1] = this.span(k);
      for (let r = r0; r <= r1; r++) counts[r + 1]++;
    }
    for (let r = 0; r < this.rows; r++) counts[r + 1] += counts[r];
    this.offsets = counts.slice();
    this.segs = new Int32Array(counts[this.rows]);
    const fill = counts.slice(0, this.rows);
    for (const k of segments) {
      const [r0, r1] = this.span(k);
      for (let r = r0; r <= r1; r++) this.segs[fill[r]++] = k;
    }
  }

  private row(y: number): number {
    const r = Math.floor((y - this.y0) / this.h);
    return r < 0 ? 0 : r >= this.rows ? this.rows - 1 : r;
  }

  private span(k: number): [number, number] {
    const a = this.row(Math.min(this.ys[k], this.ys[k + 1]) - this.eps);
    const b = this.row(Math.max(this.ys[k], this.ys[k + 1]) + this.eps);
    return [a, b];
  }

  /** Place of point (x, y) for a piece running in direction (dx, dy). */
  place(x: number, y: number, dx: number, dy: number): Place {
    const { xs, ys, eps } = this;
    const r = this.row(y);
    let inside = false;
    for (let i = this.offsets[r]; i < this.offsets[r + 1]; i++) {
      const k = this.segs[i];
      const ax = xs[k], ay = ys[k], bx = xs[k + 1], by = ys[k + 1];
      const ex = bx - ax, ey = by - ay;
      const cross = ex * (y - ay) - ey * (x - ax);
      const len2 = ex * ex + ey * ey;
      if (cross * cross <= eps * eps * len2) {
        const t = ex * (x - ax) + ey * (y - ay);
        if (t >= 0 && t <= len2) return (ex * dx + ey * dy) * this.dir[k] > 0 ? Place.OnSame : Place.OnOpposite;
      }
      if (ay > y !== by > y && cross > 0 === by > ay) inside = !inside;
    }
    return inside ? Place.Inside : Place.Outside;
  }
}
