import type { PrepareResult } from "../app/prepare.js";
import { type FindingsReport, findingsGithub, findingsJunit, findingsMarkdown, findingsText } from "./findings.js";
import { formatInt, type Palette, type Sink } from "./text.js";

/** The rules `prepare` reports, for JUnit suites and SARIF. */
export const prepareRuleIds = [
  "lookup-empty-code",
  "lookup-duplicate",
  "lookup-repeated",
  "lookup-missing-unit",
  "lookup-name-conflict",
  "lookup-missing-footprint",
  "lookup-missing-area",
  "population-unknown-area",
  "population-duplicate",
  "population-negative",
  "population-missing",
  "footprint-split",
  "footprint-missing",
  "catchment-no-match",
  "catchment-unknown-area",
  "catchment-duplicate",
  "catchment-over-one",
  "catchment-missing",
  "catchment-provider-empty",
  "boundary-missing-id",
  "boundary-duplicate",
  "boundary-geometry",
  "boundary-missing",
  "boundary-unknown-unit",
  "small-area-boundary-missing",
  "small-area-boundary-unknown",
  "dissolved-geometry",
  "link-unknown-unit",
  "island-linked",
  "isolated-units",
] as const;

export function prepareFindingsReport(r: PrepareResult): FindingsReport {
  return {
    command: "prepare",
    title: r.name,
    ok: r.ok,
    findings: r.findings,
    rules: prepareRuleIds,
    subjects: [],
    subjectOf: (f) => f.file ?? "(inputs)",
    file: r.inputs[0]?.file,
  };
}

function summaryLine(r: PrepareResult): string {
  const n = r.counts;
  const parts = [
    `${formatInt(n.units)} units (${r.columns.unit}) from ${formatInt(n.smallAreas)} small areas`,
    `population ${formatInt(n.population)}`,
  ];
  if (n.footprints) parts.push(`${formatInt(n.footprints)} footprints (${r.columns.footprint})`);
  if (n.providers) parts.push(`${formatInt(n.providers)} providers (${formatInt(n.providerRows)} provider-unit rows)`);
  if (n.areaRows) parts.push(`${formatInt(n.areaRows)} ${r.columns.splitArea}-unit overlaps`);
  parts.push(`boundaries ${r.boundaries === "dissolved" ? `dissolved from ${formatInt(n.boundaryFeatures)} small-area polygons` : "as given"}`);
  if (n.links) parts.push(`${n.links} link${n.links === 1 ? "" : "s"}`);
  return parts.join("; ");
}

/** Text: what was built, the findings, and what was written (or why nothing was). */
export function prepareText(r: PrepareResult, out: Sink, c: Palette): void {
  out.write(`${c.bold(r.name)}\n${summaryLine(r)}\n`);
  findingsText(r.findings, out, c);
  const errors = r.findings.filter((f) => f.severity === "error").length;
  const warnings = r.findings.length - errors;
  const counts = `${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}`;
  if (r.ok) {
    out.write(`\n${c.green(c.bold("WRITTEN"))} ${counts}; ${r.files.length} files in ${r.out}: ${r.files.join(", ")}\n`);
    out.write(c.dim(`next: stp-footprint validate --dataset ${r.manifest}; stp-footprint check --dataset ${r.manifest}\n`));
  } else {
    out.write(`\n${c.red(c.bold("NOT WRITTEN"))} ${counts}; nothing was written to ${r.out}\n`);
  }
}

/** JSON: the PrepareResult (the same as prepare.json in the output folder). */
export function prepareJson(r: PrepareResult, out: Sink): void {
  out.write(JSON.stringify(r, null, 2) + "\n");
}

/** Markdown for a pull-request comment or a step summary. */
export function prepareMarkdown(r: PrepareResult, out: Sink): void {
  const errors = r.findings.filter((f) => f.severity === "error").length;
  out.write(
    `## stp-footprint prepare: ${r.ok ? "✅ written" : "❌ not written"}\n\n**${r.name}**: ${summaryLine(r)}; ${errors} errors, ${r.findings.length - errors} warnings.\n${findingsMarkdown(r.findings)}\n`,
  );
}

export const prepareReporters = {
  text: prepareText,
  json: (r: PrepareResult, out: Sink) => prepareJson(r, out),
  markdown: (r: PrepareResult, out: Sink) => prepareMarkdown(r, out),
  junit: (r: PrepareResult, out: Sink) => findingsJunit(prepareFindingsReport(r), out),
  github: (r: PrepareResult, out: Sink) => findingsGithub(prepareFindingsReport(r), out),
} as const;
