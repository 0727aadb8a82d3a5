import { type Box, clusterItems, fitsInside, type LabelItem, type PlacedItem, placeItems } from "./placeLabels.js";

/** A panel showing a dense part of the map at a larger scale. */
export interface Inset {
  /** "A", "B"...: written on the panel and on its frame in the main map. */
  letter: string;
  /** The region shown, in main-map pixels. */
  source: Box;
  /** Where the panel is drawn, in pixels. */
  box: Box;
  /** Scale from main-map pixels to the panel: panel = (p - source[0..1]) * k + box[0..1]. */
  k: number;
}

export interface LabelLayout {
  placed: PlacedItem[];
  insets: Inset[];
  /** The picture's height once insets are added (at least the height given). */
  height: number;
}

export interface LayoutOptions {
  /** The main map's drawing box. */
  mapBox: Box;
  /** The column right of the map where insets go first: [x0, y0, x1]; below the map when full. */
  column: [number, number, number];
  height: number;
  bottom: number;
}

/**
 * Lays out every label and marker of a map so that none overlaps another: first on the main map
 * (see placeItems, leader lines up to 40 pixels, then 90 for items standing alone), then the items
 * still without a place are grouped by proximity and each group gets an inset, a panel showing its
 * region at the scale where its labels fit (London's footprints on an England map), stacked in the
 * column beside the map or, when the region is too wide for it, below the map.
 *
 * @param extent the pixel bounding box of the shape each item names (for the inset's region)
 * @example
 * const { placed, insets, height } = layoutLabels(items, extents, { mapBox, column: [760, 400, 990], height: 900, bottom: 34 });
 */
export function layoutLabels(items: readonly LabelItem[], extent: (item: LabelItem) => Box, o: LayoutOptions): LabelLayout {
  const identity = (x: number, y: number): [number, number] => [x, y];
  // Labels too big for their footprints, near other such labels, make a dense cluster: an inset.
  const tight = clusterItems(items.filter((i) => !fitsInside(i)), 60).filter((c) => c.length > 1);
  const inInset = new Set(tight.flat());
  const first = placeItems(items.filter((i) => !inInset.has(i)), o.mapBox, -1, 1, identity, { maxLeader: 30 });
  const placed = [...first.placed];
  // Items that found no place: alone in their neighbourhood they may go further from their anchor;
  // in a group, or still without a place, they get an inset too.
  const clusters = clusterItems(first.failed, 60);
  const loners = clusters.filter((c) => c.length === 1).flat();
  const second = placeItems(loners, o.mapBox, -1, 1, identity, { maxLeader: 90, obstacles: placed });
  placed.push(...second.placed);
  const crowded = [...tight, ...clusters.filter((c) => c.length > 1), ...second.failed.map((i) => [i])];

  const insets: Inset[] = [];
  let height = o.height;
  let columnY = o.column[1];
  let belowY = o.height - o.bottom + 16;
  const [mx0, , mx1] = o.mapBox;
  crowded.forEach((cluster0, n) => {
    // Every item named inside the crowded region goes to the inset with it (London's footprints
    // together, not some on the map with long leaders and some in the inset).
    const cluster = [...cluster0];
    // The region: the items' shapes, but no further than 50 pixels beyond their anchors.
    let [rx0, ry0, rx1, ry1] = [Infinity, Infinity, -Infinity, -Infinity];
    let [ax0, ay0, ax1, ay1] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const item of cluster) {
      const e = extent(item);
      [rx0, ry0, rx1, ry1] = [Math.min(rx0, e[0]), Math.min(ry0, e[1]), Math.max(rx1, e[2]), Math.max(ry1, e[3])];
      [ax0, ay0, ax1, ay1] = [Math.min(ax0, item.anchorX), Math.min(ay0, item.anchorY), Math.max(ax1, item.anchorX), Math.max(ay1, item.anchorY)];
    }
    const pad = 6;
    rx0 = Math.max(rx0, ax0 - 30) - pad;
    ry0 = Math.max(ry0, ay0 - 30) - pad;
    rx1 = Math.min(rx1, ax1 + 30) + pad;
    ry1 = Math.min(ry1, ay1 + 30) + pad;
    for (let i = placed.length - 1; i >= 0; i--) {
      const p = placed[i];
      if (p.panel === -1 && p.item.anchorX > rx0 + pad && p.item.anchorX < rx1 - pad && p.item.anchorY > ry0 + pad && p.item.anchorY < ry1 - pad) {
        cluster.push(p.item);
        placed.splice(i, 1);
      }
    }
    const rw = Math.max(rx1 - rx0, 20), rh = Math.max(ry1 - ry0, 20);
    const columnWidth = o.column[2] - o.column[0];
    let k = Math.min(columnWidth / rw, 8);
    let box: Box;
    if (k >= 2.5) {
      box = [o.column[0], columnY + 16, o.column[0] + rw * k, columnY + 16 + rh * k];
      columnY = box[3] + 8;
    } else {
      k = Math.min((mx1 - mx0) / rw, 8, 380 / rh);
      box = [mx0, belowY + 16, mx0 + rw * k, belowY + 16 + rh * k];
      belowY = box[3] + 8;
    }
    const inset: Inset = { letter: String.fromCharCode(65 + (n % 26)) + (n >= 26 ? String(Math.floor(n / 26)) : ""), source: [rx0, ry0, rx0 + rw, ry0 + rh], box: box.map(round1) as Box, k: Math.round(k * 1000) / 1000 };
    insets.push(inset);
    const t = (x: number, y: number): [number, number] => [box[0] + (x - rx0) * k, box[1] + (y - ry0) * k];
    const inner: Box = [box[0] + 2, box[1] + 2, box[2] - 2, box[3] - 2];
    const r = placeItems(cluster, inner, insets.length - 1, k, t, { maxLeader: 80, force: true });
    placed.push(...r.placed);
    height = Math.max(height, Math.ceil(box[3] + o.bottom));
  });
  return { placed, insets, height };
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
