import type { UnitGeometry } from "./types.js";

/**
 * Area overlay by scanlines: the area of A ∩ B is the integral over y of the length of the
 * intersection of A's and B's horizontal sections, and each section is a sorted list of intervals
 * found from edge crossings with the even-odd rule. A midpoint rule over `lines` evenly spaced
 * scanlines gives the area to well under 1% for polygons spanning many lines. It needs no valid
 * polygons (self-touching rings and slivers are fine) and no polygon clipping.
 */

interface Box {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

function bbox(g: UnitGeometry | null): Box {
  const b = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  if (!g) return b;
  for (const poly of g.type === "Polygon" ? [g.coordinates] : g.coordinates) {
    for (const ring of poly) {
      for (const p of ring) {
        if (p[0] < b.minX) b.minX = p[0];
        if (p[0] > b.maxX) b.maxX = p[0];
        if (p[1] < b.minY) b.minY = p[1];
        if (p[1] > b.maxY) b.maxY = p[1];
      }
    }
  }
  return b;
}

function boxesMeet(a: Box, b: Box): boolean {
  return a.minX <= b.maxX && b.minX <= a.maxX && a.minY <= b.maxY && b.minY <= a.maxY;
}

/**
 * Sections of a polygon along scanlines y_j = y0 + (j + 0.5) h, j in [0, lines): for each line,
 * the sorted x crossings; consecutive pairs are the inside intervals.
 */
function sections(g: UnitGeometry | null, y0: number, h: number, lines: number): Float64Array[] {
  const xs: number[][] = Array.from({ length: lines }, () => []);
  if (!g || !(h > 0)) return xs.map(() => new Float64Array(0));
  for (const poly of g.type === "Polygon" ? [g.coordinates] : g.coordinates) {
    for (const ring of poly) {
      const last = ring.length - 1;
      for (let i = 0; i < ring.length; i++) {
        const p = ring[i];
        const q = i < last ? ring[i + 1] : ring[0];
        if (i === last && p[0] === q[0] && p[1] === q[1]) continue;
        const ya = p[1], yb = q[1];
        if (ya === yb) continue;
        const lo = Math.min(ya, yb), hi = Math.max(ya, yb);
        // lines with lo <= y < hi (half-open, so a vertex on a line is crossed once)
        let j0 = Math.ceil((lo - y0) / h - 0.5);
        let j1 = Math.ceil((hi - y0) / h - 0.5) - 1;
        if (j0 < 0) j0 = 0;
        if (j1 > lines - 1) j1 = lines - 1;
        for (let j = j0; j <= j1; j++) {
          const y = y0 + (j + 0.5) * h;
          xs[j].push(p[0] + ((y - ya) * (q[0] - p[0])) / (yb - ya));
        }
      }
    }
  }
  return xs.map((list) => Float64Array.from(list).sort());
}

function sectionLength(s: Float64Array): number {
  let t = 0;
  for (let i = 0; i + 1 < s.length; i += 2) t += s[i + 1] - s[i];
  return t;
}

/** Length of the intersection of two even-odd interval lists, and the middle of the longest piece. */
function overlapLength(a: Float64Array, b: Float64Array): { length: number; at: number; longest: number } {
  let i = 0, j = 0, length = 0, at = NaN, longest = 0;
  while (i + 1 < a.length && j + 1 < b.length) {
    const lo = Math.max(a[i], b[j]);
    const hi = Math.min(a[i + 1], b[j + 1]);
    if (hi > lo) {
      length += hi - lo;
      if (hi - lo > longest) {
        longest = hi - lo;
        at = (lo + hi) / 2;
      }
    }
    if (a[i + 1] < b[j + 1]) i += 2;
    else j += 2;
  }
  return { length, at, longest };
}

export interface UnitCover {
  unit: number;
  /** [footprint index, share of the unit's area] for footprints covering any of it, largest first. */
  shares: [number, number][];
}

/**
 * For each unit, the share of its area covered by each footprint polygon.
 *
 * @param lines scanlines per unit (default 128)
 */
export function coverUnits(units: readonly (UnitGeometry | null)[], footprints: readonly (UnitGeometry | null)[], lines = 128): UnitCover[] {
  const fBoxes = footprints.map(bbox);
  return units.map((g, unit) => {
    const box = bbox(g);
    if (!(box.maxY > box.minY)) return { unit, shares: [] };
    const h = (box.maxY - box.minY) / lines;
    const own = sections(g, box.minY, h, lines);
    let area = 0;
    for (const s of own) area += sectionLength(s);
    const shares: [number, number][] = [];
    if (area > 0) {
      fBoxes.forEach((fb, f) => {
        if (!boxesMeet(box, fb)) return;
        const fs = sections(footprints[f], box.minY, h, lines);
        let inter = 0;
        for (let j = 0; j < lines; j++) inter += overlapLength(own[j], fs[j]).length;
        if (inter > 0) shares.push([f, inter / area]);
      });
    }
    shares.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    return { unit, shares };
  });
}

export interface PolygonOverlap {
  a: number;
  b: number;
  /** Overlap as a share of the smaller polygon's area. */
  share: number;
  /** A point inside the overlap. */
  location: [number, number];
}

/**
 * Pairs of polygons that overlap by more than `tolerance` of the smaller one's area.
 */
export function polygonOverlaps(polys: readonly (UnitGeometry | null)[], tolerance: number, lines = 256): PolygonOverlap[] {
  const boxes = polys.map(bbox);
  const out: PolygonOverlap[] = [];
  const areaOf = (i: number) => {
    const b = boxes[i];
    const h = (b.maxY - b.minY) / lines;
    let t = 0;
    for (const s of sections(polys[i], b.minY, h, lines)) t += sectionLength(s);
    return t * h;
  };
  const areas = polys.map((_, i) => areaOf(i));
  for (let a = 0; a < polys.length; a++) {
    for (let b = a + 1; b < polys.length; b++) {
      const A = boxes[a], B = boxes[b];
      if (!boxesMeet(A, B)) continue;
      const y0 = Math.max(A.minY, B.minY), y1 = Math.min(A.maxY, B.maxY);
      if (!(y1 > y0)) continue;
      const h = (y1 - y0) / lines;
      const sa = sections(polys[a], y0, h, lines), sb = sections(polys[b], y0, h, lines);
      let inter = 0, best = 0;
      let location: [number, number] = [NaN, NaN];
      for (let j = 0; j < lines; j++) {
        const o = overlapLength(sa[j], sb[j]);
        inter += o.length;
        if (o.longest > best) {
          best = o.longest;
          location = [o.at, y0 + (j + 0.5) * h];
        }
      }
      const share = (inter * h) / Math.min(areas[a], areas[b]);
      if (share > tolerance) out.push({ a, b, share, location });
    }
  }
  return out;
}
