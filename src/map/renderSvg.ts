import { formatInt } from "../model/format.js";
import type { MapScene } from "./buildMap.js";
import { escapeXml as x } from "./escapeXml.js";
import { fillColour, markColours as mark } from "./palette.js";

/** Font families for labels: DejaVu Sans first (it is what resvg finds on Debian), then common fallbacks. */
export const mapFontFamily = "DejaVu Sans, Verdana, Arial, Helvetica, sans-serif";

/** Marker characters in labels: over and under the population bounds. */
export const populationMarkers = { over: "▲", under: "▼" } as const;

/**
 * Renders a map scene as a standalone SVG document with a stable structure, for people and tests:
 *
 * - `<g id="footprints">`: one `<path class="footprint" data-footprint="ID" fill="...">` per
 *   footprint (its units, stroked thin, so unit boundaries show), then `<g id="outlines">` with a
 *   thick `<path class="outline" data-footprint="ID">` each;
 * - `<g id="problems">`: `<g class="over-population">` / `<g class="under-population">` per
 *   footprint outside the bounds (hatched and outlined in red), `<path class="extra-piece">` per
 *   extra piece of a non-contiguous footprint;
 * - `<g id="links">`: `<path class="link" stroke-dasharray="...">` per link;
 * - `<g id="providers">`: `<circle class="cross-provider" data-provider="ID">` per located
 *   cross-footprint provider;
 * - `<g id="labels">`: `<text class="label" data-footprint="ID">` per footprint;
 * - `<g id="legend">` and `<text id="title">`.
 *
 * @example
 * outputs.write("--out", renderSvg(buildMap(dataset, plan, result)));
 */
export function renderSvg(scene: MapScene): string {
  const { width: W, height: H } = scene;
  const o: string[] = [];
  o.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="${mapFontFamily}" role="img" aria-labelledby="title">`,
    `<title>${x(scene.title)}</title>`,
    `<defs><pattern id="hatch-population" patternUnits="userSpaceOnUse" width="7" height="7" patternTransform="rotate(45)">` +
      `<line x1="0" y1="0" x2="0" y2="7" stroke="${mark.population}" stroke-width="2.2" stroke-opacity="0.75"/></pattern></defs>`,
    `<rect width="${W}" height="${H}" fill="#FFFFFF"/>`,
    `<text id="title" x="12" y="28" font-size="19" font-weight="bold" fill="#111">${x(scene.title)}</text>`,
    `<text id="subtitle" x="12" y="47" font-size="12" fill="#444">${x(subtitle(scene))}</text>`,
  );

  o.push(`<g id="footprints" stroke="${mark.unit}" stroke-width="0.35" stroke-linejoin="round" stroke-opacity="0.7">`);
  for (const f of scene.footprints) {
    o.push(`<path class="footprint" data-footprint="${x(f.id)}" fill="${f.fill}" d="${f.path}"><title>${x(tooltip(f))}</title></path>`);
  }
  if (scene.unassigned) o.push(`<path class="unassigned" fill="${mark.unassigned}" stroke-dasharray="2 2" d="${scene.unassigned}"><title>units in no footprint</title></path>`);
  o.push(`</g>`);
  o.push(`<g id="outlines" fill="none" stroke="${mark.boundary}" stroke-width="1.5" stroke-linejoin="round" stroke-linecap="round">`);
  for (const f of scene.footprints) if (f.outline) o.push(`<path class="outline" data-footprint="${x(f.id)}" d="${f.outline}"/>`);
  o.push(`</g>`);

  o.push(`<g id="problems">`);
  for (const f of scene.footprints) {
    if (f.bounds) {
      o.push(
        `<g class="${f.bounds}-population" data-footprint="${x(f.id)}"><title>${x(`${f.id} ${f.name}: ${formatInt(f.population)} people, ${f.bounds} the ${f.bounds === "over" ? "maximum" : "minimum"}`)}</title>` +
          `<path fill="url(#hatch-population)" stroke="none" d="${f.path}"/>` +
          `<path fill="none" stroke="${mark.population}" stroke-width="3" stroke-linejoin="round" d="${f.outline}"/></g>`,
      );
    }
  }
  for (const f of scene.footprints) {
    for (const p of f.pieces) {
      // A white casing keeps the dashes visible over the red population outline.
      o.push(`<path class="extra-piece-casing" fill="none" stroke="#FFFFFF" stroke-width="4.5" d="${p}"/>`);
      o.push(`<path class="extra-piece" data-footprint="${x(f.id)}" fill="none" stroke="${mark.piece}" stroke-width="2.5" stroke-dasharray="5 3" d="${p}"><title>${x(`a separate piece of ${f.id}${f.name ? ` ${f.name}` : ""}`)}</title></path>`);
    }
  }
  o.push(`</g>`);

  o.push(`<g id="links" fill="none" stroke="${mark.link}" stroke-width="2" stroke-linecap="round">`);
  for (const l of scene.links) {
    o.push(`<path class="link" data-units="${x(l.a)} ${x(l.b)}" stroke-dasharray="5 4" d="${l.path}"><title>${x(`link ${l.a} – ${l.b}${l.note ? ` (${l.note})` : ""}`)}</title></path>`);
  }
  o.push(`</g>`);

  o.push(`<g id="providers" fill="${mark.provider}" stroke="#FFFFFF" stroke-width="1">`);
  for (const p of scene.providers) {
    o.push(`<circle class="cross-provider" data-provider="${x(p.id)}" cx="${p.x}" cy="${p.y}" r="3.2"><title>${x(`${p.id}${p.name ? ` ${p.name}` : ""}: cross-footprint provider (${p.footprints.join(", ")})`)}</title></circle>`);
  }
  o.push(`</g>`);

  o.push(`<g id="leaders" stroke="#111" stroke-width="0.7" fill="#111">`);
  for (const f of scene.footprints) {
    const l = f.label;
    // A label moved off the point it names (its box no longer covers it) gets a leader line.
    const off = Math.abs(l.anchorX - l.x) > l.width / 2 || Math.abs(l.anchorY - l.y) > l.height / 2;
    if (!off) continue;
    // From the anchor to the nearest point of the label's box.
    const ex = Math.min(Math.max(l.anchorX, l.x - l.width / 2), l.x + l.width / 2);
    const ey = Math.min(Math.max(l.anchorY, l.y - l.height / 2), l.y + l.height / 2);
    const r1 = (v: number) => Math.round(v * 10) / 10;
    o.push(`<path class="leader" data-footprint="${x(f.id)}" d="M${l.anchorX} ${l.anchorY}L${r1(ex)} ${r1(ey)}"/><circle cx="${l.anchorX}" cy="${l.anchorY}" r="1.3"/>`);
  }
  o.push(`</g>`);
  o.push(`<g id="labels" text-anchor="middle" fill="#111" stroke="#FFFFFF" stroke-width="2.4" stroke-linejoin="round" paint-order="stroke">`);
  for (const f of scene.footprints) {
    const { label: l } = f;
    if (!Number.isFinite(l.x) || !Number.isFinite(l.y)) continue;
    const rows = [...l.lines.map((t) => ({ t, cls: "name" })), { t: (f.bounds ? populationMarkers[f.bounds] + " " : "") + l.population, cls: "population" }];
    const lh = l.fontSize * 1.15;
    const y0 = l.y - ((rows.length - 1) * lh) / 2 + l.fontSize * 0.35;
    const spans = rows
      .map((r, i) => {
        const warn = r.cls === "population" && f.bounds ? ` fill="${mark.population}" font-weight="bold"` : "";
        return `<tspan class="${r.cls}" x="${l.x}" y="${Math.round((y0 + i * lh) * 10) / 10}"${warn}>${x(r.t)}</tspan>`;
      })
      .join("");
    o.push(`<text class="label" data-footprint="${x(f.id)}" font-size="${l.fontSize}">${spans}</text>`);
  }
  o.push(`</g>`);

  o.push(legend(scene));
  o.push(`<text id="caption" x="12" y="${H - 12}" font-size="10" fill="#666">${x(scene.caption)}</text>`);
  o.push(`</svg>`);
  return o.join("\n") + "\n";
}

function subtitle(scene: MapScene): string {
  const m = scene.result.metrics;
  const errors = scene.result.findings.filter((f) => f.severity === "error").length;
  const warnings = scene.result.findings.length - errors;
  return (
    `${m.footprints} footprints, ${formatInt(m.units)} units, population ${formatInt(m.population.min)} to ${formatInt(m.population.max)}; ` +
    `${m.crossFootprintProviders} cross-footprint providers; ${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}`
  );
}

function tooltip(f: MapScene["footprints"][number]): string {
  return `${f.id}${f.name ? ` ${f.name}` : ""}: ${formatInt(f.population)} people, ${f.units} unit${f.units === 1 ? "" : "s"} (${f.status})`;
}

/** The legend: what each mark means, with counts. */
function legend(scene: MapScene): string {
  const lx = scene.box[2] + 20;
  const rows: string[] = [];
  let y = 0;
  const row = (swatch: string, text: string) => {
    rows.push(`<g transform="translate(0 ${y})">${swatch}<text x="34" y="12" font-size="12" fill="#222">${x(text)}</text></g>`);
    y += 22;
  };
  const over = scene.footprints.filter((f) => f.bounds === "over").length;
  const under = scene.footprints.filter((f) => f.bounds === "under").length;
  const pieces = scene.footprints.reduce((n, f) => n + f.pieces.length, 0);
  const swatches = Array.from({ length: Math.min(scene.colours, 9) }, (_, i) => `<rect x="${i * 12}" y="2" width="11" height="12" fill="${fillColour(i)}" stroke="${mark.unit}" stroke-width="0.5"/>`).join("");
  rows.push(`<text x="0" y="0" font-size="14" font-weight="bold" fill="#111">Legend</text>`);
  y = 14;
  rows.push(`<g transform="translate(0 ${y})">${swatches}</g>`);
  y += 32;
  rows.push(`<text x="0" y="${y}" font-size="11" fill="#444">${x(`${scene.colours} fills: no two neighbours alike`)}</text>`);
  y += 12;
  row(`<line x1="0" y1="8" x2="26" y2="8" stroke="${mark.boundary}" stroke-width="1.5"/>`, "footprint boundary");
  row(`<line x1="0" y1="8" x2="26" y2="8" stroke="${mark.unit}" stroke-width="0.6"/>`, "unit boundary");
  row(
    `<rect x="1" y="1" width="24" height="14" fill="url(#hatch-population)" stroke="${mark.population}" stroke-width="2.5"/>`,
    `over ${populationMarkers.over} / under ${populationMarkers.under} population: ${over} / ${under}`,
  );
  row(`<line x1="0" y1="8" x2="26" y2="8" stroke="#FFFFFF" stroke-width="4.5"/><line x1="0" y1="8" x2="26" y2="8" stroke="${mark.piece}" stroke-width="2.5" stroke-dasharray="5 3"/>`, `extra piece (not contiguous): ${pieces}`);
  row(`<line x1="0" y1="8" x2="26" y2="8" stroke="${mark.link}" stroke-width="2" stroke-dasharray="5 4"/>`, `link (ferry, bridge): ${scene.links.length}`);
  const cross = scene.result.metrics.crossFootprintProviders;
  const located = scene.providers.length;
  row(
    `<circle cx="13" cy="8" r="3.2" fill="${mark.provider}" stroke="#FFFFFF"/>`,
    located === cross ? `cross-footprint provider: ${cross}` : `cross-footprint provider: ${located} of ${cross} located`,
  );
  return `<g id="legend" transform="translate(${lx} ${scene.box[1] + 14})">${rows.join("")}</g>`;
}
