import type { CheckResult } from "../rules/checkPlan.js";
import { formatInt, type Sink } from "./text.js";

/**
 * The one line `map` prints after writing: what was drawn.
 *
 * @example
 * mapSummary({ file: "plan.svg", result, providerSites: 218 }, process.stdout);
 * // wrote plan.svg: 44 footprints, population 502,990 to 2,869,256; 1 error, 78 warnings
 */
export function mapSummary(r: { file: string; files?: string[]; result: CheckResult; providerSites: number | null }, out: Sink): void {
  const m = r.result.metrics;
  const errors = r.result.findings.filter((f) => f.severity === "error").length;
  const warnings = r.result.findings.length - errors;
  out.write(
    `wrote ${(r.files ?? [r.file]).join(", ")}: ${m.footprints} footprints, population ${formatInt(m.population.min)} to ${formatInt(m.population.max)}; ` +
      `${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}` +
      (r.providerSites === null ? "" : `; ${formatInt(r.providerSites)} provider sites read`) +
      "\n",
  );
}
