/** Something to write on a map: a footprint's label, or a numbered marker. */
export interface LabelItem {
  key: string;
  kind: "label" | "marker";
  /** The point it names, in pixels. */
  anchorX: number;
  anchorY: number;
  /** Radius of the largest circle inside the named shape at the anchor, in pixels (how much room a label has). */
  room: number;
  /** Text lines; the box is sized from the longest. */
  lines: string[];
}

/** A placed item: its box centred on (x, y), its font size, and the panel it is drawn in (-1: the main map). */
export interface PlacedItem {
  item: LabelItem;
  x: number;
  y: number;
  width: number;
  height: number;
  fontSize: number;
  panel: number;
  /** The anchor in the panel's pixels (a leader line joins it to a box placed away from it). */
  anchorX: number;
  anchorY: number;
}

export type Box = [number, number, number, number];

/** Font sizes of labels: fitted to the room inside the shape, never below `minFont`. */
export const labelFont = { min: 7, max: 13 } as const;
export const markerFont = 8;

/** Width and height of an item's box at a font size (DejaVu Sans averages about 0.6 em a character). */
export function boxSize(item: LabelItem, fontSize: number): { width: number; height: number } {
  if (item.kind === "marker") {
    const d = Math.max(2 * fontSize, (item.lines[0].length * 0.62 + 0.9) * fontSize);
    return { width: d, height: 2 * fontSize };
  }
  const chars = Math.max(...item.lines.map((t) => t.length), 1);
  return { width: chars * fontSize * 0.6 + 2, height: item.lines.length * fontSize * 1.15 + 1 };
}

/** The font that makes an item's box fit in its room (the inscribed circle), clamped to readable sizes. */
export function fittedFont(item: LabelItem, scale = 1): number {
  if (item.kind === "marker") return markerFont;
  const chars = Math.max(...item.lines.map((t) => t.length), 1);
  const f = (2.6 * Math.max(item.room * scale, 0)) / (0.6 * chars + 0.6 * item.lines.length);
  return Math.round(Math.min(labelFont.max, Math.max(labelFont.min, Number.isFinite(f) ? f : labelFont.min)) * 10) / 10;
}

/**
 * Below this fitted font size a label is far too big for its shape (on England 2016: London's
 * footprints and Birmingham's at about 2, the smallest elsewhere 2.8 and up): near others like it,
 * it belongs in an inset.
 */
export const crowdedFont = 2.5;

/** True unless a label is far too big for the shape it names (see crowdedFont; markers always fit). */
export function fitsInside(item: LabelItem): boolean {
  if (item.kind === "marker") return true;
  const chars = Math.max(...item.lines.map((t) => t.length), 1);
  return (2.6 * Math.max(item.room, 0)) / (0.6 * chars + 0.6 * item.lines.length) >= crowdedFont;
}

/** True when two boxes (centre and size) overlap by more than `gap` pixels' clearance. */
export function boxesOverlap(a: { x: number; y: number; width: number; height: number }, b: { x: number; y: number; width: number; height: number }, gap = 0): boolean {
  return Math.abs(a.x - b.x) < (a.width + b.width) / 2 + gap && Math.abs(a.y - b.y) < (a.height + b.height) / 2 + gap;
}

/** Offsets tried around an anchor, nearest first: rings of 16 directions out to `maxLeader` pixels. */
function candidates(maxLeader: number): [number, number][] {
  const out: [number, number][] = [[0, 0]];
  for (let r = 3; r <= maxLeader; r = Math.ceil(r * 1.25 + 1)) {
    const steps = r < 12 ? 8 : 16;
    for (let k = 0; k < steps; k++) {
      const a = (2 * Math.PI * k) / steps;
      out.push([r * Math.cos(a), r * Math.sin(a)]);
    }
  }
  return out;
}

/**
 * Places items greedily, largest font first, markers last: each at the first offset from its
 * anchor (nearest first, up to `maxLeader` pixels) where its box stays inside `bounds` and clear
 * of every box placed before (exact placement is NP-hard: Christensen, Marks & Shieber 1995; a
 * greedy search over candidate positions is the usual practical answer). Items that find no place
 * are returned as `failed`, for an inset at a larger scale.
 *
 * @param transform maps an anchor from main-map pixels to the panel (identity for the main map)
 * @example
 * const { placed, failed } = placeItems(items, [10, 58, 740, 900], -1, 1, (x, y) => [x, y]);
 */
export function placeItems(
  items: readonly LabelItem[],
  bounds: Box,
  panel: number,
  scale: number,
  transform: (x: number, y: number) => [number, number],
  opts: { maxLeader?: number; obstacles?: PlacedItem[]; force?: boolean } = {},
): { placed: PlacedItem[]; failed: LabelItem[] } {
  const placed: PlacedItem[] = [];
  const taken: PlacedItem[] = [...(opts.obstacles ?? [])];
  const failed: LabelItem[] = [];
  const sized = items.map((item) => {
    const fontSize = fittedFont(item, scale);
    return { item, fontSize, ...boxSize(item, fontSize) };
  });
  sized.sort((a, b) => (a.item.kind === b.item.kind ? b.fontSize - a.fontSize || b.width - a.width : a.item.kind === "label" ? -1 : 1));
  const offsets = candidates(opts.maxLeader ?? 40);
  for (const s of sized) {
    const [ax, ay] = transform(s.item.anchorX, s.item.anchorY);
    let spot: PlacedItem | null = null;
    for (const [dx, dy] of offsets) {
      const x = ax + dx, y = ay + dy;
      if (x - s.width / 2 < bounds[0] || x + s.width / 2 > bounds[2] || y - s.height / 2 < bounds[1] || y + s.height / 2 > bounds[3]) continue;
      const box = { x, y, width: s.width, height: s.height };
      if (taken.some((t) => boxesOverlap(box, t, 1))) continue;
      spot = { item: s.item, x: round1(x), y: round1(y), width: round1(s.width), height: round1(s.height), fontSize: s.fontSize, panel, anchorX: round1(ax), anchorY: round1(ay) };
      break;
    }
    if (!spot && opts.force) {
      const x = Math.min(Math.max(ax, bounds[0] + s.width / 2), bounds[2] - s.width / 2);
      const y = Math.min(Math.max(ay, bounds[1] + s.height / 2), bounds[3] - s.height / 2);
      spot = { item: s.item, x: round1(x), y: round1(y), width: round1(s.width), height: round1(s.height), fontSize: s.fontSize, panel, anchorX: round1(ax), anchorY: round1(ay) };
    }
    if (spot) {
      placed.push(spot);
      taken.push(spot);
    } else failed.push(s.item);
  }
  return { placed, failed };
}

/** Pairs of placed boxes (in one panel) that overlap: what a legible map keeps at zero. */
export function countOverlaps(placed: readonly PlacedItem[]): number {
  let n = 0;
  for (let i = 0; i < placed.length; i++) {
    for (let j = i + 1; j < placed.length; j++) if (placed[i].panel === placed[j].panel && boxesOverlap(placed[i], placed[j])) n++;
  }
  return n;
}

/**
 * Groups items by proximity (single linkage: two items closer than `distance` pixels share a
 * group), for one inset per dense cluster.
 */
export function clusterItems(items: readonly LabelItem[], distance: number): LabelItem[][] {
  const parent = items.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      if (Math.hypot(items[i].anchorX - items[j].anchorX, items[i].anchorY - items[j].anchorY) < distance) parent[find(i)] = find(j);
    }
  }
  const groups = new Map<number, LabelItem[]>();
  items.forEach((item, i) => {
    const r = find(i);
    if (!groups.has(r)) groups.set(r, []);
    groups.get(r)!.push(item);
  });
  return [...groups.values()];
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
