import { describeException, footprintBounds } from "../../model/footprintBounds.js";
import { formatInt } from "../../model/format.js";
import type { BoundException, Finding } from "../../model/types.js";
import { footprintLabel, type PlanContext } from "./context.js";

/**
 * `population-min` / `population-max`: a footprint's population outside its bounds (the
 * dataset's, or an exception's for that footprint), with the amount it is under or over.
 */
export function populationBounds(ctx: PlanContext, opts: { exceptions?: BoundException[] } = {}): Finding[] {
  const { populationMin, populationMax } = ctx.dataset.params;
  const b = footprintBounds(ctx.plan, ctx.dataset.units, { min: populationMin, max: populationMax }, opts.exceptions);
  const out: Finding[] = [];
  ctx.populations.forEach((pop, f) => {
    const members = ctx.plan.members[f].map((u) => ctx.dataset.units.ids[u]);
    const label = footprintLabel(ctx.plan, f);
    const e = b.exception[f];
    const why = e ? `, its ${describeException(e, formatInt)}` : "";
    const max = b.max[f];
    const min = b.min[f];
    if (pop > max) {
      out.push({
        rule: "population-max",
        severity: "error",
        message: `${label} has ${formatInt(pop)} people, over the maximum ${formatInt(max)}${why} by ${formatInt(pop - max)}`,
        footprint: ctx.plan.footprints[f],
        units: members,
        suggestion: "move units on its edge to a neighbouring footprint, or split it",
      });
    } else if (pop < min) {
      out.push({
        rule: "population-min",
        severity: "error",
        message: `${label} has ${formatInt(pop)} people, under the minimum ${formatInt(min)}${why} by ${formatInt(min - pop)}`,
        footprint: ctx.plan.footprints[f],
        units: members,
        suggestion: "merge it with a neighbouring footprint, or move units into it",
      });
    }
  });
  return out;
}
