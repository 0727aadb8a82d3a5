import { formatPercent } from "../../model/format.js";
import type { Finding } from "../../model/types.js";
import { footprintLabel, type PlanContext, roundShare, sharesByFootprint } from "./context.js";

/**
 * `split-area`: an organisation of a second geography (a local authority, from an overlap CSV
 * `area,unit,weight`) split across footprints: a second footprint holds more than
 * `splitTolerance` of its weight. Lists the shares.
 */
export function splitArea(ctx: PlanContext, opts: { splitTolerance: number }): Finding[] {
  const areas = ctx.dataset.areas;
  if (!areas) return [];
  const { plan, dataset } = ctx;
  const byArea = new Map<string, { name?: string; weights: Map<number, number>; total: number }>();
  for (const o of areas) {
    const u = dataset.units.index.get(o.unit);
    let a = byArea.get(o.area);
    if (!a) byArea.set(o.area, (a = { name: o.name, weights: new Map(), total: 0 }));
    a.total += o.weight;
    const f = u === undefined ? -1 : plan.assignment[u];
    if (f < 0) continue;
    a.weights.set(f, (a.weights.get(f) ?? 0) + o.weight);
  }
  const out: Finding[] = [];
  for (const [area, a] of byArea) {
    if (!(a.total > 0)) continue;
    const parts = [...a.weights.entries()].map(([f, w]) => [f, w / a.total] as [number, number]).sort((x, y) => y[1] - x[1] || x[0] - y[0]);
    if (parts.length < 2 || parts[1][1] <= opts.splitTolerance) continue;
    const shares = sharesByFootprint();
    for (const [f, s] of parts) shares[plan.footprints[f]] = roundShare(s);
    out.push({
      rule: "split-area",
      severity: "warning",
      message: `${a.name ? `${area} (${a.name})` : area} is split across ${parts.length} footprints: ${parts.map(([f, s]) => `${footprintLabel(plan, f)} ${formatPercent(s)}`).join(", ")}`,
      footprint: plan.footprints[parts[0][0]],
      shares,
    });
  }
  return out;
}
