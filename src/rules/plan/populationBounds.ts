import { formatInt } from "../../model/format.js";
import type { Finding } from "../../model/types.js";
import { footprintLabel, type PlanContext } from "./context.js";

/**
 * `population-min` / `population-max`: a footprint's population outside the bounds, with the
 * amount it is under or over.
 */
export function populationBounds(ctx: PlanContext): Finding[] {
  const { populationMin: min, populationMax: max } = ctx.dataset.params;
  const out: Finding[] = [];
  ctx.populations.forEach((pop, f) => {
    const members = ctx.plan.members[f].map((u) => ctx.dataset.units.ids[u]);
    const label = footprintLabel(ctx.plan, f);
    if (pop > max) {
      out.push({
        rule: "population-max",
        severity: "error",
        message: `${label} has ${formatInt(pop)} people, over the maximum ${formatInt(max)} by ${formatInt(pop - max)}`,
        footprint: ctx.plan.footprints[f],
        units: members,
        suggestion: "move units on its edge to a neighbouring footprint, or split it",
      });
    } else if (pop < min) {
      out.push({
        rule: "population-min",
        severity: "error",
        message: `${label} has ${formatInt(pop)} people, under the minimum ${formatInt(min)} by ${formatInt(min - pop)}`,
        footprint: ctx.plan.footprints[f],
        units: members,
        suggestion: "merge it with a neighbouring footprint, or move units into it",
      });
    }
  });
  return out;
}
