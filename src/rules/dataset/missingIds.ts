import type { Finding } from "../../model/types.js";
import type { GeometryItem } from "./geometryItem.js";

/**
 * Rule `missing-ids` (error): a feature without an id (missing, null or blank), which no plan or
 * population row can refer to.
 *
 * @example
 * missingIds([{ id: "", geometry }]) // one finding
 */
export function missingIds(items: readonly GeometryItem[]): Finding[] {
  const out: Finding[] = [];
  items.forEach((item, i) => {
    if (typeof item.id === "string" && item.id.trim() !== "") return;
    out.push({
      rule: "missing-ids",
      severity: "error",
      message: `feature ${i} has no id`,
      suggestion: "set the id property (or choose another with --id-field)",
    });
  });
  return out;
}
