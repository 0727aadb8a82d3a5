import { cleanRing, type Polygons } from "./polygons.js";

/**
 * The rings of one unit flattened into typed arrays: vertices `xs`/`ys` of every cleaned, closed ring
 * one after another. Ring r owns vertices [ringStart[r], ringStart[r + 1]); its last vertex repeats its
 * first. Segment k runs from vertex k to vertex k + 1 and exists when k + 1 < ringStart[r + 1].
 */
export interface UnitSegments {
  xs: Float64Array;
  ys: Float64Array;
  /** ringStart[r] = first vertex of ring r; ringStart[ringCount] = vertex count. */
  ringStart: Int32Array;
  /** Ring of each vertex. */
  ringOf: Int32Array;
  /** Polygon index and ring index within the polygon, per ring. */
  ringPolygon: Int32Array;
  ringIndex: Int32Array;
}

/** Flattens a unit's polygons (repeated consecutive points dropped, rings closed, degenerate rings left out). */
export function unitSegments(polygons: Polygons): UnitSegments {
  const flats: (readonly number[])[] = [];
  const poly: number[] = [];
  const idx: number[] = [];
  polygons.forEach((rings, p) =>
    rings.forEach((ring, r) => {
      const flat = cleanRing(ring);
      // A ring with fewer than three distinct vertices has no area; `ring-positions` reports it.
      if (flat.length < 8) return;
      flats.push(flat);
      poly.push(p);
      idx.push(r);
    }),
  );
  let n = 0;
  for (const f of flats) n += f.length / 2;
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  const ringOf = new Int32Array(n);
  const ringStart = new Int32Array(flats.length + 1);
  let v = 0;
  flats.forEach((f, r) => {
    ringStart[r] = v;
    for (let i = 0; i < f.length; i += 2) {
      xs[v] = f[i];
      ys[v] = f[i + 1];
      ringOf[v] = r;
      v++;
    }
  });
  ringStart[flats.length] = v;
  return { xs, ys, ringStart, ringOf, ringPolygon: Int32Array.from(poly), ringIndex: Int32Array.from(idx) };
}

/** Start vertices of all segments of a unit (every vertex but the last of each ring). */
export function segmentIds(u: UnitSegments): Int32Array {
  const rings = u.ringStart.length - 1;
  const out = new Int32Array(Math.max(0, u.xs.length - rings));
  let k = 0;
  for (let r = 0; r < rings; r++) {
    for (let v = u.ringStart[r]; v < u.ringStart[r + 1] - 1; v++) out[k++] = v;
  }
  return out.subarray(0, k);
}
