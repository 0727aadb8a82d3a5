import { formatInt } from "../model/format.js";
import type { PlanComparison, PlanSide } from "../rules/comparePlans.js";
import { mdCell } from "./findings.js";
import { type Palette, plainLength, type Sink, table } from "./text.js";

export interface DiffReportInput {
  comparison: PlanComparison;
  /** Short names of the two plans (file names). */
  nameA: string;
  nameB: string;
}

/** Metric rows shown side by side: label, value in A, value in B. */
function metricRows(a: PlanSide, b: PlanSide): [string, string, string, string][] {
  const rules = [...new Set([...Object.keys(a.findings), ...Object.keys(b.findings)])].sort();
  const num = (label: string, x: number, y: number, fmt = formatInt): [string, string, string, string] => [
    label,
    fmt(x),
    fmt(y),
    x === y ? "" : `${y > x ? "+" : "-"}${fmt(Math.abs(y - x))}`,
  ];
  return [
    num("footprints", a.metrics.footprints, b.metrics.footprints),
    num("smallest population", a.metrics.population.min, b.metrics.population.min),
    num("largest population", a.metrics.population.max, b.metrics.population.max),
    num("cross-footprint providers", a.metrics.crossFootprintProviders, b.metrics.crossFootprintProviders),
    num("provider-footprint pairs", a.metrics.providerFootprintPairs, b.metrics.providerFootprintPairs),
    num("errors", a.errors, b.errors),
    num("warnings", a.warnings, b.warnings),
    ...rules.map((r) => num(`  ${r}`, a.findings[r] ?? 0, b.findings[r] ?? 0)),
  ];
}

const label = (id: string | null, name = "") => (id === null ? "(none)" : name ? `${id} ${name}` : id);

/** Unit ids with their names, as "E38000016 (NHS Bolton CCG)". */
function unitList(ids: readonly string[], names: Readonly<Record<string, string>> = {}): string {
  return ids.map((u) => (names[u] ? `${u} (${names[u]})` : u)).join(", ");
}

/** Text: metrics side by side, then moved units, then footprints created, removed and changed. */
export function diffText(r: DiffReportInput, out: Sink, c: Palette): void {
  const { a, b, diff } = r.comparison;
  const lines: string[] = [`${c.bold("plan A")} ${r.nameA}`, `${c.bold("plan B")} ${r.nameB}`, ""];
  lines.push(table([["metric", "A", "B", "change"].map((h) => c.bold(h)), ...metricRows(a, b)], [false, true, true, true], plainLength), "");
  lines.push(c.bold(`${diff.moved.length} unit${diff.moved.length === 1 ? "" : "s"} moved`));
  if (diff.moved.length) {
    lines.push(table([["unit", "name", "from", "to"].map((h) => c.bold(h)), ...diff.moved.map((m) => [m.unit, m.name, label(m.from, m.fromName), label(m.to, m.toName)])], [], plainLength));
  }
  const fp = (f: { footprint: string; name: string }) => (f.name ? `${f.footprint} (${f.name})` : f.footprint);
  lines.push("", c.bold(`footprints: ${diff.created.length} created, ${diff.removed.length} removed, ${diff.changed.length} changed, ${diff.unchanged} unchanged`));
  for (const f of diff.created) lines.push(`  ${c.green("+")} ${fp(f)}: ${f.units.length} units`);
  for (const f of diff.removed) lines.push(`  ${c.red("-")} ${fp(f)}: ${f.units.length} units`);
  for (const f of diff.changed) {
    const parts = [f.gained.length ? `gains ${unitList(f.gained, f.unitNames)}` : "", f.lost.length ? `loses ${unitList(f.lost, f.unitNames)}` : ""].filter(Boolean);
    lines.push(`  ${c.yellow("~")} ${fp(f)}: ${parts.join("; ")}`);
  }
  out.write(lines.join("\n") + "\n");
}

/** JSON: { a, b, diff } as returned by comparePlans, with the plan names. */
export function diffJson(r: DiffReportInput, out: Sink): void {
  out.write(JSON.stringify({ planA: r.nameA, planB: r.nameB, ...r.comparison }, null, 2) + "\n");
}

/** Markdown for a pull-request comment: metrics side by side, moved units, footprint changes. */
export function diffMarkdown(r: DiffReportInput, out: Sink): void {
  const { a, b, diff } = r.comparison;
  const lines = [
    `## stp-footprint diff: ${diff.moved.length} unit${diff.moved.length === 1 ? "" : "s"} moved`,
    "",
    `**A**: ${mdCell(r.nameA)}  `,
    `**B**: ${mdCell(r.nameB)}`,
    "",
    "| metric | A | B | change |",
    "|---|--:|--:|--:|",
    ...metricRows(a, b).map(([m, x, y, d]) => `| ${mdCell(m.trim())} | ${x} | ${y} | ${d} |`),
  ];
  if (diff.moved.length) {
    lines.push("", "| unit | name | from | to |", "|---|---|---|---|", ...diff.moved.map((m) => `| ${mdCell(m.unit)} | ${mdCell(m.name)} | ${mdCell(label(m.from, m.fromName))} | ${mdCell(label(m.to, m.toName))} |`));
  }
  lines.push("", `Footprints: ${diff.created.length} created, ${diff.removed.length} removed, ${diff.changed.length} changed, ${diff.unchanged} unchanged.`);
  for (const f of diff.created) lines.push(`- ➕ ${mdCell(f.footprint)} ${mdCell(f.name)} (${f.units.length} units)`);
  for (const f of diff.removed) lines.push(`- ➖ ${mdCell(f.footprint)} ${mdCell(f.name)} (${f.units.length} units)`);
  for (const f of diff.changed) {
    const parts = [f.gained.length ? `gains ${unitList(f.gained, f.unitNames)}` : "", f.lost.length ? `loses ${unitList(f.lost, f.unitNames)}` : ""].filter(Boolean);
    lines.push(`- ✏️ ${mdCell(f.footprint)} ${mdCell(f.name)}: ${mdCell(parts.join("; "))}`);
  }
  out.write(lines.join("\n") + "\n");
}

export const diffReporters = {
  text: diffText,
  json: (r: DiffReportInput, out: Sink) => diffJson(r, out),
  markdown: (r: DiffReportInput, out: Sink) => diffMarkdown(r, out),
} as const;
