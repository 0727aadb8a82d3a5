import { components } from "../model/components.js";
import { defaults } from "../options/defaults.js";
import { resolvePlan } from "../model/plan.js";
import type { Dataset, Finding, Plan } from "../model/types.js";
import { applySeverity, isValid } from "./applySeverity.js";
import { type PlanRuleOptions, planRules } from "./index.js";
import { planContext } from "./plan/context.js";
import { providerFootprintPairs } from "./plan/crossFootprintProvider.js";
import { roundShare } from "./plan/context.js";
import { providerSpread } from "../model/providerShares.js";

export interface FootprintSummary {
  id: string;
  name: string;
  population: number;
  units: string[];
  /** Connected pieces (1 for a contiguous footprint). */
  components: number;
  status: "ok" | "warning" | "error";
}

export interface CheckMetrics {
  units: number;
  footprints: number;
  population: { min: number; max: number; total: number };
  crossFootprintProviders: number;
  providerFootprintPairs: number;
  splitAreas: number;
  /** With a margin m: providers two footprints each hold at least threshold - m of (absent without). */
  crossAtMargin?: number;
}

/** A provider whose second-largest footprint share is within NEAR_BAND of the threshold. */
export interface NearThreshold {
  provider: string;
  /** The provider's name, where the dataset names providers. */
  providerName?: string;
  /** Its largest and second-largest shares, and their footprints. */
  largest: number;
  second: number;
  footprints: [string, string];
  /** Whether it counts as cross-footprint now. */
  cross: boolean;
}

/** Half-width of the band around the threshold in which providers are listed as near it (0.5 points). */
export const NEAR_BAND = 0.005;

/** The result of `check`: the JSON output, documented in the README. */
export interface CheckResult {
  ok: boolean;
  metrics: CheckMetrics;
  footprints: FootprintSummary[];
  findings: Finding[];
  /** Providers within NEAR_BAND of the threshold: a small change in catchment would flip them. */
  nearThreshold: NearThreshold[];
}

/**
 * Runs every plan rule on a plan and summarises it footprint by footprint.
 *
 * @param extra findings found elsewhere (e.g. overlapping footprint polygons), included as they are
 * @example
 * const result = checkPlan(dataset, plan);
 * result.ok; // false when any finding has error severity
 */
export function checkPlan(dataset: Dataset, plan: Plan, opts: Partial<PlanRuleOptions> = {}, extra: Finding[] = []): CheckResult {
  const ruleOpts: PlanRuleOptions = { ...opts, splitTolerance: opts.splitTolerance ?? defaults.splitTolerance };
  const resolved = resolvePlan(plan, dataset.units);
  const ctx = planContext(dataset, resolved);
  const raw: Finding[] = [...extra];
  for (const rule of Object.values(planRules)) raw.push(...rule(ctx, ruleOpts));
  const findings = applySeverity(raw, dataset.params.severity);

  const worst = new Map<string, "warning" | "error">();
  for (const f of findings) {
    if (!f.footprint) continue;
    if (f.severity === "error" || !worst.has(f.footprint)) worst.set(f.footprint, f.severity);
  }
  const footprints: FootprintSummary[] = resolved.footprints.map((id, f) => ({
    id,
    name: resolved.names[f],
    population: ctx.populations[f],
    units: resolved.members[f].map((u) => dataset.units.ids[u]),
    components: components(resolved.members[f], dataset.adjacency.neighbors).length,
    status: worst.get(id) ?? "ok",
  }));
  let min = Infinity, max = -Infinity, total = 0;
  for (const p of ctx.populations) {
    min = Math.min(min, p);
    max = Math.max(max, p);
    total += p;
  }
  const metrics: CheckMetrics = {
    units: dataset.units.ids.length,
    footprints: resolved.footprints.length,
    population: { min: footprints.length ? min : 0, max: footprints.length ? max : 0, total },
    crossFootprintProviders: raw.filter((f) => f.rule === "cross-footprint-provider").length,
    providerFootprintPairs: providerFootprintPairs(ctx),
    splitAreas: raw.filter((f) => f.rule === "split-area").length,
  };
  const nearThreshold: NearThreshold[] = [];
  const providers = dataset.providers;
  if (providers) {
    const t = dataset.params.threshold;
    const spreads = providerSpread(providers, resolved.assignment, resolved.footprints.length, t);
    let atMargin = 0;
    for (const sp of spreads) {
      if (sp.shares.length < 2) continue;
      const [[f1, s1], [f2, s2]] = sp.shares;
      if (opts.margin !== undefined && s2 >= t - opts.margin) atMargin++;
      if (Math.abs(s2 - t) <= NEAR_BAND) {
        const id = providers.ids[sp.provider];
        const name = dataset.providerNames?.get(id);
        // The second share to 6 decimals, rounded away from the threshold: 4.99996% stays below
        // a 5% threshold instead of rounding onto it, and a cross share never rounds below it.
        const second = (s2 >= t ? Math.ceil : Math.floor)(s2 * 1e6) / 1e6;
        nearThreshold.push({ provider: id, ...(name ? { providerName: name } : {}), largest: roundShare(s1), second, footprints: [resolved.footprints[f1], resolved.footprints[f2]], cross: s2 >= t });
      }
    }
    if (opts.margin !== undefined) metrics.crossAtMargin = atMargin;
    nearThreshold.sort((a, b) => Math.abs(a.second - t) - Math.abs(b.second - t) || (a.provider < b.provider ? -1 : 1));
  }
  return { ok: isValid(findings), metrics, footprints, findings, nearThreshold };
}
