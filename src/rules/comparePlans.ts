import { diffPlans, type PlanDiff } from "../model/diffPlans.js";
import type { Dataset, Plan } from "../model/types.js";
import { type CheckMetrics, checkPlan } from "./checkPlan.js";
import type { PlanRuleOptions } from "./index.js";

/** One side of a comparison: a plan's check metrics and its findings counted. */
export interface PlanSide {
  source: string;
  ok: boolean;
  metrics: CheckMetrics;
  errors: number;
  warnings: number;
  /** Findings per rule id. */
  findings: Record<string, number>;
}

/** The result of `diff`: both plans' metrics and what changed between them. */
export interface PlanComparison {
  a: PlanSide;
  b: PlanSide;
  diff: PlanDiff;
}

/**
 * Compares two plans on one dataset: the units that moved, the footprints created, removed or
 * changed, and the check metrics and finding counts of each plan, for a side-by-side report.
 *
 * @example
 * const c = comparePlans(dataset, before, after);
 * c.diff.moved.length; // units in a different footprint
 * c.b.metrics.crossFootprintProviders - c.a.metrics.crossFootprintProviders;
 */
export function comparePlans(dataset: Dataset, a: Plan, b: Plan, opts: Partial<PlanRuleOptions> = {}): PlanComparison {
  const side = (plan: Plan, fallback: string): PlanSide => {
    const r = checkPlan(dataset, plan, opts);
    const findings: Record<string, number> = {};
    for (const f of r.findings) findings[f.rule] = (findings[f.rule] ?? 0) + 1;
    const errors = r.findings.filter((f) => f.severity === "error").length;
    return { source: plan.source ?? fallback, ok: r.ok, metrics: r.metrics, errors, warnings: r.findings.length - errors, findings };
  };
  return { a: side(a, "plan A"), b: side(b, "plan B"), diff: diffPlans(dataset.units, a, b) };
}
