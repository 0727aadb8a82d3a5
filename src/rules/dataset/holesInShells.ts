import type { Finding } from "../../model/types.js";
import type { GeometryItem } from "./geometryItem.js";
import { pointInRing } from "./geom/pointInRing.js";
import { cleanRing, polygonsOf, unitLabel } from "./geom/polygons.js";

/**
 * Rule `holes-in-shells` (error): each hole must lie inside its polygon's exterior ring (OGC simple
 * features; GEOS "Hole lies outside shell"). A hole is tested by its first vertex that is not on the
 * shell; a hole entirely on the shell is left to `self-intersections`.
 *
 * @example
 * holesInShells([{ id: "A", geometry: { type: "Polygon", coordinates: [square, holeFarAway] } }]) // one finding
 */
export function holesInShells(items: readonly GeometryItem[]): Finding[] {
  const out: Finding[] = [];
  items.forEach((item, i) => {
    const polygons = polygonsOf(item.geometry);
    if (!polygons) return;
    let count = 0;
    let at: [number, number] | undefined;
    for (const rings of polygons) {
      if (rings.length < 2) continue;
      const shell = cleanRing(rings[0]);
      for (let r = 1; r < rings.length; r++) {
        for (const p of rings[r]) {
          const where = pointInRing(p[0], p[1], shell);
          if (where === 0) continue;
          if (where < 0) {
            count++;
            at ??= [p[0], p[1]];
          }
          break;
        }
      }
    }
    if (!count) return;
    out.push({
      rule: "holes-in-shells",
      severity: "error",
      message: `${unitLabel(item.id, i)}: ${count} hole${count === 1 ? " lies" : "s lie"} outside ${count === 1 ? "its" : "their"} exterior ring`,
      units: item.id ? [item.id] : [],
      location: at,
      suggestion: "an area outside the exterior ring is a separate part: make it a polygon of a MultiPolygon, not a hole",
    });
  });
  return out;
}
