import type { Finding, Group } from "../../model/types.js";
import { footprintLabel, type PlanContext, shortList, unitLabel } from "./context.js";

/**
 * `group`: a keep-together group (units that must share one footprint, e.g. a devolution area's
 * organisations) split across footprints, or with units in no footprint or outside the boundaries.
 */
export function group(ctx: PlanContext, opts: { groups?: Group[]; groupsFile?: string }): Finding[] {
  const out: Finding[] = [];
  const { dataset, plan } = ctx;
  for (const g of opts.groups ?? []) {
    const byFootprint = new Map<number, string[]>();
    const unknown: string[] = [];
    g.units.forEach((id) => {
      const u = dataset.units.index.get(id);
      if (u === undefined) return void unknown.push(id);
      const f = plan.assignment[u];
      const list = byFootprint.get(f) ?? [];
      list.push(unitLabel(dataset, u));
      byFootprint.set(f, list);
    });
    if (unknown.length)
      out.push({
        rule: "group",
        severity: "error",
        message: `group "${g.id}" names ${shortList(unknown.map((x) => `"${x}"`))}, not units of the boundaries`,
        units: unknown,
        file: opts.groupsFile,
        line: g.lines[g.units.indexOf(unknown[0])],
      });
    if (byFootprint.size <= 1 && !byFootprint.has(-1)) continue;
    const parts = [...byFootprint].sort((a, b) => b[1].length - a[1].length);
    out.push({
      rule: "group",
      severity: "error",
      message: `group "${g.id}" is split: ${parts.map(([f, us]) => `${f < 0 ? "in no footprint" : footprintLabel(plan, f)}: ${shortList(us, 4)}`).join("; ")}`,
      footprint: parts[0][0] >= 0 ? plan.footprints[parts[0][0]] : undefined,
      units: g.units,
      suggestion: `put all ${g.units.length} units of "${g.id}" in one footprint`,
      file: opts.groupsFile,
      line: g.lines[0],
    });
  }
  return out;
}
