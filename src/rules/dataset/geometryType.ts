import type { Finding } from "../../model/types.js";
import type { GeometryItem } from "./geometryItem.js";
import { unitLabel } from "./geom/polygons.js";

/**
 * Rule `geometry-type` (error): a unit's geometry must be a Polygon or MultiPolygon (a missing
 * geometry is `empty-geometry`).
 *
 * @example
 * geometryType([{ id: "A", geometry: { type: "Point", coordinates: [0, 0] } }]) // one finding
 */
export function geometryType(items: readonly GeometryItem[]): Finding[] {
  const out: Finding[] = [];
  items.forEach((item, i) => {
    const g = item.geometry;
    if (!g || g.type === "Polygon" || g.type === "MultiPolygon") return;
    out.push({
      rule: "geometry-type",
      severity: "error",
      message: `${unitLabel(item.id, i)}: geometry is a ${String(g.type)}; units must be Polygon or MultiPolygon`,
      units: item.id ? [item.id] : [],
    });
  });
  return out;
}
