import { footprintPopulations, type ResolvedPlan } from "../../model/plan.js";
import type { Dataset } from "../../model/types.js";

/** What every plan rule reads: the dataset, the resolved plan and footprint populations. */
export interface PlanContext {
  dataset: Dataset;
  plan: ResolvedPlan;
  populations: Float64Array;
}

export function planContext(dataset: Dataset, plan: ResolvedPlan): PlanContext {
  return { dataset, plan, populations: footprintPopulations(plan, dataset.population) };
}

/** "E54000007 (Greater Manchester)" or just the id. */
export function footprintLabel(plan: ResolvedPlan, f: number): string {
  return plan.names[f] ? `${plan.footprints[f]} (${plan.names[f]})` : plan.footprints[f];
}

/** "E38000087 (NHS Isle of Wight CCG)" or just the id. */
export function unitLabel(dataset: Dataset, u: number): string {
  const name = dataset.units.names[u];
  return name ? `${dataset.units.ids[u]} (${name})` : dataset.units.ids[u];
}

/** A list of at most `max` labels, then "and N more". */
export function shortList(labels: string[], max = 8): string {
  return labels.length <= max ? labels.join(", ") : `${labels.slice(0, max).join(", ")} and ${labels.length - max} more`;
}

/** Rounds a share for output: 4 decimals. */
export function roundShare(x: number): number {
  return Math.round(x * 10000) / 10000;
}

/**
 * An empty record of shares by footprint id, with no prototype: a footprint may be called
 * `__proto__` or `constructor`, which on a plain object would set the prototype or read a method
 * instead of holding a share.
 */
export function sharesByFootprint(): Record<string, number> {
  return Object.create(null) as Record<string, number>;
}
