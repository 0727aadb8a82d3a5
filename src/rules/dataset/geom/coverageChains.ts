import { SegmentHashGrid } from "../../../model/segmentHashGrid.js";
import type { CoverageRings } from "./coverageRings.js";
import { Meet, meet, meetPoint } from "./segmentIntersection.js";
import type { UnitBoxes } from "./unitBoxes.js";
import { Place, UnitPip } from "./unitPip.js";

/** Metres per coordinate unit (in x at latitude y, and in y), and the origin of shoelace sums. */
export interface CoverageScale {
  kx(y: number): number;
  ky: number;
  rx: number;
  ry: number;
}

/**
 * A run of consecutive sub-segments of one class, joined end to start: its end points, its
 * shoelace sum (relative to the scale's origin), its length in metres and its bounding box.
 * The class is an overlap pair key (a * nUnits + b, a < b), or -1 for the boundary of the union
 * ("exposed": inside no other unit).
 */
export interface Chain {
  cls: number;
  unit: number;
  x0: number; y0: number; x1: number; y1: number;
  shoe: number;
  len: number;
  bx0: number; by0: number; bx1: number; by1: number;
}

/**
 * Step 3 of the coverage analysis: each segment not shared in opposite directions is split where
 * it meets other units' boundaries (candidates from a sparse grid of all segments, SegmentHashGrid), so that each
 * sub-segment lies wholly inside, outside or on every other unit; each sub-segment is classified
 * by point-in-polygon against the units around (a sub-segment of A inside B bounds A ∩ B, one
 * inside no other unit bounds the union) and added to the chains of its classes. Along a ring the
 * classes change only where it meets another boundary, so runs between meetings are classified
 * once. A unit found overlapping another has its shared segments classified too, in case a third
 * unit covers them.
 */
export function coverageChains(rings: CoverageRings, boxes: UnitBoxes, scale: CoverageScale): Chain[] {
  return new ChainBuilder(rings, boxes, scale).run();
}

class ChainBuilder {
  readonly chains: Chain[] = [];
  private readonly nUnits: number;
  private readonly grid: SegmentHashGrid;
  private readonly pips = new Map<number, UnitPip>();
  /** The chain of each class that the next sub-segment may extend, and the ones it did extend. */
  private open = new Map<number, Chain>();
  private next = new Map<number, Chain>();
  /** Split points of the current segment, as points and parameters along it. */
  private readonly splitX: number[] = [];
  private readonly splitY: number[] = [];
  private readonly splitT: number[] = [];
  /** Classes of the current sub-segment. */
  private readonly clsNow: number[] = [];
  /** The current unit has a piece inside another unit (its shared segments need classifying). */
  private suspect = false;
  /** The last segment processed and whether it met another unit's boundary (see classify's reuse). */
  private lastSeg = -2;
  private lastMet = true;
  /** The segment being split, read by the grid visitor (no closure per segment). */
  private curS = 0;
  private curU = 0;
  private curAx = 0;
  private curAy = 0;
  private curBx = 0;
  private curBy = 0;
  private curEx = 0;
  private curEy = 0;
  private curLen2 = 0;
  private met = false;
  private readonly visit = (t: number): void => this.visitNear(t);

  constructor(
    private readonly r: CoverageRings,
    private readonly boxes: UnitBoxes,
    private readonly scale: CoverageScale,
  ) {
    this.nUnits = r.unitSegStart.length - 1;
    // Cells about twice the mean segment extent.
    const { xs, ys, from } = r;
    let extent = 0;
    for (let s = 0; s < from.length; s++) {
      const a = from[s];
      extent += Math.max(Math.abs(xs[a + 1] - xs[a]), Math.abs(ys[a + 1] - ys[a]));
    }
    this.grid = new SegmentHashGrid(xs, ys, from, Math.max((2 * extent) / Math.max(1, from.length), 1e-12));
  }

  run(): Chain[] {
    const { unitSegStart, matched } = this.r;
    for (let u = 0; u < this.nUnits; u++) {
      // Free segments first. A segment shared with a neighbour is covered on both sides, so it
      // matters only when it also lies inside a third unit, which then overlaps this one: in that
      // case (a "suspect" unit) the shared segments are classified too.
      this.suspect = false;
      this.lastSeg = -2;
      this.open.clear();
      for (let s = unitSegStart[u]; s < unitSegStart[u + 1]; s++) {
        if (matched[s]) this.open.clear();
        else this.processSegment(u, s);
      }
      if (!this.suspect) continue;
      this.lastSeg = -2;
      this.open.clear();
      for (let s = unitSegStart[u]; s < unitSegStart[u + 1]; s++) {
        if (matched[s]) this.processSegment(u, s);
        else this.open.clear();
      }
    }
    return this.chains;
  }

  private pipOf(u: number): UnitPip {
    let p = this.pips.get(u);
    if (!p) {
      const { xs, ys, from, unitSegStart, vDir, eps } = this.r;
      p = new UnitPip(xs, ys, from.subarray(unitSegStart[u], unitSegStart[u + 1]), vDir, eps);
      this.pips.set(u, p);
    }
    return p;
  }

  /** Extends the open chain of class `cls` with the piece (a -> b), or starts a new chain. */
  private addPiece(cls: number, u: number, ax: number, ay: number, bx: number, by: number, len: number): void {
    const { rx, ry } = this.scale;
    const shoe = (ax - rx) * (by - ry) - (bx - rx) * (ay - ry);
    const c = this.open.get(cls);
    if (c && c.x1 === ax && c.y1 === ay) {
      c.x1 = bx; c.y1 = by; c.shoe += shoe; c.len += len;
      if (bx < c.bx0) c.bx0 = bx; else if (bx > c.bx1) c.bx1 = bx;
      if (by < c.by0) c.by0 = by; else if (by > c.by1) c.by1 = by;
      this.next.set(cls, c);
      return;
    }
    const n: Chain = {
      cls, unit: u, x0: ax, y0: ay, x1: bx, y1: by, shoe, len,
      bx0: Math.min(ax, bx), by0: Math.min(ay, by), bx1: Math.max(ax, bx), by1: Math.max(ay, by),
    };
    this.chains.push(n);
    this.next.set(cls, n);
  }

  /**
   * Classifies the piece (p -> q) of unit u against the units `around`, and adds it to the chains
   * of its classes. With `reuse`, the classes of the previous piece are kept: along a ring they can
   * only change where the ring meets another unit's boundary, so pieces between such points are
   * classified once (this saves most point-in-polygon tests).
   */
  private classify(u: number, around: number[], px: number, py: number, qx: number, qy: number, isMatched: boolean, reuse: boolean): void {
    const mx = (px + qx) / 2, my = (py + qy) / 2;
    const dx = qx - px, dy = qy - py;
    const clsNow = this.clsNow;
    if (!reuse) {
      const box = this.boxes.box, nUnits = this.nUnits;
      clsNow.length = 0;
      let covered = isMatched;
      for (const w of around) {
        if (mx < box[4 * w] || my < box[4 * w + 1] || mx > box[4 * w + 2] || my > box[4 * w + 3]) continue;
        const place = this.pipOf(w).place(mx, my, dx, dy);
        if (place === Place.Inside || (place === Place.OnSame && u < w)) clsNow.push(u < w ? u * nUnits + w : w * nUnits + u);
        if (place === Place.Inside || place === Place.OnOpposite || (place === Place.OnSame && w < u)) covered = true;
      }
      if (!covered) clsNow.push(-1);
      else if (clsNow.length) this.suspect = true;
    }
    if (clsNow.length === 0) {
      this.open.clear();
      return;
    }
    const len = Math.hypot(dx * this.scale.kx(my), dy * this.scale.ky);
    for (const cls of clsNow) this.addPiece(cls, u, px, py, qx, qy, len);
    const t = this.open;
    this.open = this.next;
    this.next = t;
    this.next.clear();
  }

  private addSplit(x: number, y: number): void {
    if ((x === this.curAx && y === this.curAy) || (x === this.curBx && y === this.curBy)) return;
    const t = ((x - this.curAx) * this.curEx + (y - this.curAy) * this.curEy) / this.curLen2;
    if (t <= 0 || t >= 1) return;
    this.splitX.push(x);
    this.splitY.push(y);
    this.splitT.push(t);
  }

  /** Grid visitor: where segment t of another unit meets the current segment, a split point. */
  private visitNear(t: number): void {
    const { xs, ys, from, segUnit } = this.r;
    if (segUnit[t] === this.curU) return;
    // Canonical argument order, so both sides compute bit-identical crossing points.
    const s = this.curS;
    const p = s < t ? s : t, q = s < t ? t : s;
    const pa = from[p], qa = from[q];
    const kind = meet(xs[pa], ys[pa], xs[pa + 1], ys[pa + 1], xs[qa], ys[qa], xs[qa + 1], ys[qa + 1]);
    if (kind === Meet.None) return;
    this.met = true;
    this.addSplit(meetPoint.x, meetPoint.y);
    if (kind === Meet.Collinear) this.addSplit(meetPoint.x2, meetPoint.y2);
  }

  /** Splits segment s of unit u where it meets other units' boundaries, and classifies the pieces. */
  private processSegment(u: number, s: number): void {
    const { xs, ys, from, effFrom, effTo, matched } = this.r;
    const a = effFrom[s], b = effTo[s];
    const ax = xs[a], ay = ys[a], bx = xs[b], by = ys[b];
    const { splitX, splitY, splitT } = this;
    splitX.length = splitY.length = splitT.length = 0;
    this.curS = s; this.curU = u; this.curAx = ax; this.curAy = ay; this.curBx = bx; this.curBy = by;
    this.curEx = bx - ax; this.curEy = by - ay; this.curLen2 = this.curEx * this.curEx + this.curEy * this.curEy;
    this.met = false;
    this.grid.forEachNearSegment(ax, ay, bx, by, this.visit);
    // Reuse the previous piece's classes when neither this segment nor the previous one (which
    // shares its start vertex) met another boundary, and the previous one is the ring's segment
    // just before this one.
    const reuse = !this.met && !this.lastMet && this.lastSeg === s - 1 && from[s] === from[s - 1] + 1;
    this.lastSeg = s;
    this.lastMet = this.met;
    const around = this.boxes.around[u];
    if (splitT.length === 0) {
      this.classify(u, around, ax, ay, bx, by, matched[s] === 1, reuse);
      return;
    }
    const order = splitT.map((_, i) => i).sort((i, j) => splitT[i] - splitT[j]);
    let px = ax, py = ay;
    for (let k = 0; k <= order.length; k++) {
      const qx = k < order.length ? splitX[order[k]] : bx;
      const qy = k < order.length ? splitY[order[k]] : by;
      if (qx === px && qy === py) continue;
      this.classify(u, around, px, py, qx, qy, matched[s] === 1, false);
      px = qx;
      py = qy;
    }
  }
}
