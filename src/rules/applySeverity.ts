import type { Finding, Severity } from "../model/types.js";

/** Applies configured severities: `off` drops a rule's findings, others replace the default. */
export function applySeverity(findings: Finding[], config: Record<string, Severity>): Finding[] {
  const out: Finding[] = [];
  for (const f of findings) {
    const s = config[f.rule];
    if (s === "off") continue;
    out.push(s ? { ...f, severity: s } : f);
  }
  return out;
}

/** True when no finding has error severity: the predicate the optimiser and exit codes use. */
export function isValid(findings: readonly Finding[]): boolean {
  return !findings.some((f) => f.severity === "error");
}
