import { describeException, footprintBounds } from "../../model/footprintBounds.js";
import { formatInt } from "../../model/format.js";
import type { BoundException, Finding } from "../../model/types.js";
import { footprintLabel, type PlanContext } from "./context.js";

/**
 * `exception`: an exception to the population bounds that cannot be applied as written: two
 * exceptions on one footprint (error: which bounds hold is unclear), or one that names a unit
 * outside the boundaries or a footprint the plan does not have (warning: it applies to nothing).
 * Footprints outside an exception's bounds are `population-min` / `population-max` findings.
 */
export function exception(ctx: PlanContext, opts: { exceptions?: BoundException[]; exceptionsFile?: string }): Finding[] {
  if (!opts.exceptions?.length) return [];
  const { populationMin: min, populationMax: max } = ctx.dataset.params;
  const b = footprintBounds(ctx.plan, ctx.dataset.units, { min, max }, opts.exceptions);
  const out: Finding[] = [];
  for (const [f, first, second] of b.conflicts)
    out.push({
      rule: "exception",
      severity: "error",
      message: `two exceptions apply to ${footprintLabel(ctx.plan, f)}: the ${describeException(first, formatInt)} and the ${describeException(second, formatInt)}`,
      footprint: ctx.plan.footprints[f],
      suggestion: "keep one exception per footprint",
      file: opts.exceptionsFile,
      line: second.line,
    });
  for (const e of b.unmatched) {
    const unknownUnit = e.unit !== undefined && !ctx.dataset.units.index.has(e.unit);
    out.push({
      rule: "exception",
      severity: unknownUnit ? "error" : "warning",
      message: unknownUnit
        ? `the ${describeException(e, formatInt)} names "${e.unit}", which is not a unit of the boundaries`
        : `the ${describeException(e, formatInt)} is for ${e.footprint !== undefined ? `footprint ${e.footprint}, which the plan does not have` : `the footprint of ${e.unit}, which is in no footprint`}`,
      file: opts.exceptionsFile,
      line: e.line,
    });
  }
  return out;
}
