import type { Finding, Severity } from "../../model/types.js";
import type { GeometryCheckOptions, GeometryItem } from "./geometryItem.js";
import { geometryChecks } from "./geometryChecks.js";

/** Options of validateGeometry: the checks' options plus per-rule severity overrides. */
export interface ValidateGeometryOptions extends GeometryCheckOptions {
  /** Rule id -> "error" | "warning" | "off" (from the manifest or the command line). */
  severity?: Record<string, Severity>;
}

/**
 * Runs every dataset geometry check (see `geometryChecks`) on the items and returns their findings in
 * rule order, with severities overridden as configured and "off" rules skipped.
 *
 * @example
 * const findings = validateGeometry(items, { file: "ccg16.geojson", neighbors: graph.neighbors });
 * const failed = findings.some((f) => f.severity === "error");
 */
export function validateGeometry(items: readonly GeometryItem[], opts: ValidateGeometryOptions = {}): Finding[] {
  const out: Finding[] = [];
  for (const [rule, check] of Object.entries(geometryChecks)) {
    const level = opts.severity?.[rule];
    if (level === "off") continue;
    for (const f of check(items, opts)) out.push(level ? { ...f, severity: level } : f);
  }
  return out;
}
