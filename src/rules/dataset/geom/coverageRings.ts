import type { GeometryItem } from "../geometryItem.js";
import { matchReversedEdges } from "./edgeMatch.js";
import { cleanRing, polygonsOf } from "./polygons.js";

/**
 * Every ring of every unit as segments in typed arrays, for the coverage analysis: segment s runs
 * from vertex `from[s]` to `from[s] + 1` as stored, belongs to unit `segUnit[s]`, and has the
 * unit's interior on its left when taken from `effFrom[s]` to `effTo[s]`.
 */
export interface CoverageRings {
  /** Vertex coordinates (the arrays may keep unused tails). */
  xs: Float64Array;
  ys: Float64Array;
  from: Int32Array;
  segUnit: Int32Array;
  /** +1 when the stored direction has the interior on the left (exterior counter-clockwise, holes clockwise), -1 otherwise. */
  segDir: Int8Array;
  /** The direction factor of the segment starting at each vertex (for point-in-polygon). */
  vDir: Int8Array;
  /** The segments of unit u are [unitSegStart[u], unitSegStart[u + 1]). */
  unitSegStart: Int32Array;
  /** Interior-on-the-left end points of each segment. */
  effFrom: Int32Array;
  effTo: Int32Array;
  /** 1 for a segment another unit has in the opposite direction (a shared edge of a clean file). */
  matched: Uint8Array;
  /** Coordinates closer than this are one point: 1e-11 of the largest coordinate. */
  eps: number;
}

/**
 * Step 1 of the coverage analysis: flattens all rings of all units (repeated points dropped, rings
 * closed, rings without area left to other rules), orients each with the unit's interior on the
 * left, whatever the file's winding, and marks the segments shared in opposite directions.
 */
export function coverageRings(items: readonly GeometryItem[]): CoverageRings {
  let cap = 0;
  for (const item of items) {
    const polygons = polygonsOf(item.geometry);
    if (polygons) for (const rings of polygons) for (const ring of rings) cap += ring.length + 1;
  }
  const xs = new Float64Array(cap), ys = new Float64Array(cap);
  const fromBuf = new Int32Array(cap), unitBuf = new Int32Array(cap), dirBuf = new Int8Array(cap);
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
  const effFrom = new Int32Array(nSeg), effTo = new Int32Array(nSeg);
  for (let s = 0; s < nSeg; s++) {
    effFrom[s] = segDir[s] > 0 ? from[s] : from[s] + 1;
    effTo[s] = segDir[s] > 0 ? from[s] + 1 : from[s];
  }
  const matched = nSeg ? matchReversedEdges(xs, ys, effFrom, effTo, segUnit) : new Uint8Array(0);
  return { xs, ys, from, segUnit, segDir, vDir, unitSegStart, effFrom, effTo, matched, eps: 1e-11 * maxAbs };
}
