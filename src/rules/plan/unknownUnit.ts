import type { Finding } from "../../model/types.js";
import type { PlanContext } from "./context.js";

/** `unknown-unit`: the plan names a unit that is not in the boundaries. */
export function unknownUnit(ctx: PlanContext): Finding[] {
  const source = ctx.dataset.plan?.source;
  return ctx.plan.unknown.map((row) => ({
    rule: "unknown-unit",
    severity: "error",
    message: `the plan${row.line ? ` (line ${row.line})` : ""} puts "${row.unit}" in ${row.footprint}, but "${row.unit}" is not a unit of the boundaries`,
    footprint: row.footprint,
    units: [row.unit],
    suggestion: source ? `check the code against the boundaries' id field, or remove the row` : undefined,
    ...(row.line !== undefined ? { line: row.line } : {}),
  }));
}
