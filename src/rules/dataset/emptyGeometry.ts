import type { Finding } from "../../model/types.js";
import type { GeometryItem } from "./geometryItem.js";
import { unitLabel } from "./geom/polygons.js";

/** True when a coordinates array holds no position at all ([], [[]], [[[]]] ...). */
function hasNoPosition(c: unknown): boolean {
  if (!Array.isArray(c)) return c === undefined || c === null;
  if (c.length === 0) return true;
  if (!Array.isArray(c[0])) return false;
  return c.every(hasNoPosition);
}

/**
 * Rule `empty-geometry` (error): a unit without geometry (null) or a Polygon/MultiPolygon with no
 * coordinates.
 *
 * @example
 * emptyGeometry([{ id: "A", geometry: null }]) // one finding
 */
export function emptyGeometry(items: readonly GeometryItem[]): Finding[] {
  const out: Finding[] = [];
  items.forEach((item, i) => {
    const g = item.geometry;
    const empty =
      !g || ((g.type === "Polygon" || g.type === "MultiPolygon") && hasNoPosition((g as { coordinates?: unknown }).coordinates));
    if (!empty) return;
    out.push({
      rule: "empty-geometry",
      severity: "error",
      message: `${unitLabel(item.id, i)}: ${g ? "geometry has no coordinates" : "feature has no geometry"}`,
      units: item.id ? [item.id] : [],
    });
  });
  return out;
}
