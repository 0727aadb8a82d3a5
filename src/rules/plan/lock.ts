import type { Finding, Lock } from "../../model/types.js";
import { type PlanContext, unitLabel } from "./context.js";

/**
 * `lock`: a unit that a lock file puts in a footprint is somewhere else (or in no footprint). A
 * lock is a promise to the people who wrote it, so a broken one is an error.
 */
export function lock(ctx: PlanContext, opts: { locks?: Lock[]; lockFile?: string }): Finding[] {
  const out: Finding[] = [];
  const { dataset, plan } = ctx;
  for (const l of opts.locks ?? []) {
    const u = dataset.units.index.get(l.unit);
    const where = opts.lockFile ? ` (${opts.lockFile}${l.line ? `, line ${l.line}` : ""})` : "";
    if (u === undefined) {
      out.push({
        rule: "lock",
        severity: "error",
        message: `the lock${where} names "${l.unit}", which is not a unit of the boundaries`,
        units: [l.unit],
        footprint: l.footprint,
        file: opts.lockFile,
        line: l.line,
      });
      continue;
    }
    const f = plan.assignment[u];
    const actual = f >= 0 ? plan.footprints[f] : null;
    const inTwo = plan.memberships[u].length > 1;
    if (actual === l.footprint && !inTwo) continue;
    out.push({
      rule: "lock",
      severity: "error",
      message: `${unitLabel(dataset, u)} is locked to ${l.footprint}${where} but is ${
        actual === null ? "in no footprint" : inTwo ? `in ${plan.memberships[u].map((g) => plan.footprints[g]).join(" and ")}` : `in ${actual}`
      }`,
      footprint: actual ?? l.footprint,
      units: [l.unit],
      suggestion: `put ${l.unit} back in ${l.footprint}, or remove its lock`,
      file: opts.lockFile,
      line: l.line,
    });
  }
  return out;
}
