import type { ValidateResult } from "../app/validate.js";
import { geometryChecks } from "../rules/dataset/geometryChecks.js";
import { type FindingsReport, findingsGithub, findingsJunit, findingsMarkdown, findingsText } from "./findings.js";
import { findingsSarif } from "./sarif.js";
import { counted, formatInt, type Palette, type Sink } from "./text.js";

/** Where a report goes: paths relative to `root` (the CI workspace), and the tool version for SARIF. */
export interface ReportContext {
  root?: string;
  version?: string;
}

function asFindingsReport(r: ValidateResult, ctx: ReportContext = {}): FindingsReport {
  return {
    command: "validate",
    title: r.file,
    ok: r.ok,
    findings: r.findings,
    rules: Object.keys(geometryChecks),
    subjects: [],
    subjectOf: (f) => f.units?.[0] ?? "(file)",
    subjectNoun: ["unit", "units"],
    file: r.file,
    root: ctx.root,
  };
}

function verdict(r: ValidateResult): { errors: number; warnings: number } {
  const errors = r.findings.filter((f) => f.severity === "error").length;
  return { errors, warnings: r.findings.length - errors };
}

/** Text: findings grouped by rule, then a one-line verdict (and where repairs went). */
function validateText(r: ValidateResult, out: Sink, c: Palette): void {
  out.write(`${c.bold(r.file)}: ${formatInt(r.units)} units${r.populationTotal !== undefined ? `, population ${formatInt(r.populationTotal)} in all` : ""}\n`);
  findingsText(r.findings, out, c);
  const { errors, warnings } = verdict(r);
  out.write(
    `\n${r.ok ? c.green(c.bold("PASS")) : c.red(c.bold("FAIL"))} ${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}\n` +
      (r.fixed ? `repaired boundaries written to ${r.fixed} (validate that file to see what is left)\n` : ""),
  );
}

/** JSON: { ok, file, units, findings, fixed? }. */
function validateJson(r: ValidateResult, out: Sink): void {
  out.write(JSON.stringify(r, null, 2) + "\n");
}

/** Markdown for a pull-request comment. */
function validateMarkdown(r: ValidateResult, out: Sink): void {
  const { errors, warnings } = verdict(r);
  out.write(`## stp-footprint validate: ${r.ok ? "✅ pass" : "❌ fail"}\n\n**${r.file}**: ${r.units} units; ${counted(errors, "error")}, ${counted(warnings, "warning")}.\n${findingsMarkdown(r.findings)}\n`);
}

export const validateReporters = {
  text: validateText,
  json: (r: ValidateResult, out: Sink) => validateJson(r, out),
  junit: (r: ValidateResult, out: Sink) => findingsJunit(asFindingsReport(r), out),
  github: (r: ValidateResult, out: Sink, ctx?: ReportContext) => findingsGithub(asFindingsReport(r, ctx), out),
  markdown: (r: ValidateResult, out: Sink) => validateMarkdown(r, out),
  sarif: (r: ValidateResult, out: Sink, ctx?: ReportContext) => findingsSarif(asFindingsReport(r, ctx), out, ctx?.version ?? "0.0.0"),
} as const;
