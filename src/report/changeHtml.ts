import type { Provenance } from "../model/provenance.js";
import { formatInt } from "../model/format.js";
import type { ChangeReport } from "../rules/changeReport.js";
import { escapeXml as x, htmlPage, verdictBadge } from "./html.js";
import { changeSummary, footprintText, headlineRows, sharesText } from "./changeText.js";

const css = `
body{font-family:"DejaVu Sans",Verdana,Arial,Helvetica,sans-serif;margin:0 auto;max-width:1280px;padding:16px 24px;color:#111;background:#fff;line-height:1.4}
h1{font-size:1.45em;margin:.2em 0}h2{font-size:1.15em;margin:1.3em 0 .4em;border-bottom:1px solid #ccc}
.verdict{display:inline-block;padding:2px 10px;border-radius:4px;font-weight:bold;color:#fff}.pass{background:#228833}.fail{background:#CC3311}
#map{display:block;max-width:100%;height:auto;border:1px solid #ddd}
table{border-collapse:collapse;font-size:.88em;margin:.3em 0}th,td{padding:3px 7px;border-bottom:1px solid #e4e4e4;text-align:left;vertical-align:top}
th{background:#f4f4f4}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.change-new,.change-resolved{color:#117733;font-weight:bold}.change-removed{color:#CC3311;font-weight:bold}.change-changed,.change-still{color:#885500}
.over{color:#CC3311;font-weight:bold}.hint{color:#555;font-size:.88em}.transfer{display:inline-block;min-width:1.6em;text-align:center;border-radius:.8em;background:#882255;color:#fff;font-weight:bold;font-size:.85em}
dl.prov{display:grid;grid-template-columns:max-content auto;gap:2px 14px;font-size:.85em}dl.prov dt{color:#555}dl.prov dd{margin:0;word-break:break-all}
code{font-size:.95em}
@page{size:A4;margin:12mm}
@media print{
 body{max-width:none;padding:0;font-size:9.5pt}
 #map{border:none;width:100%;height:auto;max-height:262mm;page-break-before:always;page-break-inside:avoid}
 h2{page-break-after:avoid}
 table{font-size:8pt;width:100%}
 thead{display:table-header-group}
 tr{page-break-inside:avoid}
 .screen-only{display:none}
}
`;

/**
 * The before/after report as one self-contained HTML page: the verdict and headline figures
 * (check's, side by side), the change map (the SVG inline: proposed footprints, moved units
 * hatched and numbered by transfer, the start's boundaries dashed, insets for dense areas), then
 * tables of transfers and moved units, footprints before and after with the bounds,
 * cross-footprint providers and split local authorities before and after, all with names, and
 * how the report was made. It loads nothing from anywhere and prints on A4.
 */
export function changeHtml(r: ChangeReport, p: Provenance, svg: string, title: string): string {
  const n = r.footprintNames;
  const fp = (id: string | null, name: string) => x(footprintText(id, name));
  const head = headlineRows(r.a, r.b, r.moved.length)
    .map(([label, a, b, d]) => `<tr><td>${x(label)}</td><td class="num">${a}</td><td class="num">${b}</td><td class="num">${d}</td></tr>`)
    .join("\n");
  const transfers = r.transfers
    .map((t) => `<tr><td class="num"><span class="transfer">${t.number}</span></td><td>${fp(t.from, t.fromName)}</td><td>${fp(t.to, t.toName)}</td><td class="num">${t.units.length}</td><td class="num">${formatInt(t.population)}</td></tr>`)
    .join("\n");
  const moved = r.moved
    .map((m) => `<tr data-unit="${x(m.unit)}"><td class="num"><span class="transfer">${m.transfer}</span></td><td>${x(m.unit)}</td><td>${x(m.name)}</td><td class="num">${formatInt(m.population)}</td><td>${fp(m.from, m.fromName)}</td><td>${fp(m.to, m.toName)}</td></tr>`)
    .join("\n");
  const pop = (s: { population: number } | null) =>
    s ? `<span class="${s.population > r.bounds.max || s.population < r.bounds.min ? "over" : ""}">${formatInt(s.population)}${s.population > r.bounds.max ? " ▲" : s.population < r.bounds.min ? " ▼" : ""}</span>` : "";
  const footprints = r.footprints
    .map((f) => `<tr data-footprint="${x(f.id)}"><td>${fp(f.id, f.name)}</td><td class="change-${f.change}">${f.change}</td><td class="num">${pop(f.before)}</td><td class="num">${pop(f.after)}</td><td class="num">${f.before?.units ?? ""}</td><td class="num">${f.after?.units ?? ""}</td></tr>`)
    .join("\n");
  const providers = r.providers
    .map((q) => `<tr data-provider="${x(q.provider)}"><td>${x(q.provider)}</td><td>${x(q.name)}</td><td class="change-${q.change}">${q.change}</td><td>${x(sharesText(q.before, n))}</td><td>${x(sharesText(q.after, n))}</td></tr>`)
    .join("\n");
  const areas = r.areas
    .map((q) => `<tr><td>${x(q.area)}</td><td>${x(q.name)}</td><td class="change-${q.change}">${q.change}</td><td>${x(sharesText(q.before, n))}</td><td>${x(sharesText(q.after, n))}</td></tr>`)
    .join("\n");
  const prov = [
    ["made by", `${p.tool} ${p.version}`],
    ["date", p.date],
    ["command", `<code>${x(p.command)}</code>`],
    ["dataset", x(p.dataset + (p.synthetic ? " (synthetic)" : ""))],
    ["parameters", x(`population ${formatInt(p.parameters.populationMin)} to ${formatInt(p.parameters.populationMax)}; provider threshold ${p.parameters.threshold}; ${p.parameters.adjacency} adjacency${p.parameters.snapTolerance === null ? "" : `, snap ${p.parameters.snapTolerance} m`}; ${p.parameters.links} links`)],
    ...p.inputs.map((i) => [x(i.role), `${x(i.file)}<br><span class="hint">${formatInt(i.bytes)} bytes, SHA-256 ${i.sha256}</span>`]),
    ...(p.attribution ? [["attribution", x(p.attribution)]] : []),
  ]
    .map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`)
    .join("\n");
  const table = (id: string, cols: string[], body: string, empty: string) =>
    body ? `<table id="${id}"><thead><tr>${cols.map((c) => `<th${/population|units|#|start|proposal|change$/.test(c) && !/shares/.test(c) ? ' class="num"' : ""}>${c}</th>`).join("")}</tr></thead>\n<tbody>\n${body}\n</tbody></table>` : `<p>${empty}</p>`;
  return htmlPage(
    title,
    css,
    `<p>${verdictBadge(r.b.ok)} ${x(changeSummary(r))}</p>
<p class="hint">Start (A): ${x(r.a.source)}<br>Proposal (B): ${x(r.b.source)}<br>Population bounds ${formatInt(r.bounds.min)} to ${formatInt(r.bounds.max)}; a provider is cross-footprint with at least ${r.threshold * 100}% of its activity in each of two footprints. Figures are those <code>check</code> reports for each plan.</p>
<table id="headline"><thead><tr><th></th><th class="num">start</th><th class="num">proposal</th><th class="num">change</th></tr></thead><tbody>
${head}
</tbody></table>
<h2>Map of the proposal</h2>
${svg.replace(/^<svg /, '<svg id="map" ')}
<h2>Transfers (${r.transfers.length})</h2>
<p class="hint">Neighbouring units moved together from one footprint to another; the numbers are those on the map.</p>
${table("transfer-table", ["#", "from", "to", "units", "population"], transfers, "No unit moved.")}
<h2>Units moved (${formatInt(r.moved.length)})</h2>
${table("moved-table", ["#", "unit", "name", "population", "from", "to"], moved, "No unit moved.")}
<h2>Footprints before and after (${r.footprints.length})</h2>
${table("footprint-table", ["footprint", "change", "population before", "population after", "units before", "units after"], footprints, "No footprints.")}
<h2>Cross-footprint providers (${r.a.metrics.crossFootprintProviders} → ${r.b.metrics.crossFootprintProviders})</h2>
${table("provider-table", ["provider", "name", "", "start: shares", "proposal: shares"], providers, "None in either plan.")}
<h2>Split local authorities (${r.a.metrics.splitAreas} → ${r.b.metrics.splitAreas})</h2>
${table("area-table", ["area", "name", "", "start", "proposal"], areas, "None in either plan (or the dataset has no areas).")}
${r.notes.length ? `<h2>Notes on the data</h2>\n<ul id="notes">${r.notes.map((t) => `<li>${x(t)}</li>`).join("")}</ul>` : ""}
<h2>How this report was made</h2>
<dl class="prov" id="provenance">
${prov}
</dl>`,
  );
}
