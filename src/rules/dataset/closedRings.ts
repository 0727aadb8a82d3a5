import type { Finding } from "../../model/types.js";
import type { GeometryItem } from "./geometryItem.js";
import { isClosed, polygonsOf, ringLabel, unitLabel } from "./geom/polygons.js";

/**
 * Rule `closed-rings` (error): a ring's last position must equal its first (RFC 7946 §3.1.6). One
 * finding per unit, located at the ring's first position.
 *
 * @example
 * closedRings([{ id: "A", geometry: { type: "Polygon", coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1]]] } }]) // one finding
 */
export function closedRings(items: readonly GeometryItem[]): Finding[] {
  const out: Finding[] = [];
  items.forEach((item, i) => {
    const polygons = polygonsOf(item.geometry);
    if (!polygons) return;
    const open: string[] = [];
    let at: [number, number] | undefined;
    polygons.forEach((rings, p) =>
      rings.forEach((ring, r) => {
        if (ring.length === 0 || isClosed(ring)) return;
        open.push(ringLabel(polygons.length, p, r));
        at ??= [ring[0][0], ring[0][1]];
      }),
    );
    if (!open.length) return;
    out.push({
      rule: "closed-rings",
      severity: "error",
      message: `${unitLabel(item.id, i)}: ${open.join(", ")} ${open.length === 1 ? "is" : "are"} not closed (last position differs from the first)`,
      units: item.id ? [item.id] : [],
      location: at,
      suggestion: "`stp-footprint validate --fix OUT` closes rings",
    });
  });
  return out;
}
