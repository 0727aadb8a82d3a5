import type { Finding } from "../../model/types.js";
import type { GeometryCheckOptions, GeometryItem } from "./geometryItem.js";
import { looksLikeBng } from "./geom/looksLikeBng.js";
import { polygonsOf, unitLabel } from "./geom/polygons.js";

/**
 * Rule `coordinate-range` (error): longitudes must be in [-180, 180] and latitudes in [-90, 90]
 * (RFC 7946 §4). Skipped for projected files (declared, or detected as British National Grid, which
 * `projected-coordinates` reports once for the whole file).
 *
 * @example
 * coordinateRange([{ id: "A", geometry: { type: "Polygon", coordinates: [[[0, 0], [200, 0], [0, 1], [0, 0]]] } }]) // one finding
 */
export function coordinateRange(items: readonly GeometryItem[], opts: GeometryCheckOptions = {}): Finding[] {
  if (opts.geographic === false || (opts.geographic === undefined && looksLikeBng(items))) return [];
  const out: Finding[] = [];
  items.forEach((item, i) => {
    const polygons = polygonsOf(item.geometry);
    if (!polygons) return;
    let count = 0;
    let first: number[] | null = null;
    for (const rings of polygons)
      for (const ring of rings)
        for (const p of ring)
          if (Math.abs(p[0]) > 180 || Math.abs(p[1]) > 90) {
            count++;
            first ??= p;
          }
    if (!first) return;
    out.push({
      rule: "coordinate-range",
      severity: "error",
      message: `${unitLabel(item.id, i)}: ${count} position${count === 1 ? " is" : "s are"} outside longitude [-180, 180] / latitude [-90, 90], first [${first[0]}, ${first[1]}]`,
      units: item.id ? [item.id] : [],
      suggestion: "check the axis order ([longitude, latitude]) and the coordinate reference system",
    });
  });
  return out;
}
