import type { Finding } from "../../model/types.js";
import type { GeometryItem } from "./geometryItem.js";
import { cleanRing, polygonsOf, ringLabel, signedArea2, unitLabel } from "./geom/polygons.js";

/**
 * Rule `winding-order` (warning): RFC 7946 §3.1.6 asks exterior rings to be counter-clockwise and holes
 * clockwise (parsers must not reject the other order, hence a warning). Orientation is the sign of the
 * shoelace area; rings of zero area are left to other rules.
 *
 * @example
 * windingOrder([{ id: "A", geometry: { type: "Polygon", coordinates: [[[0, 0], [0, 1], [1, 1], [1, 0], [0, 0]]] } }]) // one finding
 */
export function windingOrder(items: readonly GeometryItem[]): Finding[] {
  const out: Finding[] = [];
  items.forEach((item, i) => {
    const polygons = polygonsOf(item.geometry);
    if (!polygons) return;
    const wrong: string[] = [];
    let at: [number, number] | undefined;
    polygons.forEach((rings, p) =>
      rings.forEach((ring, r) => {
        const a = signedArea2(cleanRing(ring));
        if (a === 0 || a > 0 === (r === 0)) return;
        wrong.push(`${ringLabel(polygons.length, p, r)} is ${a > 0 ? "counter-clockwise" : "clockwise"}`);
        at ??= [ring[0][0], ring[0][1]];
      }),
    );
    if (!wrong.length) return;
    out.push({
      rule: "winding-order",
      severity: "warning",
      message: `${unitLabel(item.id, i)}: ${wrong.join(", ")}; RFC 7946 wants exterior rings counter-clockwise and holes clockwise`,
      units: item.id ? [item.id] : [],
      location: at,
      suggestion: "`stp-footprint validate --fix OUT` rewinds rings",
    });
  });
  return out;
}
