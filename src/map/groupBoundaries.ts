import type { ShapeRings } from "./projectUnits.js";

/** A polyline `[x0, y0, x1, y1, ...]`; `closed` when it is a whole ring. */
export interface Polyline {
  points: number[];
  closed: boolean;
}

/**
 * The outlines of groups of units (footprints, or the pieces of a footprint), without drawing a
 * union: a boundary segment of a unit in group g is part of g's outline unless both its ends and
 * its middle lie within `tolerance` pixels of the boundary of another unit of the same group.
 * Coasts, and edges against other groups or ungrouped units, are kept; edges between two units of
 * the group are dropped. Because the test is by distance, it does not need the neighbours'
 * vertices to match, which they rarely do in real boundary files (buffered, simplified, rounded).
 * Segments go into a uniform grid, so the cost is linear in the number of vertices.
 *
 * @param group group of each unit; units with a negative group are not outlined
 * @returns outline polylines per group
 * @example
 * groupBoundaries(projected.shapes, assignment, 1).get(0); // the outline of footprint 0
 */
export function groupBoundaries(shapes: readonly ShapeRings[], group: ArrayLike<number>, tolerance: number): Map<number, Polyline[]> {
  // Flatten every ring's segments: segment s runs (x0[s], y0[s]) -> (x1[s], y1[s]) on unit su[s].
  let count = 0, totalLen = 0;
  for (const polys of shapes) for (const rings of polys) for (const ring of rings) count += ring.length / 2;
  const x0 = new Float64Array(count), y0 = new Float64Array(count), x1 = new Float64Array(count), y1 = new Float64Array(count);
  const su = new Int32Array(count);
  let s = 0, minX = Infinity, minY = Infinity;
  shapes.forEach((polys, u) => {
    for (const rings of polys) {
      for (const ring of rings) {
        const n = ring.length / 2;
        for (let i = 0; i < n; i++) {
          const j = (i + 1) % n;
          x0[s] = ring[2 * i];
          y0[s] = ring[2 * i + 1];
          x1[s] = ring[2 * j];
          y1[s] = ring[2 * j + 1];
          su[s] = u;
          totalLen += Math.hypot(x1[s] - x0[s], y1[s] - y0[s]);
          if (x0[s] < minX) minX = x0[s];
          if (y0[s] < minY) minY = y0[s];
          s++;
        }
      }
    }
  });
  // A dense uniform grid in CSR form: the segments near cell c are items[start[c]..start[c+1]).
  // Each segment goes into every cell its box, grown by the tolerance, touches, so a point's own
  // cell lists every segment within the tolerance of it.
  let maxX = -Infinity, maxY = -Infinity;
  for (let k = 0; k < count; k++) {
    maxX = Math.max(maxX, x0[k], x1[k]);
    maxY = Math.max(maxY, y0[k], y1[k]);
  }
  minX -= 2 * tolerance;
  minY -= 2 * tolerance;
  let cell = Math.max(4 * tolerance, count ? (2 * totalLen) / count : 1, 1e-9);
  // Keep the grid to a few million cells whatever the drawing's size.
  while (((maxX - minX) / cell + 2) * ((maxY - minY) / cell + 2) > 4e6) cell *= 2;
  const cols = count ? Math.floor((maxX + 2 * tolerance - minX) / cell) + 1 : 1;
  const rows = count ? Math.floor((maxY + 2 * tolerance - minY) / cell) + 1 : 1;
  const start = new Int32Array(cols * rows + 1);
  const box = (k: number, visit: (c: number) => void) => {
    const cx0 = Math.floor((Math.min(x0[k], x1[k]) - tolerance - minX) / cell), cx1 = Math.floor((Math.max(x0[k], x1[k]) + tolerance - minX) / cell);
    const cy0 = Math.floor((Math.min(y0[k], y1[k]) - tolerance - minY) / cell), cy1 = Math.floor((Math.max(y0[k], y1[k]) + tolerance - minY) / cell);
    for (let cy = cy0; cy <= cy1; cy++) for (let cx = cx0; cx <= cx1; cx++) visit(cy * cols + cx);
  };
  for (let k = 0; k < count; k++) box(k, (c) => start[c + 1]++);
  for (let c = 0; c < cols * rows; c++) start[c + 1] += start[c];
  const items = new Int32Array(start[cols * rows]);
  const fill = start.slice(0, cols * rows);
  for (let k = 0; k < count; k++) box(k, (c) => (items[fill[c]++] = k));

  const tol2 = tolerance * tolerance;
  /** True when (x, y) lies within the tolerance of a segment of another unit of group g. */
  const nearSameGroup = (x: number, y: number, u: number, g: number): boolean => {
    const c = Math.floor((y - minY) / cell) * cols + Math.floor((x - minX) / cell);
    for (let i = start[c], end = start[c + 1]; i < end; i++) {
      const k = items[i];
      const v = su[k];
      if (v === u || group[v] !== g) continue;
      if (distance2(x, y, x0[k], y0[k], x1[k], y1[k]) <= tol2) return true;
    }
    return false;
  };

  const out = new Map<number, Polyline[]>();
  s = 0;
  shapes.forEach((polys, u) => {
    const g = group[u];
    for (const rings of polys) {
      for (const ring of rings) {
        const n = ring.length / 2;
        const start = s;
        s += n;
        if (g < 0) continue;
        const keep: boolean[] = new Array(n);
        let kept = 0;
        for (let i = 0; i < n; i++) {
          const k = start + i;
          const inner =
            nearSameGroup(x0[k], y0[k], u, g) && nearSameGroup(x1[k], y1[k], u, g) && nearSameGroup((x0[k] + x1[k]) / 2, (y0[k] + y1[k]) / 2, u, g);
          keep[i] = !inner;
          if (keep[i]) kept++;
        }
        if (kept === 0) continue;
        let lines = out.get(g);
        if (!lines) out.set(g, (lines = []));
        if (kept === n) {
          lines.push({ points: ring.slice(), closed: true });
          continue;
        }
        // Start after a dropped segment, so runs that wrap around the ring's start stay whole.
        const first = keep.findIndex((k, i) => !k && keep[(i + 1) % n]);
        let run: number[] | null = null;
        for (let step = 1; step <= n; step++) {
          const i = (first + step) % n;
          if (keep[i]) {
            if (!run) run = [ring[2 * i], ring[2 * i + 1]];
            const j = (i + 1) % n;
            run.push(ring[2 * j], ring[2 * j + 1]);
          } else if (run) {
            lines.push({ points: run, closed: false });
            run = null;
          }
        }
        if (run) lines.push({ points: run, closed: false });
      }
    }
  });
  return out;
}

/** Squared distance from (px, py) to the segment (ax, ay)-(bx, by). */
function distance2(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax, dy = by - ay;
  const len2 = dx * dx + dy * dy;
  let t = len2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / len2 : 0;
  t = t < 0 ? 0 : t > 1 ? 1 : t;
  const qx = ax + t * dx - px, qy = ay + t * dy - py;
  return qx * qx + qy * qy;
}
