import { formatInt } from "../model/format.js";
import { resolvePlan } from "../model/plan.js";
import type { Dataset, Plan } from "../model/types.js";
import type { CheckResult } from "../rules/checkPlan.js";
import type { ProviderSite } from "../io/readProviderSites.js";
import { colourGraph } from "./colourGraph.js";
import { footprintGraph } from "./footprintGraph.js";
import { footprintLabelShape } from "./footprintLabelShape.js";
import { groupBoundaries } from "./groupBoundaries.js";
import { fillColour } from "./palette.js";
import { polylinesPath, shapesPath } from "./pathData.js";
import { poleOfInaccessibility } from "./poleOfInaccessibility.js";
import { projectUnits } from "./projectUnits.js";
import { type Inset, layoutLabels } from "./layoutLabels.js";
import type { Box, LabelItem, PlacedItem } from "./placeLabels.js";

export interface MapOptions {
  /** Width of the picture in pixels (default 1000); the height follows the data's shape. */
  width?: number;
  /** Title drawn at the top (default: the dataset's name). */
  title?: string;
  /** Provider locations; cross-footprint providers found among them are drawn as markers. */
  providerSites?: readonly ProviderSite[] | null;
  /** Draw what changed from a start plan (a before/after report). */
  change?: MapChange;
  /** Lines of small print at the foot: how the map was made (see provenanceLines). */
  provenance?: string[];
  /** Full provenance, written into the SVG's metadata. */
  metadata?: unknown;
}

/** What changed from a start plan, to draw over the proposed plan. */
export interface MapChange {
  /** Footprint of each unit in the start plan (any numbering; -1 for none): its outlines are drawn dashed. */
  startAssignment: Int32Array;
  /** Units in another footprint than at the start: hatched and outlined. */
  moved: number[];
  /** Footprints that are not in the start plan: their labels say "new". */
  created?: ReadonlySet<string>;
  /** Numbered markers, one per group of units moved together (key, the text shown, its units). */
  groups: { key: string; text: string; units: number[]; title: string }[];
}

export interface MapLabel {
  /** Centre of the label. */
  x: number;
  y: number;
  /** The point it names (the footprint's pole of inaccessibility); a leader line joins them when apart. */
  anchorX: number;
  anchorY: number;
  /** Estimated size of the label's box, centred on (x, y). */
  width: number;
  height: number;
  fontSize: number;
  /** The name (or id), wrapped. */
  lines: string[];
  /** The population line, e.g. "2,869,256". */
  population: string;
  /** Where it is drawn: -1 on the main map, i in inset i; null when it has no place (no geometry). */
  panel: number | null;
  /** Radius of the largest circle inside the footprint at the anchor (main-map pixels). */
  room: number;
  /** The footprint's pixel bounding box on the main map. */
  extent: Box;
}

export interface MapFootprint {
  id: string;
  name: string;
  population: number;
  units: number;
  status: "ok" | "warning" | "error";
  /** Fill colour, and its index in the colouring. */
  fill: string;
  colour: number;
  /** Path data of all its units (filled; stroked thin, which draws the unit boundaries). */
  path: string;
  /** Path data of its outline (drawn thick). */
  outline: string;
  /** Outside the population bounds. */
  bounds: "over" | "under" | null;
  /** Outline path data of each extra piece of a non-contiguous footprint. */
  pieces: string[];
  label: MapLabel;
}

/** Everything a renderer needs, in pixels. */
export interface MapScene {
  width: number;
  height: number;
  title: string;
  /** Small print: projection, data. */
  caption: string;
  /** The map's drawing box [x0, y0, x1, y1]. */
  box: [number, number, number, number];
  footprints: MapFootprint[];
  /** Path data of units in no footprint, or "" when there are none. */
  unassigned: string;
  links: { a: string; b: string; path: string; note: string }[];
  providers: { id: string; name: string; x: number; y: number; footprints: string[] }[];
  /** Cross-footprint providers without a known site (not drawn). */
  providersNotLocated: string[];
  /** Number of fill colours used. */
  colours: number;
  result: CheckResult;
  /** Panels showing dense regions (London) at a larger scale. */
  insets: Inset[];
  /** What changed from a start plan, when drawn. */
  change: { before: string; moved: string; markers: (PlacedItem & { title: string })[] } | null;
  provenance: string[];
  metadata: unknown;
}

const legendWidth = 250;
const top = 58;
const bottom = 34;

/**
 * Lays out the map of a checked plan: projects the units, outlines footprints, colours them so
 * that neighbours differ (DSATUR over footprint adjacency), places one label per footprint at its
 * pole of inaccessibility, and collects the rule problems to draw (population outside the bounds,
 * extra pieces, links, cross-footprint providers). Renderers (SVG, PNG, HTML) take the result.
 *
 * @param result the check of `plan` on `dataset` (see checkPlan)
 * @example
 * const scene = buildMap(dataset, plan, checkPlan(dataset, plan));
 * renderSvg(scene);
 */
export function buildMap(dataset: Dataset, plan: Plan, result: CheckResult, opts: MapOptions = {}): MapScene {
  const width = Math.max(400, Math.round(opts.width ?? 1000));
  const mapWidth = width - legendWidth - 20;
  const projected = projectUnits(dataset.units, { extent: [[10, top], [10 + mapWidth, top + 1.6 * mapWidth]] });
  const [, , , by1] = projected.bounds;
  const height = Math.ceil(Math.max(Number.isFinite(by1) ? by1 + bottom : top + mapWidth, 560));
  const resolved = resolvePlan(plan, dataset.units);
  const nf = resolved.footprints.length;
  const shapes = projected.shapes;
  // A pixel of tolerance: neighbours' boundaries, simplified separately, stay within it.
  const outlines = groupBoundaries(shapes, resolved.assignment, 1);
  const colourOf = colourGraph(footprintGraph(resolved.assignment, dataset.adjacency.neighbors, nf));

  const byFootprint = new Map(result.footprints.map((f) => [f.id, f]));
  const over = new Set<string>(), under = new Set<string>();
  const pieceUnits = new Map<string, string[][]>();
  const crossProviders = new Map<string, string[]>();
  for (const f of result.findings) {
    if (!f.footprint) continue;
    if (f.rule === "population-max") over.add(f.footprint);
    if (f.rule === "population-min") under.add(f.footprint);
    if (f.rule === "contiguity" && f.pieces) pieceUnits.set(f.footprint, f.pieces.slice(1));
    if (f.rule === "cross-footprint-provider" && f.provider) crossProviders.set(f.provider, Object.keys(f.shares ?? {}));
  }
  // Extra pieces, outlined as groups of their own (every other unit ungrouped).
  const pieceGroup = new Int32Array(dataset.units.ids.length).fill(-1);
  const pieceOwner: string[] = [];
  for (const [fp, pieces] of pieceUnits) {
    for (const piece of pieces) {
      for (const id of piece) {
        const u = dataset.units.index.get(id);
        if (u !== undefined) pieceGroup[u] = pieceOwner.length;
      }
      pieceOwner.push(fp);
    }
  }
  const pieceLines = pieceOwner.length ? groupBoundaries(shapes, pieceGroup, 1) : new Map();

  const footprints: MapFootprint[] = resolved.footprints.map((id, f) => {
    const members = resolved.members[f].filter((u) => resolved.assignment[u] === f);
    const memberShapes = members.map((u) => shapes[u]);
    const outline = outlines.get(f) ?? [];
    const summary = byFootprint.get(id);
    const population = summary?.population ?? 0;
    const name = resolved.names[f];
    const pole = memberShapes.some((s) => s.length) ? poleOfInaccessibility(footprintLabelShape(memberShapes, outline), 2) : { x: NaN, y: NaN, distance: 0 };
    const lines = wrap(name || id, 18);
    const pieces = [...pieceLines.entries()].filter(([g]) => pieceOwner[g] === id).map(([, l]) => polylinesPath(l));
    return {
      id,
      name,
      population,
      units: resolved.members[f].length,
      status: summary?.status ?? "ok",
      fill: fillColour(colourOf[f]),
      colour: colourOf[f],
      path: shapesPath(memberShapes),
      outline: polylinesPath(outline),
      bounds: over.has(id) ? "over" : under.has(id) ? "under" : null,
      pieces,
      label: { x: pole.x, y: pole.y, anchorX: round1(pole.x), anchorY: round1(pole.y), width: 0, height: 0, fontSize: 0, lines, population: formatInt(population) + (opts.change?.created?.has(id) ? " (new)" : ""), panel: null, room: pole.distance, extent: shapesBox(memberShapes) },
    };
  });

  // Change markers: one per group of moved units, at the pole of its largest unit.
  const groups = opts.change?.groups ?? [];
  const groupItems = groups.map((g): LabelItem & { extent: Box; title: string } => {
    const gs = g.units.map((u) => shapes[u]).filter((x) => x.length);
    const pole = gs.length ? poleOfInaccessibility(footprintLabelShape(gs, []), 1) : { x: NaN, y: NaN, distance: 0 };
    return { key: g.key, kind: "marker", anchorX: pole.x, anchorY: pole.y, room: pole.distance, lines: [g.text], extent: shapesBox(gs), title: g.title };
  });

  // Every label and marker placed without overlap; crowded ones go to insets (see layoutLabels).
  const labelItems = footprints
    .filter((f) => Number.isFinite(f.label.x) && Number.isFinite(f.label.y))
    .map((f): LabelItem & { extent: Box } => ({ key: f.id, kind: "label", anchorX: f.label.x, anchorY: f.label.y, room: f.label.room, lines: [...f.label.lines, (f.bounds ? "▲ " : "") + f.label.population], extent: f.label.extent }));
  const items = [...labelItems, ...groupItems.filter((g) => Number.isFinite(g.anchorX))];
  const extentOf = new Map<LabelItem, Box>(items.map((i) => [i, i.extent]));
  const legendRows = opts.change ? 13 : 9;
  const layout = layoutLabels(items, (i) => extentOf.get(i)!, {
    mapBox: [10, top, 10 + mapWidth, height - bottom],
    column: [width - legendWidth + 10, top + 30 + legendRows * 22, width - 10],
    height,
    bottom,
  });
  const byKey = new Map(footprints.map((f) => [f.id, f]));
  const markers: (PlacedItem & { title: string })[] = [];
  for (const p of layout.placed) {
    if (p.item.kind === "marker") {
      markers.push({ ...p, title: groupItems.find((g) => g.key === p.item.key)!.title });
      continue;
    }
    const f = byKey.get(p.item.key)!;
    Object.assign(f.label, { x: p.x, y: p.y, anchorX: p.anchorX, anchorY: p.anchorY, width: p.width, height: p.height, fontSize: p.fontSize, panel: p.panel });
  }

  const unassignedShapes = shapes.filter((_, u) => resolved.assignment[u] < 0);
  const linkedUnits = new Set(dataset.adjacency.linked.flat());
  const centre = unitCentres(shapes, linkedUnits);
  const links = dataset.adjacency.linked.map(([a, b]) => {
    const link = dataset.links.find((l) => (l.a === dataset.units.ids[a] && l.b === dataset.units.ids[b]) || (l.a === dataset.units.ids[b] && l.b === dataset.units.ids[a]));
    const [ax, ay] = centre[a], [bx, by] = centre[b];
    return {
      a: dataset.units.ids[a],
      b: dataset.units.ids[b],
      path: `M${round1(ax)} ${round1(ay)}L${round1(bx)} ${round1(by)}`,
      note: [link?.kind, link?.note].filter(Boolean).join(": "),
    };
  });

  const sites = new Map((opts.providerSites ?? []).map((s) => [s.provider, s]));
  const providers: MapScene["providers"] = [];
  const providersNotLocated: string[] = [];
  for (const [id, fps] of crossProviders) {
    const site = sites.get(id);
    const xy = site ? projected.project([site.lon, site.lat]) : null;
    if (!site || !xy || !Number.isFinite(xy[0]) || !Number.isFinite(xy[1])) {
      providersNotLocated.push(id);
      continue;
    }
    providers.push({ id, name: dataset.providerNames?.get(id) ?? site.name, x: round1(xy[0]), y: round1(xy[1]), footprints: fps });
  }
  const colours = nf ? Math.max(...colourOf) + 1 : 0;
  let change: MapScene["change"] = null;
  if (opts.change) {
    const before = groupBoundaries(shapes, opts.change.startAssignment, 1);
    const beforeLines = [...before.values()].flat();
    change = { before: polylinesPath(beforeLines), moved: shapesPath(opts.change.moved.map((u) => shapes[u])), markers };
  }
  const files = [dataset.files.boundaries, dataset.files.population, dataset.files.providers].filter(Boolean).map((f) => f!.split(/[\\/]/).pop());
  // Provenance lines wrapped to the picture's width (9.5 px text, about 5.3 px a character).
  const maxChars = Math.max(40, Math.floor((width - 24) / 5.3));
  const foot = (opts.provenance ?? []).flatMap((line) => wrap(line, maxChars, Infinity));
  return {
    width,
    height: layout.height + foot.length * 13,
    title: opts.title ?? dataset.name,
    caption: `${projected.projection}; data: ${files.join(", ")}`,
    box: [10, top, 10 + mapWidth, height - bottom],
    footprints,
    unassigned: shapesPath(unassignedShapes),
    links,
    providers,
    providersNotLocated,
    colours,
    result,
    insets: layout.insets,
    change,
    provenance: foot,
    metadata: opts.metadata ?? null,
  };
}

/** Pixel bounding box of some shapes. */
function shapesBox(shapes: readonly (readonly number[][][])[]): Box {
  const b: Box = [Infinity, Infinity, -Infinity, -Infinity];
  for (const polys of shapes) {
    for (const rings of polys) {
      const r = rings[0];
      for (let i = 0; i < r.length; i += 2) {
        if (r[i] < b[0]) b[0] = r[i];
        if (r[i] > b[2]) b[2] = r[i];
        if (r[i + 1] < b[1]) b[1] = r[i + 1];
        if (r[i + 1] > b[3]) b[3] = r[i + 1];
      }
    }
  }
  return b;
}

/** A point inside each unit of `which` for links: the pole of inaccessibility of its largest polygon. */
function unitCentres(shapes: readonly (readonly number[][][])[], which: Set<number>): [number, number][] {
  return shapes.map((polys, u) => {
    if (!which.has(u)) return [NaN, NaN];
    let best: number[][] | null = null, bestArea = -1;
    for (const rings of polys) {
      const r = rings[0];
      let a = 0;
      for (let i = 0, m = r.length / 2, j = m - 1; i < m; j = i++) a += (r[2 * j] - r[2 * i]) * (r[2 * j + 1] + r[2 * i + 1]);
      if (Math.abs(a) > bestArea) {
        bestArea = Math.abs(a);
        best = rings;
      }
    }
    if (!best) return [NaN, NaN];
    const p = poleOfInaccessibility(footprintLabelShape([[best]], []), 1);
    return [p.x, p.y];
  });
}

/** Splits text into lines of at most `width` characters at spaces (long words stay whole); at most `maxLines` lines (3). */
export function wrap(text: string, width: number, maxLines = 3): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines.length - 1;
    if (last >= 0 && lines[last].length + 1 + word.length <= width) lines[last] += " " + word;
    else lines.push(word);
  }
  if (lines.length > maxLines) return [...lines.slice(0, 2), lines.slice(2).join(" ").slice(0, width - 1) + "…"];
  return lines.length ? lines : [""];
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
