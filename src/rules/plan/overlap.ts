import type { Finding } from "../../model/types.js";
import { footprintLabel, type PlanContext, roundShare, sharesByFootprint, unitLabel } from "./context.js";

/** `overlap`: a unit placed in two or more footprints, by plan rows or by area. */
export function overlap(ctx: PlanContext): Finding[] {
  const out: Finding[] = [];
  const { plan, dataset } = ctx;
  plan.memberships.forEach((fs, u) => {
    if (fs.length < 2) return;
    const rows = plan.rowsOfUnit.get(u) ?? [];
    const byArea = rows.some((r) => r.share !== undefined && r.share < 1);
    const shares = sharesByFootprint();
    const parts = fs.map((f) => {
      const row = rows.find((r) => r.footprint === plan.footprints[f]);
      if (row?.share !== undefined) shares[plan.footprints[f]] = roundShare(row.share);
      const where = byArea && row?.share !== undefined ? ` (${(row.share * 100).toFixed(1)}% of its area)` : row?.line ? ` (line ${row.line})` : "";
      return footprintLabel(plan, f) + where;
    });
    out.push({
      rule: "overlap",
      severity: "error",
      message: `${unitLabel(dataset, u)} is in ${fs.length} footprints: ${parts.join(", ")}`,
      footprint: plan.footprints[fs[0]],
      units: [dataset.units.ids[u]],
      shares: byArea ? shares : undefined,
      suggestion: byArea ? "redraw the footprint boundaries along the unit's boundary" : "keep one row for the unit",
      ...(!byArea && rows[1]?.line !== undefined ? { line: rows[1].line } : {}),
    });
  });
  return out;
}
