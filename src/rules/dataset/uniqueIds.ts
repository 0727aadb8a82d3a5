import type { Finding } from "../../model/types.js";
import type { GeometryItem } from "./geometryItem.js";

/**
 * Rule `unique-ids` (error): two or more features with the same id. One finding per repeated id,
 * listing its feature indexes.
 *
 * @example
 * uniqueIds([{ id: "A", geometry }, { id: "A", geometry }]) // one finding
 */
export function uniqueIds(items: readonly GeometryItem[]): Finding[] {
  const seen = new Map<string, number[]>();
  items.forEach((item, i) => {
    if (!item.id) return;
    const list = seen.get(item.id);
    if (list) list.push(i);
    else seen.set(item.id, [i]);
  });
  const out: Finding[] = [];
  for (const [id, at] of seen) {
    if (at.length < 2) continue;
    out.push({
      rule: "unique-ids",
      severity: "error",
      message: `id ${id} is used by ${at.length} features (${at.map((k) => `feature ${k}`).join(", ")})`,
      units: [id],
      suggestion: "give each unit one feature; merge the parts of a unit into one MultiPolygon",
    });
  }
  return out;
}
