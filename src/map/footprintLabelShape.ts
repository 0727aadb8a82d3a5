import type { Polyline } from "./groupBoundaries.js";
import type { LabelShape } from "./poleOfInaccessibility.js";
import type { ShapeRings } from "./projectUnits.js";

/**
 * A footprint as a shape for label placement: inside means inside one of its units' polygons
 * (even-odd over each polygon's rings, so holes are outside), and the edge is the footprint's
 * outline, so inner unit boundaries do not push the label away.
 *
 * @param shapes the footprint's units' projected shapes
 * @param outline the footprint's outline (from groupBoundaries)
 */
export function footprintLabelShape(shapes: readonly ShapeRings[], outline: readonly Polyline[]): LabelShape {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  const polygons: number[][][] = [];
  for (const polys of shapes) {
    for (const rings of polys) {
      polygons.push(rings);
      const ext = rings[0];
      for (let i = 0; i < ext.length; i += 2) {
        if (ext[i] < x0) x0 = ext[i];
        if (ext[i] > x1) x1 = ext[i];
        if (ext[i + 1] < y0) y0 = ext[i + 1];
        if (ext[i + 1] > y1) y1 = ext[i + 1];
      }
    }
  }
  // Edge segments as flat quadruples; the outline, or every ring when there is no outline.
  const segs: number[] = [];
  const addLine = (pts: readonly number[], closed: boolean) => {
    const n = pts.length / 2;
    for (let i = 0; i + 1 < n + (closed ? 1 : 0); i++) {
      const j = (i + 1) % n;
      segs.push(pts[2 * i], pts[2 * i + 1], pts[2 * j], pts[2 * j + 1]);
    }
  };
  if (outline.length) for (const l of outline) addLine(l.points, l.closed);
  else for (const rings of polygons) for (const r of rings) addLine(r, true);
  return {
    bounds: [x0, y0, x1, y1],
    signedDistance(x, y) {
      let inside = false;
      for (const rings of polygons) {
        let inPoly = false;
        for (const r of rings) {
          for (let i = 0, n = r.length / 2, j = n - 1; i < n; j = i++) {
            const xi = r[2 * i], yi = r[2 * i + 1], xj = r[2 * j], yj = r[2 * j + 1];
            if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inPoly = !inPoly;
          }
        }
        if (inPoly) {
          inside = true;
          break;
        }
      }
      let best = Infinity;
      for (let k = 0; k < segs.length; k += 4) {
        const ax = segs[k], ay = segs[k + 1], dx = segs[k + 2] - ax, dy = segs[k + 3] - ay;
        const len2 = dx * dx + dy * dy;
        let t = len2 > 0 ? ((x - ax) * dx + (y - ay) * dy) / len2 : 0;
        t = t < 0 ? 0 : t > 1 ? 1 : t;
        const qx = ax + t * dx - x, qy = ay + t * dy - y;
        const d2 = qx * qx + qy * qy;
        if (d2 < best) best = d2;
      }
      const d = Math.sqrt(best);
      return inside ? d : -d;
    },
  };
}
