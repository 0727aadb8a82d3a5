import type { Finding } from "../../model/types.js";
import type { GeometryCheckOptions, GeometryItem } from "./geometryItem.js";
import { coordinateProblem } from "./geom/badCoordinates.js";
import { isGeographic } from "./geom/looksLikeBng.js";
import { unitLabel } from "./geom/polygons.js";

/**
 * Rule `coordinate-range` (error): positions beyond any map (over 1e8 in x or y, a stray vertex);
 * in longitude/latitude files (not declared or detected as projected), longitudes outside
 * [-180, 180] and latitudes outside [-90, 90] (RFC 7946 §4); and a unit spanning more than half
 * the globe. One finding per unit; `validate` then keeps the unit out of every other geometric
 * check and of the adjacency.
 *
 * @example
 * coordinateRange([{ id: "A", geometry: { type: "Polygon", coordinates: [[[0, 0], [200, 0], [0, 1], [0, 0]]] } }]) // one finding
 */
export function coordinateRange(items: readonly GeometryItem[], opts: GeometryCheckOptions = {}): Finding[] {
  const geographic = isGeographic(items, opts.geographic);
  const out: Finding[] = [];
  items.forEach((item, i) => {
    const found = coordinateProblem(item, geographic);
    if (!found) return;
    out.push({
      rule: "coordinate-range",
      severity: "error",
      message: `${unitLabel(item.id, i)}: ${found.problem}`,
      units: item.id ? [item.id] : [],
      suggestion: found.suggestion,
    });
  });
  return out;
}
