import { byRule } from "../report/findings.js";
import { formatInt } from "../model/format.js";
import type { MapScene } from "./buildMap.js";
import { escapeXml as x, htmlPage, verdictBadge } from "../report/html.js";

const css = `
body{font-family:"DejaVu Sans",Verdana,Arial,Helvetica,sans-serif;margin:0 auto;max-width:1280px;padding:16px 24px;color:#111;background:#fff;line-height:1.4}
h1{font-size:1.5em;margin:.2em 0}h2{font-size:1.2em;margin:1.4em 0 .4em;border-bottom:1px solid #ccc}
.verdict{display:inline-block;padding:2px 10px;border-radius:4px;font-weight:bold;color:#fff}
.pass{background:#228833}.fail{background:#CC3311}
dl.metrics{display:grid;grid-template-columns:max-content auto;gap:2px 16px}dl.metrics dt{color:#555}dl.metrics dd{margin:0;font-variant-numeric:tabular-nums}
#map{display:block;max-width:100%;height:auto;border:1px solid #ddd}
table{border-collapse:collapse;font-size:.9em}th,td{padding:3px 8px;border-bottom:1px solid #e4e4e4;text-align:left}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.swatch{display:inline-block;width:14px;height:14px;border:1px solid #555;vertical-align:middle}
.status-error{color:#CC3311;font-weight:bold}.status-warning{color:#996600}.status-ok{color:#228833}
ul.findings{padding-left:1.2em}ul.findings li{margin:.2em 0}.hint{color:#555;font-size:.9em}
.error{color:#CC3311}.warning{color:#996600}
@media print{#map{border:none}}
`;

/**
 * A self-contained HTML report of a checked plan: the map (the SVG inline), the metrics, a table
 * of footprints and the findings by rule. It loads nothing (no scripts, fonts, images or styles
 * from elsewhere), so it reads the same opened from disk, attached to an email or offline.
 *
 * @param svg the map, as rendered by renderSvg(scene)
 * @example
 * outputs.write("--out", renderHtml(scene, renderSvg(scene)));
 */
export function renderHtml(scene: MapScene, svg: string): string {
  const { result } = scene;
  const m = result.metrics;
  const errors = result.findings.filter((f) => f.severity === "error").length;
  const warnings = result.findings.length - errors;
  const title = `stp-footprint report: ${scene.title}`;
  const rows = scene.footprints
    .map((f) => {
      const summary = result.footprints.find((s) => s.id === f.id);
      const pieces = summary && summary.components > 1 ? ` (${summary.components} pieces)` : "";
      const marker = f.bounds === "over" ? " ▲ over" : f.bounds === "under" ? " ▼ under" : "";
      return (
        `<tr data-footprint="${x(f.id)}"><td><span class="swatch" style="background:${f.fill}"></span></td><td>${x(f.id)}</td><td>${x(f.name)}</td>` +
        `<td class="num">${f.units}</td><td class="num">${formatInt(f.population)}${marker}</td><td class="status-${f.status}">${f.status}${pieces}</td></tr>`
      );
    })
    .join("\n");
  const findings: string[] = [];
  for (const [rule, list] of byRule(result.findings)) {
    findings.push(`<h3>${x(rule)} (${list.length})</h3>\n<ul class="findings">`);
    for (const f of list) {
      findings.push(`<li><span class="${f.severity}">${f.severity}</span> ${x(f.message)}${f.suggestion ? `<br><span class="hint">hint: ${x(f.suggestion)}</span>` : ""}</li>`);
    }
    findings.push(`</ul>`);
  }
  const inlineSvg = svg.replace(/^<svg /, `<svg id="map" `);
  return htmlPage(
    title,
    css,
    `<p>${verdictBadge(result.ok)} ${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}</p>
<h2>Metrics</h2>
<dl class="metrics">
<dt>units</dt><dd>${formatInt(m.units)}</dd>
<dt>footprints</dt><dd>${m.footprints}</dd>
<dt>population</dt><dd>${formatInt(m.population.min)} to ${formatInt(m.population.max)} (total ${formatInt(m.population.total)})</dd>
<dt>cross-footprint providers</dt><dd>${m.crossFootprintProviders}</dd>
<dt>provider–footprint pairs</dt><dd>${m.providerFootprintPairs}</dd>
<dt>split areas</dt><dd>${m.splitAreas}</dd>
</dl>
<h2>Map</h2>
${inlineSvg}
<h2>Footprints</h2>
<table id="footprint-table">
<thead><tr><th></th><th>footprint</th><th>name</th><th class="num">units</th><th class="num">population</th><th>status</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
<h2>Findings</h2>
${findings.length ? findings.join("\n") : "<p>No findings.</p>"}
<footer><h2>How this report was made</h2><p class="hint" id="provenance">${[scene.caption, ...scene.provenance].map(x).join("<br>")}</p></footer>`,
  );
}
