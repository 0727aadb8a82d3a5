import type { Finding } from "../../model/types.js";
import type { GeometryCheckOptions, GeometryItem } from "./geometryItem.js";
import { polygonsOf, unitLabel } from "./geom/polygons.js";

/**
 * Rule `isolated-units` (warning): a unit with no neighbour (and no link), which can only form a
 * footprint on its own. Needs `opts.neighbors` (adjacency by item index, links included); without it
 * the rule finds nothing. Located at the centre of the unit's bounding box.
 *
 * @example
 * isolatedUnits(items, { neighbors: [[1], [0], []] }) // one finding, for items[2]
 */
export function isolatedUnits(items: readonly GeometryItem[], opts: GeometryCheckOptions = {}): Finding[] {
  const neighbors = opts.neighbors;
  if (!neighbors) return [];
  const out: Finding[] = [];
  items.forEach((item, i) => {
    const polygons = polygonsOf(item.geometry);
    if (!polygons || (neighbors[i] && neighbors[i].length > 0)) return;
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (const rings of polygons)
      for (const p of rings[0] ?? []) {
        x0 = Math.min(x0, p[0]); x1 = Math.max(x1, p[0]);
        y0 = Math.min(y0, p[1]); y1 = Math.max(y1, p[1]);
      }
    out.push({
      rule: "isolated-units",
      severity: "warning",
      message: `${unitLabel(item.id, i)}${item.name ? ` ${item.name}` : ""} touches no other unit`,
      units: item.id ? [item.id] : [],
      location: Number.isFinite(x0) ? [(x0 + x1) / 2, (y0 + y1) / 2] : undefined,
      suggestion: "if it is an island joined by a ferry or bridge, add a link (unit_a,unit_b,kind,note) to the links file",
    });
  });
  return out;
}
