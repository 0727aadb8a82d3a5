import { formatPercent } from "../../model/format.js";
import { providerSpread } from "../../model/providerShares.js";
import type { Finding } from "../../model/types.js";
import { footprintLabel, type PlanContext, roundShare, sharesByFootprint } from "./context.js";

/**
 * `cross-footprint-provider`: a provider with at least `threshold` of its activity in each of two
 * or more footprints, which must then take part in several plans. Lists its shares per footprint.
 */
export function crossFootprintProvider(ctx: PlanContext): Finding[] {
  const providers = ctx.dataset.providers;
  if (!providers) return [];
  const { threshold } = ctx.dataset.params;
  const { plan } = ctx;
  const out: Finding[] = [];
  for (const s of providerSpread(providers, plan.assignment, plan.footprints.length, threshold)) {
    if (s.over < 2) continue;
    const shares = sharesByFootprint();
    for (const [f, share] of s.shares) if (share >= threshold) shares[plan.footprints[f]] = roundShare(share);
    const listed = s.shares.filter(([, share]) => share >= threshold).map(([f, share]) => `${footprintLabel(plan, f)} ${formatPercent(share)}`);
    const id = providers.ids[s.provider];
    const name = ctx.dataset.providerNames?.get(id);
    out.push({
      rule: "cross-footprint-provider",
      severity: "warning",
      message: `provider ${name ? `${id} (${name})` : id} has at least ${formatPercent(threshold)} of its activity in each of ${s.over} footprints: ${listed.join(", ")}`,
      footprint: plan.footprints[s.shares[0][0]],
      provider: id,
      ...(name ? { providerName: name } : {}),
      shares,
    });
  }
  return out;
}

/** Number of (provider, footprint) pairs at or above the threshold share, over all providers. */
export function providerFootprintPairs(ctx: PlanContext): number {
  const providers = ctx.dataset.providers;
  if (!providers) return 0;
  let pairs = 0;
  for (const s of providerSpread(providers, ctx.plan.assignment, ctx.plan.footprints.length, ctx.dataset.params.threshold)) pairs += s.over;
  return pairs;
}
