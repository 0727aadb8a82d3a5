import type { Finding } from "../../model/types.js";
import type { GeometryItem } from "./geometryItem.js";
import { polygonsOf, unitLabel } from "./geom/polygons.js";

/**
 * Rule `repeated-points` (warning): the same position twice in a row along a ring (a zero-length
 * segment). Harmless to most tools but a sign of rounding; one finding per unit with the count.
 *
 * @example
 * repeatedPoints([{ id: "A", geometry: { type: "Polygon", coordinates: [[[0, 0], [1, 0], [1, 0], [1, 1], [0, 0]]] } }]) // one finding
 */
export function repeatedPoints(items: readonly GeometryItem[]): Finding[] {
  const out: Finding[] = [];
  items.forEach((item, i) => {
    const polygons = polygonsOf(item.geometry);
    if (!polygons) return;
    let count = 0;
    let at: [number, number] | undefined;
    for (const rings of polygons)
      for (const ring of rings)
        for (let k = 1; k < ring.length; k++) {
          if (ring[k][0] !== ring[k - 1][0] || ring[k][1] !== ring[k - 1][1]) continue;
          count++;
          at ??= [ring[k][0], ring[k][1]];
        }
    if (!count) return;
    out.push({
      rule: "repeated-points",
      severity: "warning",
      message: `${unitLabel(item.id, i)}: ${count} repeated consecutive position${count === 1 ? "" : "s"}`,
      units: item.id ? [item.id] : [],
      location: at,
      suggestion: "`stp-footprint validate --fix OUT` drops them",
    });
  });
  return out;
}
