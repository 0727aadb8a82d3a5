import type { DatasetSummary } from "../model/summary.js";
import { formatInt, type Palette, type Sink } from "./text.js";

/** Writes a dataset summary as readable text. */
export function infoText(s: DatasetSummary, out: Sink, c: Palette): void {
  const lines: string[] = [];
  lines.push(c.bold(s.name) + (s.synthetic ? c.yellow(" (synthetic data)") : ""));
  lines.push(`  boundaries   ${s.files.boundaries} (${s.coordinates})`);
  lines.push(`  units        ${formatInt(s.units)}`);
  if (s.population) {
    const p = s.population;
    lines.push(`  population   ${formatInt(p.total)} in all; per unit ${formatInt(p.min)} to ${formatInt(p.max)}  ${c.dim(`from ${p.source}`)}`);
    if (p.missing) lines.push(c.red(`               ${formatInt(p.missing)} units have no population`));
  } else {
    lines.push(`  population   ${c.dim("none (give --population FILE or --population-field NAME)")}`);
  }
  const a = s.adjacency;
  lines.push(
    `  adjacency    ${formatInt(a.pairs)} ${a.kind} pairs` +
      (a.linkedPairs ? ` (${a.linkedPairs} from links)` : "") +
      `, ${a.components} connected piece${a.components === 1 ? "" : "s"}`,
  );
  if (a.isolated.length) {
    const shown = a.isolated.slice(0, 10).map((u) => (u.name ? `${u.id} (${u.name})` : u.id));
    lines.push(c.yellow(`  isolated     ${a.isolated.length} unit${a.isolated.length > 1 ? "s" : ""} with no neighbour: ${shown.join(", ")}${a.isolated.length > 10 ? ` and ${a.isolated.length - 10} more (see --format json)` : ""}`));
    lines.push(c.dim(`               hint: an island joins its footprint through a link; add a row "unit_a,unit_b" to a links CSV (--links)`));
  } else {
    lines.push(`  isolated     none`);
  }
  lines.push(`  links        ${s.links}`);
  lines.push(s.providers ? `  providers    ${formatInt(s.providers.count)} (${formatInt(s.providers.entries)} provider-unit rows)` : `  providers    ${c.dim("none")}`);
  if (s.plan) lines.push(`  plan         ${formatInt(s.plan.footprints)} footprints, ${formatInt(s.plan.rows)} rows  ${c.dim(s.plan.source)}`);
  lines.push(`  rules        population ${formatInt(s.params.populationMin)} to ${formatInt(s.params.populationMax)}; provider threshold ${s.params.threshold}`);
  for (const n of s.notes) lines.push(c.yellow(`  note         ${n.file ? n.file + ": " : ""}${n.line ? `line ${n.line}: ` : ""}${n.message}`));
  out.write(lines.join("\n") + "\n");
}

/** Writes a dataset summary as JSON. */
export function infoJson(s: DatasetSummary, out: Sink): void {
  out.write(JSON.stringify(s, null, 2) + "\n");
}
