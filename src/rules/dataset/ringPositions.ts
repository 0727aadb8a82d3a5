import type { Finding } from "../../model/types.js";
import type { GeometryItem } from "./geometryItem.js";
import { isClosed, polygonsOf, ringLabel, unitLabel } from "./geom/polygons.js";

/**
 * Rule `ring-positions` (error): a ring needs at least four positions, the last repeating the first
 * (RFC 7946 §3.1.6), i.e. at least a triangle. An unclosed ring is counted as if closed, so that it
 * is only reported by `closed-rings`.
 *
 * @example
 * ringPositions([{ id: "A", geometry: { type: "Polygon", coordinates: [[[0, 0], [1, 0], [0, 0]]] } }]) // one finding
 */
export function ringPositions(items: readonly GeometryItem[]): Finding[] {
  const out: Finding[] = [];
  items.forEach((item, i) => {
    const polygons = polygonsOf(item.geometry);
    if (!polygons) return;
    const short: string[] = [];
    let at: [number, number] | undefined;
    polygons.forEach((rings, p) =>
      rings.forEach((ring, r) => {
        const n = ring.length + (ring.length > 0 && !isClosed(ring) ? 1 : 0);
        if (n >= 4) return;
        short.push(`${ringLabel(polygons.length, p, r)} has ${ring.length} position${ring.length === 1 ? "" : "s"}`);
        if (ring.length) at ??= [ring[0][0], ring[0][1]];
      }),
    );
    if (!short.length) return;
    out.push({
      rule: "ring-positions",
      severity: "error",
      message: `${unitLabel(item.id, i)}: ${short.join(", ")}; a ring needs at least 4 (a closed triangle)`,
      units: item.id ? [item.id] : [],
      location: at,
    });
  });
  return out;
}
