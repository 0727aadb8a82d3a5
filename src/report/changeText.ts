import type { Provenance } from "../model/provenance.js";
import { formatInt, formatPercent } from "../model/format.js";
import type { ChangeReport, PlanHeadline } from "../rules/changeReport.js";

/** "Greater Manchester (E54000007)", or the id alone, or "(none)". */
export function footprintText(id: string | null, name: string): string {
  if (id === null) return "(none)";
  return name ? `${name} (${id})` : id;
}

/** A provider's or area's shares by footprint, largest first, with footprint names. */
export function sharesText(shares: Record<string, number> | null, names: Record<string, string>): string {
  if (!shares) return "";
  return Object.entries(shares)
    .sort((a, b) => b[1] - a[1])
    .map(([f, s]) => `${names[f] || f} ${formatPercent(s)}`)
    .join(", ");
}

/** The headline rows, start against proposal: [label, A, B, change]; the same figures `check` prints. */
export function headlineRows(a: PlanHeadline, b: PlanHeadline, moved: number): [string, string, string, string][] {
  const row = (label: string, x: number, y: number): [string, string, string, string] => [label, formatInt(x), formatInt(y), x === y ? "" : `${y > x ? "+" : "−"}${formatInt(Math.abs(y - x))}`];
  return [
    row("cross-footprint providers", a.metrics.crossFootprintProviders, b.metrics.crossFootprintProviders),
    row("provider–footprint pairs", a.metrics.providerFootprintPairs, b.metrics.providerFootprintPairs),
    row("footprints", a.metrics.footprints, b.metrics.footprints),
    row("smallest population", a.metrics.population.min, b.metrics.population.min),
    row("largest population", a.metrics.population.max, b.metrics.population.max),
    row("split local authorities (areas)", a.metrics.splitAreas, b.metrics.splitAreas),
    row("rule errors", a.errors, b.errors),
    row("warnings", a.warnings, b.warnings),
    ["units moved", "", formatInt(moved), ""],
  ];
}

/** Short provenance lines for text and markdown. */
export function provenanceText(p: Provenance): string[] {
  return [
    `${p.tool} ${p.version}, ${p.date}: \`${p.command}\``,
    `dataset: ${p.dataset}${p.synthetic ? " (synthetic)" : ""}; population ${formatInt(p.parameters.populationMin)} to ${formatInt(p.parameters.populationMax)}; provider threshold ${p.parameters.threshold}; ${p.parameters.adjacency} adjacency${p.parameters.snapTolerance === null ? "" : `, snap ${p.parameters.snapTolerance} m`}; ${p.parameters.links} links`,
    ...p.inputs.map((i) => `${i.role}: ${i.file} (${formatInt(i.bytes)} bytes, SHA-256 ${i.sha256})`),
    ...(p.attribution ? [p.attribution] : []),
  ];
}

/** The report's one-line summary. */
export function changeSummary(r: ChangeReport): string {
  const a = r.a.metrics, b = r.b.metrics;
  return `${formatInt(r.moved.length)} unit${r.moved.length === 1 ? "" : "s"} moved in ${r.transfers.length} transfer${r.transfers.length === 1 ? "" : "s"}; cross-footprint providers ${a.crossFootprintProviders} → ${b.crossFootprintProviders}; rule errors ${r.a.errors} → ${r.b.errors}`;
}
