import type { Provenance } from "../model/provenance.js";
import { formatInt } from "../model/format.js";
import type { ChangeReport } from "../rules/changeReport.js";
import { changeSummary, footprintText, headlineRows, provenanceText, sharesText } from "./changeText.js";
import { mdCell } from "./findings.js";

/** Rows of the moved-unit table in markdown (a pull-request comment holds about 65,000 characters). */
export const markdownMovedRows = 150;

/**
 * The before/after report as markdown for a pull-request comment: the headline figures side by
 * side (check's), the moved units with names, footprints before and after, cross-footprint
 * providers and split areas before and after, and how the report was made. A table cut for
 * length says how many rows it leaves out and where they are.
 */
export function changeMarkdown(r: ChangeReport, p: Provenance): string {
  const n = r.footprintNames;
  const lines = [
    `## stp-footprint report: ${r.b.ok ? "✅" : "❌"} ${mdCell(changeSummary(r))}`,
    "",
    `**Start (A)**: ${mdCell(r.a.source)}  `,
    `**Proposal (B)**: ${mdCell(r.b.source)}  `,
    `**Dataset**: ${mdCell(r.dataset)}; population bounds ${formatInt(r.bounds.min)} to ${formatInt(r.bounds.max)}`,
    "",
    "| | start | proposal | change |",
    "|---|--:|--:|--:|",
    ...headlineRows(r.a, r.b, r.moved.length).map((row) => `| ${row.map(mdCell).join(" | ")} |`),
    "",
    `### Units moved (${formatInt(r.moved.length)})`,
    "",
  ];
  if (r.moved.length) {
    lines.push("| # | unit | name | population | from | to |", "|--:|---|---|--:|---|---|");
    for (const m of r.moved.slice(0, markdownMovedRows)) {
      lines.push(`| ${m.transfer} | ${mdCell(m.unit)} | ${mdCell(m.name)} | ${formatInt(m.population)} | ${mdCell(footprintText(m.from, m.fromName))} | ${mdCell(footprintText(m.to, m.toName))} |`);
    }
    if (r.moved.length > markdownMovedRows) lines.push("", `… and ${formatInt(r.moved.length - markdownMovedRows)} more moved units: every one is in the HTML report and in \`diff --format json\`.`);
  } else lines.push("No unit moved.");
  const changed = r.footprints.filter((f) => f.change !== "unchanged");
  lines.push("", `### Footprints (${r.footprints.length}: ${changed.filter((f) => f.change === "new").length} new, ${changed.filter((f) => f.change === "removed").length} removed, ${changed.filter((f) => f.change === "changed").length} changed)`, "");
  lines.push(`Population bounds: ${formatInt(r.bounds.min)} to ${formatInt(r.bounds.max)}.`, "", "| footprint | change | population before | population after | units before | units after |", "|---|---|--:|--:|--:|--:|");
  for (const f of r.footprints) {
    const pop = (s: typeof f.before) => (s ? `${formatInt(s.population)}${s.population > r.bounds.max ? " ▲" : s.population < r.bounds.min ? " ▼" : ""}` : "");
    lines.push(`| ${mdCell(footprintText(f.id, f.name))} | ${f.change} | ${pop(f.before)} | ${pop(f.after)} | ${f.before?.units ?? ""} | ${f.after?.units ?? ""} |`);
  }
  lines.push("", `### Cross-footprint providers (${r.a.metrics.crossFootprintProviders} → ${r.b.metrics.crossFootprintProviders})`, "");
  if (r.providers.length) {
    lines.push("| provider | name | | start: shares | proposal: shares |", "|---|---|---|---|---|");
    for (const x of r.providers) lines.push(`| ${mdCell(x.provider)} | ${mdCell(x.name)} | ${x.change} | ${mdCell(sharesText(x.before, n))} | ${mdCell(sharesText(x.after, n))} |`);
  } else lines.push("None in either plan.");
  lines.push("", `### Split local authorities (${r.a.metrics.splitAreas} → ${r.b.metrics.splitAreas})`, "");
  if (r.areas.length) {
    lines.push("| area | name | | start | proposal |", "|---|---|---|---|---|");
    for (const x of r.areas) lines.push(`| ${mdCell(x.area)} | ${mdCell(x.name)} | ${x.change} | ${mdCell(sharesText(x.before, n))} | ${mdCell(sharesText(x.after, n))} |`);
  } else lines.push("None in either plan (or the dataset has no areas).");
  if (r.notes.length) lines.push("", "### Notes on the data", "", ...r.notes.map((t) => `- ${mdCell(t)}`));
  lines.push("", "<details><summary>How this report was made</summary>", "", ...provenanceText(p).map((l) => `- ${mdCell(l)}`), "", "</details>");
  return lines.join("\n") + "\n";
}
