import type { CheckResult } from "../rules/checkPlan.js";
import { planRuleIds } from "../rules/index.js";
import { type FindingsReport, findingsGithub, findingsJunit, findingsMarkdown, findingsText, mdCell } from "./findings.js";
import { findingsSarif } from "./sarif.js";
import { counted, formatInt, type Palette, plainLength, type Sink, table } from "./text.js";

export interface CheckReportInput {
  result: CheckResult;
  title: string;
  planFile?: string;
  /** Folder that annotation and SARIF paths are relative to (the CI workspace). */
  root?: string;
  /** The tool version, for SARIF. */
  version?: string;
}

export function asFindingsReport(r: CheckReportInput): FindingsReport {
  const names = new Map(r.result.footprints.map((f) => [f.id, f.name]));
  return {
    command: "check",
    title: r.title,
    ok: r.result.ok,
    findings: r.result.findings,
    rules: planRuleIds,
    subjects: r.result.footprints.map((f) => f.id),
    subjectOf: (f) => f.footprint ?? "(plan)",
    subjectName: (id) => names.get(id) ?? "",
    subjectNoun: ["footprint", "footprints"],
    file: r.planFile,
    root: r.root,
  };
}

/** Text: a per-footprint table, then findings grouped by rule, then a one-line verdict. */
function checkText(r: CheckReportInput, out: Sink, c: Palette): void {
  const { result } = r;
  const rows: string[][] = [["footprint", "name", "units", "population", "status"].map((h) => c.bold(h))];
  for (const f of result.footprints) {
    const status = f.status === "error" ? c.red("error") : f.status === "warning" ? c.yellow("warning") : c.green("ok");
    rows.push([f.id, f.name, String(f.units.length), formatInt(f.population), status + (f.components > 1 ? c.dim(` (${f.components} pieces)`) : "")]);
  }
  out.write(`${c.bold(r.title)}\n\n${table(rows, [false, false, true, true, false], plainLength)}\n`);
  findingsText(result.findings, out, c);
  const m = result.metrics;
  const errors = result.findings.filter((f) => f.severity === "error").length;
  const warnings = result.findings.length - errors;
  out.write(
    `\n${m.footprints} footprints, ${formatInt(m.units)} units, population ${formatInt(m.population.min)} to ${formatInt(m.population.max)}; ` +
      `${m.crossFootprintProviders} cross-footprint providers; ${m.splitAreas} split areas\n` +
      (result.ok ? c.green(c.bold("PASS")) : c.red(c.bold("FAIL"))) +
      ` ${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}\n`,
  );
}

/** JSON, as documented in the README: { ok, metrics, footprints, findings }. */
function checkJson(r: CheckReportInput, out: Sink): void {
  out.write(JSON.stringify(r.result, null, 2) + "\n");
}

function checkJunit(r: CheckReportInput, out: Sink): void {
  findingsJunit(asFindingsReport(r), out);
}

function checkGithub(r: CheckReportInput, out: Sink): void {
  findingsGithub(asFindingsReport(r), out);
}

/** Markdown for a pull-request comment: verdict, metrics, the footprint table, findings. */
function checkMarkdown(r: CheckReportInput, out: Sink): void {
  const { result } = r;
  const m = result.metrics;
  const errors = result.findings.filter((f) => f.severity === "error").length;
  const lines = [
    `## stp-footprint check: ${result.ok ? "✅ pass" : "❌ fail"}`,
    "",
    `**${mdCell(r.title)}**: ${m.footprints} footprints, ${formatInt(m.units)} units, population ${formatInt(m.population.min)} to ${formatInt(m.population.max)}, ` +
      `${m.crossFootprintProviders} cross-footprint providers, ${m.splitAreas} split areas; ${counted(errors, "error")}, ${counted(result.findings.length - errors, "warning")}.`,
    "",
    "| footprint | name | units | population | status |",
    "|---|---|--:|--:|---|",
    ...result.footprints.map((f) => `| ${mdCell(f.id)} | ${mdCell(f.name)} | ${f.units.length} | ${formatInt(f.population)} | ${f.status}${f.components > 1 ? ` (${f.components} pieces)` : ""} |`),
  ];
  out.write(lines.join("\n") + "\n" + findingsMarkdown(result.findings) + "\n");
}

export const checkReporters = {
  text: checkText,
  json: (r: CheckReportInput, out: Sink) => checkJson(r, out),
  junit: (r: CheckReportInput, out: Sink) => checkJunit(r, out),
  github: (r: CheckReportInput, out: Sink) => checkGithub(r, out),
  markdown: (r: CheckReportInput, out: Sink) => checkMarkdown(r, out),
  sarif: (r: CheckReportInput, out: Sink) => findingsSarif(asFindingsReport(r), out, r.version ?? "0.0.0"),
} as const;
