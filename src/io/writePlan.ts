import type { Plan } from "../model/types.js";
import { toCsv } from "./writeCsv.js";

/** A plan as CSV text: `unit,footprint,footprint_name`, one row per plan row, in plan order. */
export function planToCsv(plan: Plan): string {
  return toCsv(
    ["unit", "footprint", "footprint_name"],
    plan.rows.map((r) => [r.unit, r.footprint, plan.names.get(r.footprint) ?? ""]),
  );
}
