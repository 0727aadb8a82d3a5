import type { Finding } from "../../model/types.js";
import { type PlanContext, shortList, unitLabel } from "./context.js";

/** `unassigned`: units of the boundaries that are in no footprint (one finding listing them). */
export function unassigned(ctx: PlanContext): Finding[] {
  const missing: number[] = [];
  ctx.plan.memberships.forEach((fs, u) => {
    if (fs.length === 0) missing.push(u);
  });
  if (missing.length === 0) return [];
  return [
    {
      rule: "unassigned",
      severity: "error",
      message: `${missing.length} unit${missing.length > 1 ? "s are" : " is"} in no footprint: ${shortList(missing.map((u) => unitLabel(ctx.dataset, u)))}`,
      units: missing.map((u) => ctx.dataset.units.ids[u]),
      suggestion: "add a plan row for each of these units",
    },
  ];
}
