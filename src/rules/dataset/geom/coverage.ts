import Flatbush from "flatbush";
import type { GeometryItem } from "../geometryItem.js";
import { matchReversedEdges } from "./edgeMatch.js";
import { SegmentHashGrid } from "../../../model/segmentHashGrid.js";
import { cleanRing, polygonsOf } from "./polygons.js";
import { Meet, meet, meetPoint } from "./segmentIntersection.js";
import { Place, UnitPip } from "./unitPip.js";

/** A connected piece of the coverage: an overlap of two units, or a hole in the union of all units. */
export interface CoveragePiece {
  /** Item indexes of the units around the piece (two for an overlap). */
  units: number[];
  /** Area in m² (planar in a local equirectangular projection for degrees). */
  area: number;
  /** Boundary length in m. */
  perimeter: number;
  /** A point on the piece's boundary. */
  location: [number, number];
}

export interface Coverage {
  overlaps: CoveragePiece[];
  /** Holes in the union of the units (gaps enclosed by units), of any size. */
  holes: CoveragePiece[];
}

/** Mean Earth radius (IUGG), m. */
const R = 6_371_008.8;
const DEG = (Math.PI / 180) * R;

/**
 * Finds overlaps between units and holes in their union, in about O(n log n) for n boundary segments,
 * without pairwise polygon clipping.
 *
 * 1. Segments that another unit has in the opposite direction (shared edges of a clean file) are
 *    covered on both sides and skipped; in a clean file only the outer boundary is left. (A unit
 *    found overlapping another has its shared segments classified too, in case a third unit
 *    covers them.)
 * 2. Each remaining segment is split where it meets other units' boundaries (candidates from a
 *    sparse grid of all segments, SegmentHashGrid; candidate units from a flatbush index of unit boxes), so each
 *    sub-segment lies wholly inside, outside or on every other unit.
 * 3. A sub-segment of unit A inside unit B is on the boundary of A ∩ B; a sub-segment inside no other
 *    unit is on the boundary of the union. Sub-segments are oriented with the unit's interior on the
 *    left (exterior rings counter-clockwise, holes clockwise, whatever the file's winding). Along a
 *    ring the classes change only where it meets another boundary, so runs between meetings are
 *    classified once (point in polygon against the units around, with a row index per unit).
 * 4. Sub-segments of one kind are joined into closed boundaries through their end points, and by
 *    Green's theorem each closed boundary's area is the shoelace sum over it: positive for overlap
 *    pieces and for the union's outer boundary, negative for holes in the union. A negative loop of
 *    an overlap (the strip around an enclave is an annulus) is subtracted from the smallest piece
 *    of the pair whose box holds it. A boundary left open by one loose end is closed straight;
 *    worse ones are not measured.
 *
 * Overlaps of three units at one place, and holes touching the outer boundary at a point, are joined
 * with their neighbours; both are rare in boundary files.
 */
export function analyseCoverage(items: readonly GeometryItem[], geographic: boolean): Coverage {
  // ---- 1. Flatten all rings of all units into typed arrays (repeated points dropped, rings closed),
  // each ring with a direction factor that puts the unit's interior on the left.
  let cap = 0;
  for (const item of items) {
    const polygons = polygonsOf(item.geometry);
    if (polygons) for (const rings of polygons) for (const ring of rings) cap += ring.length + 1;
  }
  const xsBuf = new Float64Array(cap), ysBuf = new Float64Array(cap);
  const fromBuf = new Int32Array(cap), unitBuf = new Int32Array(cap), dirBuf = new Int8Array(cap);
  const xs = xsBuf, ys = ysBuf;
  const unitSegStart = new Int32Array(items.length + 1);
  let nv = 0, nSeg = 0;
  let maxAbs = 1;
  for (let u = 0; u < items.length; u++) {
    unitSegStart[u] = nSeg;
    const polygons = polygonsOf(items[u].geometry);
    if (!polygons) continue;
    for (const rings of polygons)
      for (let r = 0; r < rings.length; r++) {
        const flat = cleanRing(rings[r]);
        const v0 = nv;
        for (let i = 0; i < flat.length; i += 2) {
          xs[nv] = flat[i];
          ys[nv] = flat[i + 1];
          nv++;
        }
        // Shoelace, relative to the first vertex; rings without area are left to other rules.
        let a = 0;
        for (let v = v0; v + 1 < nv; v++) a += (xs[v] - xs[v0]) * (ys[v + 1] - ys[v0]) - (xs[v + 1] - xs[v0]) * (ys[v] - ys[v0]);
        if (nv - v0 < 4 || a === 0) {
          nv = v0;
          continue;
        }
        const f = (r === 0 ? 1 : -1) * Math.sign(a);
        for (let v = v0; v + 1 < nv; v++) {
          maxAbs = Math.max(maxAbs, Math.abs(xs[v]), Math.abs(ys[v]));
          fromBuf[nSeg] = v;
          unitBuf[nSeg] = u;
          dirBuf[nSeg] = f;
          nSeg++;
        }
      }
  }
  unitSegStart[items.length] = nSeg;
  // Per-segment arrays with exactly nSeg entries (views; the vertex arrays may keep unused tails).
  const from = fromBuf.subarray(0, nSeg), segUnit = unitBuf.subarray(0, nSeg), segDir = dirBuf.subarray(0, nSeg);
  const vDir = new Int8Array(xs.length);
  for (let s = 0; s < nSeg; s++) vDir[from[s]] = segDir[s];
  const eps = 1e-11 * maxAbs;
  if (nSeg === 0) return { overlaps: [], holes: [] };

  // Effective (interior-on-the-left) endpoints of each segment.
  const effFrom = new Int32Array(nSeg), effTo = new Int32Array(nSeg);

  for (let s = 0; s < nSeg; s++) {
    effFrom[s] = segDir[s] > 0 ? from[s] : from[s] + 1;
    effTo[s] = segDir[s] > 0 ? from[s] + 1 : from[s];
  }
  const matched = matchReversedEdges(xs, ys, effFrom, effTo, segUnit);

  // ---- 2. Indexes: all segments, and unit boxes.
  // Cells about twice the mean segment extent.
  let extent = 0;
  for (let s = 0; s < nSeg; s++) {
    const a = from[s];
    extent += Math.max(Math.abs(xs[a + 1] - xs[a]), Math.abs(ys[a + 1] - ys[a]));
  }
  const segGrid = new SegmentHashGrid(xs, ys, from, Math.max((2 * extent) / nSeg, 1e-12));
  const nUnits = items.length;
  const unitBox = new Flatbush(Math.max(1, nUnits));
  const uBox = new Float64Array(4 * nUnits);
  for (let u = 0; u < nUnits; u++) {
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (let s = unitSegStart[u]; s < unitSegStart[u + 1]; s++) {
      const a = from[s];
      x0 = Math.min(x0, xs[a]); x1 = Math.max(x1, xs[a]);
      y0 = Math.min(y0, ys[a]); y1 = Math.max(y1, ys[a]);
    }
    if (x0 > x1) x0 = y0 = x1 = y1 = Infinity;
    else {
      x0 -= eps; y0 -= eps; x1 += eps; y1 += eps;
    }
    unitBox.add(x0, y0, x1, y1);
    uBox[4 * u] = x0;
    uBox[4 * u + 1] = y0;
    uBox[4 * u + 2] = x1;
    uBox[4 * u + 3] = y1;
  }
  unitBox.finish();
  // The other units whose boxes meet each unit's box: the only ones a piece of it can be inside.
  const aroundUnit: number[][] = [];
  for (let u = 0; u < nUnits; u++) {
    aroundUnit.push(
      unitSegStart[u] === unitSegStart[u + 1]
        ? []
        : unitBox.search(uBox[4 * u], uBox[4 * u + 1], uBox[4 * u + 2], uBox[4 * u + 3], (w) => w !== u && unitSegStart[w] !== unitSegStart[w + 1]),
    );
  }
  const pips = new Map<number, UnitPip>();
  const pipOf = (u: number): UnitPip => {
    let p = pips.get(u);
    if (!p) {
      p = new UnitPip(xs, ys, from.subarray(unitSegStart[u], unitSegStart[u + 1]), vDir, eps);
      pips.set(u, p);
    }
    return p;
  };

  // Metric scale: metres per coordinate unit in x and y at latitude y.
  const kx = (y: number) => (geographic ? DEG * Math.cos((y * Math.PI) / 180) : 1);
  const ky = geographic ? DEG : 1;
  const rx = xs[0], ry = ys[0];

  // ---- 3. Chains of sub-segments per class: overlap pair key (a * nUnits + b, a < b) or -1 for the
  // union's boundary ("exposed": inside no other unit).
  interface Chain {
    cls: number; unit: number;
    x0: number; y0: number; x1: number; y1: number;
    shoe: number; len: number;
    bx0: number; by0: number; bx1: number; by1: number;
  }
  const chains: Chain[] = [];
  let open = new Map<number, Chain>();
  let next = new Map<number, Chain>();
  const splitX: number[] = [], splitY: number[] = [], splitT: number[] = [];
  const clsNow: number[] = [];
  let suspect = false;

  const addPiece = (cls: number, u: number, ax: number, ay: number, bx: number, by: number, len: number) => {
    const shoe = (ax - rx) * (by - ry) - (bx - rx) * (ay - ry);
    const c = open.get(cls);
    if (c && c.x1 === ax && c.y1 === ay) {
      c.x1 = bx; c.y1 = by; c.shoe += shoe; c.len += len;
      if (bx < c.bx0) c.bx0 = bx; else if (bx > c.bx1) c.bx1 = bx;
      if (by < c.by0) c.by0 = by; else if (by > c.by1) c.by1 = by;
      next.set(cls, c);
      return;
    }
    const n: Chain = {
      cls, unit: u, x0: ax, y0: ay, x1: bx, y1: by, shoe, len,
      bx0: Math.min(ax, bx), by0: Math.min(ay, by), bx1: Math.max(ax, bx), by1: Math.max(ay, by),
    };
    chains.push(n);
    next.set(cls, n);
  };

  /**
   * Classifies the piece (p -> q) of unit u against the units `around`, and adds it to the chains of
   * its classes. With `reuse`, the classes of the previous piece are kept: along a ring they can only
   * change where the ring meets another unit's boundary, so pieces between such points are
   * classified once (this saves most point-in-polygon tests).
   */
  const classify = (u: number, around: number[], px: number, py: number, qx: number, qy: number, isMatched: boolean, reuse: boolean) => {
    const mx = (px + qx) / 2, my = (py + qy) / 2;
    const dx = qx - px, dy = qy - py;
    if (!reuse) {
      clsNow.length = 0;
      let covered = isMatched;
      for (const w of around) {
        if (mx < uBox[4 * w] || my < uBox[4 * w + 1] || mx > uBox[4 * w + 2] || my > uBox[4 * w + 3]) continue;
        const place = pipOf(w).place(mx, my, dx, dy);
        if (place === Place.Inside || (place === Place.OnSame && u < w)) clsNow.push(u < w ? u * nUnits + w : w * nUnits + u);
        if (place === Place.Inside || place === Place.OnOpposite || (place === Place.OnSame && w < u)) covered = true;
      }
      if (!covered) clsNow.push(-1);
      else if (clsNow.length) suspect = true;
    }
    if (clsNow.length === 0) {
      open.clear();
      return;
    }
    const len = Math.hypot(dx * kx(my), dy * ky);
    for (const cls of clsNow) addPiece(cls, u, px, py, qx, qy, len);
    const t = open;
    open = next;
    next = t;
    next.clear();
  };

  // The last segment processed and whether it met another unit's boundary (see classify's reuse).
  let lastSeg = -2;
  let lastMet = true;
  // State of the segment being processed, read by the grid visitor (no closure per segment).
  let curS = 0, curU = 0, curAx = 0, curAy = 0, curBx = 0, curBy = 0, curEx = 0, curEy = 0, curLen2 = 0;
  let met = false;
  const addSplit = (x: number, y: number) => {
    if ((x === curAx && y === curAy) || (x === curBx && y === curBy)) return;
    const t = ((x - curAx) * curEx + (y - curAy) * curEy) / curLen2;
    if (t <= 0 || t >= 1) return;
    splitX.push(x); splitY.push(y); splitT.push(t);
  };
  const visitNear = (t: number) => {
    if (segUnit[t] === curU) return;
    // Canonical argument order, so both sides compute bit-identical crossing points.
    const s = curS;
    const p = s < t ? s : t, q = s < t ? t : s;
    const pa = from[p], qa = from[q];
    const kind = meet(xs[pa], ys[pa], xs[pa + 1], ys[pa + 1], xs[qa], ys[qa], xs[qa + 1], ys[qa + 1]);
    if (kind === Meet.None) return;
    met = true;
    addSplit(meetPoint.x, meetPoint.y);
    if (kind === Meet.Collinear) addSplit(meetPoint.x2, meetPoint.y2);
  };

  const processSegment = (u: number, s: number) => {
    const a = effFrom[s], b = effTo[s];
    const ax = xs[a], ay = ys[a], bx = xs[b], by = ys[b];
    // Split points of s where it meets other units' boundaries, as parameters along it.
    splitX.length = splitY.length = splitT.length = 0;
    curS = s; curU = u; curAx = ax; curAy = ay; curBx = bx; curBy = by;
    curEx = bx - ax; curEy = by - ay; curLen2 = curEx * curEx + curEy * curEy;
    met = false;
    segGrid.forEachNearSegment(ax, ay, bx, by, visitNear);
    // Reuse the previous piece's classes when neither this segment nor the previous one (which
    // shares its start vertex) met another boundary, and the previous one is the ring's segment
    // just before this one.
    const reuse = !met && !lastMet && lastSeg === s - 1 && from[s] === from[s - 1] + 1;
    lastSeg = s;
    lastMet = met;
    const around = aroundUnit[u];
    if (splitT.length === 0) {
      classify(u, around, ax, ay, bx, by, matched[s] === 1, reuse);
      return;
    }
    const order = splitT.map((_, i) => i).sort((i, j) => splitT[i] - splitT[j]);
    let px = ax, py = ay;
    for (let k = 0; k <= order.length; k++) {
      const qx = k < order.length ? splitX[order[k]] : bx;
      const qy = k < order.length ? splitY[order[k]] : by;
      if (qx === px && qy === py) continue;
      classify(u, around, px, py, qx, qy, matched[s] === 1, false);
      px = qx;
      py = qy;
    }
  };

  for (let u = 0; u < nUnits; u++) {
    // Free segments first. A segment shared with a neighbour is covered on both sides, so it matters
    // only when it also lies inside a third unit, which then overlaps this one: in that case (a
    // "suspect" unit) the shared segments are classified too.
    suspect = false;
    lastSeg = -2;
    open.clear();
    for (let s = unitSegStart[u]; s < unitSegStart[u + 1]; s++) {
      if (matched[s]) open.clear();
      else processSegment(u, s);
    }
    if (!suspect) continue;
    lastSeg = -2;
    open.clear();
    for (let s = unitSegStart[u]; s < unitSegStart[u + 1]; s++) {
      if (matched[s]) processSegment(u, s);
      else open.clear();
    }
  }

  // ---- 4. Join chains of a class into closed boundaries (union-find on end points).
  const byClass = new Map<number, Chain[]>();
  for (const c of chains) {
    const list = byClass.get(c.cls);
    if (list) list.push(c);
    else byClass.set(c.cls, [c]);
  }
  const overlaps: CoveragePiece[] = [];
  const holes: CoveragePiece[] = [];
  for (const [cls, list] of byClass) {
    const parent = list.map((_, i) => i);
    const find = (i: number): number => {
      while (parent[i] !== i) i = parent[i] = parent[parent[i]];
      return i;
    };
    const at = new Map<string, number>();
    const link = (x: number, y: number, i: number) => {
      const key = `${x},${y}`;
      const j = at.get(key);
      if (j === undefined) at.set(key, i);
      else parent[find(i)] = find(j);
    };
    list.forEach((c, i) => {
      link(c.x0, c.y0, i);
      link(c.x1, c.y1, i);
    });
    const groups = new Map<number, Chain[]>();
    list.forEach((c, i) => {
      const r = find(i);
      const g = groups.get(r);
      if (g) g.push(c);
      else groups.set(r, [c]);
    });
    // Each group is one or more closed loops: positive ones bound pieces, negative ones bound holes.
    const loops = [...groups.values()].map((g) => {
      // A closed boundary passes each end point an even number of times (in and out).
      const degree = new Map<string, number>();
      for (const c of g) {
        const k0 = `${c.x0},${c.y0}`, k1 = `${c.x1},${c.y1}`;
        degree.set(k0, (degree.get(k0) ?? 0) + 1);
        degree.set(k1, (degree.get(k1) ?? 0) - 1);
      }
      // A boundary left open by a rounding slip (an end point computed two ways) is closed with a
      // straight segment from its loose end to its loose start; anything worse is not measured.
      const loose: { x: number; y: number; d: number }[] = [];
      for (const [k, d] of degree) {
        if (d === 0) continue;
        const [x, y] = k.split(",").map(Number);
        loose.push({ x, y, d });
      }
      let closing = 0;
      if (loose.length === 2 && loose[0].d + loose[1].d === 0) {
        const [end, start] = loose[0].d < 0 ? loose : [loose[1], loose[0]];
        closing = (end.x - rx) * (start.y - ry) - (start.x - rx) * (end.y - ry);
      } else if (loose.length) return null;
      let shoe = closing, len = 0;
      let bx0 = Infinity, by0 = Infinity, bx1 = -Infinity, by1 = -Infinity;
      const units = new Set<number>();
      for (const c of g) {
        shoe += c.shoe;
        len += c.len;
        units.add(c.unit);
        bx0 = Math.min(bx0, c.bx0); by0 = Math.min(by0, c.by0);
        bx1 = Math.max(bx1, c.bx1); by1 = Math.max(by1, c.by1);
      }
      const loc: [number, number] = [g[0].x0, g[0].y0];
      return { area: (shoe / 2) * kx(loc[1]) * ky, len, units, loc, bx0, by0, bx1, by1 };
    }).filter((l) => l !== null);
    if (cls < 0) {
      for (const l of loops) {
        if (l.area < 0) holes.push({ units: [...l.units].sort((p, q) => p - q), area: -l.area, perimeter: l.len, location: l.loc });
      }
      continue;
    }
    // An overlap piece may have holes (an enclave's strip is an annulus): a negative loop belongs to
    // the smallest positive loop of the pair whose box holds its box.
    const pieces = loops.filter((l) => l.area > 0).sort((p, q) => p.area - q.area);
    const sums = pieces.map((l) => ({ area: l.area, len: l.len }));
    for (const l of loops) {
      if (l.area >= 0) continue;
      const k = pieces.findIndex((p) => p.bx0 <= l.bx0 && p.by0 <= l.by0 && p.bx1 >= l.bx1 && p.by1 >= l.by1);
      if (k < 0) continue;
      sums[k].area += l.area;
      sums[k].len += l.len;
    }
    pieces.forEach((p, k) => {
      if (sums[k].area <= 0) return;
      overlaps.push({ units: [Math.floor(cls / nUnits), cls % nUnits], area: sums[k].area, perimeter: sums[k].len, location: p.loc });
    });
  }
  return { overlaps, holes };
}
