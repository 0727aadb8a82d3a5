import { formatInt } from "../model/format.js";
import { type MapScene, wrap } from "./buildMap.js";
import { escapeXml as x } from "../report/html.js";
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
    scene.metadata ? `<metadata id="map-provenance">${x(JSON.stringify(scene.metadata))}</metadata>` : "",
    `<defs><pattern id="hatch-population" patternUnits="userSpaceOnUse" width="7" height="7" patternTransform="rotate(45)">` +
      `<line x1="0" y1="0" x2="0" y2="7" stroke="${mark.population}" stroke-width="2.2" stroke-opacity="0.75"/></pattern>` +
      `<pattern id="hatch-moved" patternUnits="userSpaceOnUse" width="5" height="5" patternTransform="rotate(-45)">` +
      `<line x1="0" y1="0" x2="0" y2="5" stroke="${mark.moved}" stroke-width="1.6" stroke-opacity="0.8"/></pattern>` +
      scene.insets.map((i) => `<pattern id="hatch-moved-${i.letter}" patternUnits="userSpaceOnUse" width="5" height="5" patternTransform="scale(${r3(1 / i.k)}) rotate(-45)"><line x1="0" y1="0" x2="0" y2="5" stroke="${mark.moved}" stroke-width="1.6" stroke-opacity="0.8"/></pattern>`).join("") +
      scene.insets.map((i) => `<clipPath id="clip-inset-${i.letter}"><rect x="${i.box[0]}" y="${i.box[1]}" width="${r1(i.box[2] - i.box[0])}" height="${r1(i.box[3] - i.box[1])}"/></clipPath>`).join("") +
      `</defs>`,
    `<rect width="${W}" height="${H}" fill="#FFFFFF"/>`,
    // A long title is set smaller so that it fits the width (bold DejaVu Sans: about 0.64 em a character).
    `<text id="title" x="12" y="28" font-size="${Math.min(19, Math.max(11, Math.floor((W - 24) / (0.64 * scene.title.length))))}" font-weight="bold" fill="#111">${x(scene.title)}</text>`,
    `<text id="subtitle" x="12" y="47" font-size="12" fill="#444">${x(subtitle(scene))}</text>`,
  );

  // The layers drawn again in insets are groups with ids, drawn by reference (<use>) at the inset's scale.
  o.push(`<g id="footprints" ${strokes.units(1)}><g id="footprint-shapes">`);
  for (const f of scene.footprints) {
    o.push(`<path class="footprint" data-footprint="${x(f.id)}" fill="${f.fill}" d="${f.path}"><title>${x(tooltip(f))}</title></path>`);
  }
  if (scene.unassigned) o.push(`<path class="unassigned" fill="${mark.unassigned}" stroke-dasharray="2 2" d="${scene.unassigned}"><title>units in no footprint</title></path>`);
  o.push(`</g></g>`);
  if (scene.change) {
    o.push(`<g id="moved" ${strokes.moved(1)}><g id="moved-shapes"><path class="moved" d="${scene.change.moved}"><title>units moved to another footprint</title></path></g></g>`);
  }
  o.push(`<g id="outlines" ${strokes.outlines(1)}><g id="outline-paths">`);
  for (const f of scene.footprints) if (f.outline) o.push(`<path class="outline" data-footprint="${x(f.id)}" d="${f.outline}"/>`);
  o.push(`</g></g>`);
  if (scene.change) {
    o.push(`<g id="before" ${strokes.before(1)}><g id="before-paths"><path class="before-boundary" d="${scene.change.before}"><title>footprint boundaries of the start plan</title></path></g></g>`);
  }

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

  o.push(...scene.insets.map((i) => insetPanel(scene, i)));
  const markers = scene.change?.markers ?? [];
  o.push(`<g id="leaders" stroke="#111" stroke-width="0.7" fill="#111">`);
  for (const f of [...scene.footprints.map((f) => ({ id: f.id, label: f.label })), ...markers.map((m) => ({ id: m.item.key, label: m }))]) {
    const l = f.label;
    if (l.panel === null) continue;
    // A label moved off the point it names (its box no longer covers it) gets a leader line.
    const off = Math.abs(l.anchorX - l.x) > l.width / 2 || Math.abs(l.anchorY - l.y) > l.height / 2;
    if (!off) continue;
    // From the anchor to the nearest point of the label's box.
    const ex = Math.min(Math.max(l.anchorX, l.x - l.width / 2), l.x + l.width / 2);
    const ey = Math.min(Math.max(l.anchorY, l.y - l.height / 2), l.y + l.height / 2);
    o.push(`<path class="leader" data-footprint="${x(f.id)}" d="M${l.anchorX} ${l.anchorY}L${r1(ex)} ${r1(ey)}"/><circle cx="${l.anchorX}" cy="${l.anchorY}" r="1.3"/>`);
  }
  o.push(`</g>`);
  o.push(`<g id="labels" text-anchor="middle" fill="#111" stroke="#FFFFFF" stroke-width="2.4" stroke-linejoin="round" paint-order="stroke">`);
  for (const f of scene.footprints) {
    const { label: l } = f;
    if (l.panel === null || !Number.isFinite(l.x) || !Number.isFinite(l.y)) continue;
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
  if (markers.length) {
    o.push(`<g id="markers" text-anchor="middle" font-weight="bold">`);
    for (const m of markers) {
      const rx = m.width / 2, ry = m.height / 2;
      o.push(
        `<g class="marker" data-group="${x(m.item.key)}" data-panel="${m.panel}"><title>${x(m.title)}</title>` +
          `<rect x="${r1(m.x - rx)}" y="${r1(m.y - ry)}" width="${r1(2 * rx)}" height="${r1(2 * ry)}" rx="${r1(ry)}" fill="${mark.moved}" stroke="#FFFFFF" stroke-width="1"/>` +
          `<text x="${m.x}" y="${r1(m.y + m.fontSize * 0.36)}" font-size="${m.fontSize}" fill="#FFFFFF">${x(m.item.lines[0])}</text></g>`,
      );
    }
    o.push(`</g>`);
  }

  o.push(legend(scene));
  const foot = [scene.caption, ...scene.provenance];
  o.push(`<g id="caption" font-size="9.5" fill="#555">`);
  foot.forEach((line, i) => o.push(`<text x="12" y="${H - 10 - (foot.length - 1 - i) * 13}">${x(line)}</text>`));
  o.push(`</g>`);
  o.push(`</svg>`);
  return o.join("\n") + "\n";
}

/** Stroke attributes of the layers drawn again in insets, with widths divided by the inset's scale. */
const strokes = {
  units: (k: number) => `stroke="${mark.unit}" stroke-width="${r3(0.35 / k)}" stroke-linejoin="round" stroke-opacity="0.7"`,
  moved: (k: number) => `fill="url(#hatch-moved)" stroke="${mark.moved}" stroke-width="${r3(1.2 / k)}" stroke-linejoin="round"`,
  outlines: (k: number) => `fill="none" stroke="${mark.boundary}" stroke-width="${r3(1.5 / k)}" stroke-linejoin="round" stroke-linecap="round"`,
  before: (k: number) => `fill="none" stroke="${mark.before}" stroke-width="${r3(1.6 / k)}" stroke-dasharray="${r3(4 / k)} ${r3(2.5 / k)}" stroke-linejoin="round"`,
};

/**
 * An inset: a framed panel drawing the map's layers again by reference (`<use>`), scaled about its
 * region, with its letter; the region is framed on the main map with the same letter.
 */
function insetPanel(scene: MapScene, i: MapScene["insets"][number]): string {
  const [x0, y0, x1, y1] = i.box;
  const [sx0, sy0, sx1, sy1] = i.source;
  const t = `translate(${r3(x0 - sx0 * i.k)} ${r3(y0 - sy0 * i.k)}) scale(${i.k})`;
  const layers = [
    `<g ${strokes.units(i.k)}><use href="#footprint-shapes"/></g>`,
    scene.change ? `<g ${strokes.moved(i.k).replace("url(#hatch-moved)", `url(#hatch-moved-${i.letter})`)}><use href="#moved-shapes"/></g>` : "",
    `<g ${strokes.outlines(i.k)}><use href="#outline-paths"/></g>`,
    scene.change ? `<g ${strokes.before(i.k)}><use href="#before-paths"/></g>` : "",
  ].join("");
  return (
    `<g class="inset-frame" data-inset="${i.letter}" fill="none" stroke="#111" stroke-width="1"><rect x="${r1(sx0)}" y="${r1(sy0)}" width="${r1(sx1 - sx0)}" height="${r1(sy1 - sy0)}"/>` +
    `<text x="${r1(sx0 + 2)}" y="${r1(sy0 - 3)}" font-size="10" font-weight="bold" fill="#111" stroke="#FFFFFF" stroke-width="2" paint-order="stroke">${i.letter}</text></g>` +
    `<g class="inset" data-inset="${i.letter}"><rect x="${x0}" y="${y0}" width="${r1(x1 - x0)}" height="${r1(y1 - y0)}" fill="#FFFFFF"/>` +
    `<g clip-path="url(#clip-inset-${i.letter})"><g transform="${t}">${layers}</g></g>` +
    `<rect x="${x0}" y="${y0}" width="${r1(x1 - x0)}" height="${r1(y1 - y0)}" fill="none" stroke="#111" stroke-width="1"/>` +
    `<text x="${r1(x0 + 4)}" y="${r1(y0 - 4)}" font-size="11" font-weight="bold" fill="#111">${x(`Inset ${i.letter}: ${i.k.toFixed(1)}× scale`)}</text></g>`
  );
}

function r1(v: number): number {
  return Math.round(v * 10) / 10;
}

function r3(v: number): number {
  return Math.round(v * 1000) / 1000;
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

/** Characters of 12 px text that fit beside a legend swatch (216 px: 36 reached the image's edge on the England map). */
const LEGEND_CHARS = 34;

/** The legend: what each mark means, with counts. */
function legend(scene: MapScene): string {
  const lx = scene.box[2] + 20;
  const rows: string[] = [];
  let y = 0;
  // Each text wraps at LEGEND_CHARS so it stays inside the legend column (250 px wide).
  const row = (swatch: string, text: string) => {
    const lines = wrap(text, LEGEND_CHARS);
    const spans = lines.map((l, i) => `<tspan x="34" dy="${i === 0 ? 0 : 14}">${x(l)}</tspan>`).join("");
    rows.push(`<g transform="translate(0 ${y})">${swatch}<text x="34" y="12" font-size="12" fill="#222">${spans}</text></g>`);
    y += 22 + 14 * (lines.length - 1);
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
  if (scene.change) {
    row(`<line x1="0" y1="8" x2="26" y2="8" ${strokes.before(1)}/>`, "footprint boundary before");
    row(`<rect x="1" y="1" width="24" height="14" ${strokes.moved(1)}/>`, "unit moved");
    row(
      `<rect x="5" y="0" width="16" height="16" rx="8" fill="${mark.moved}"/><text x="13" y="12" font-size="9" font-weight="bold" fill="#FFFFFF" text-anchor="middle">1</text>`,
      `units moved together: ${scene.change.markers.length}`,
    );
  }
  if (scene.insets.length) row(`<rect x="1" y="1" width="24" height="14" fill="none" stroke="#111"/>`, `inset (larger scale): ${scene.insets.map((i) => i.letter).join(", ")}`);
  return `<g id="legend" transform="translate(${lx} ${scene.box[1] + 14})">${rows.join("")}</g>`;
}
