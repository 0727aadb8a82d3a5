import type { Finding } from "../../model/types.js";
import { GEOMETRY_DEFAULTS, type GeometryCheckOptions, type GeometryItem, itemLabel } from "./geometryItem.js";
import { coverageOf } from "./geom/coverageOf.js";
import { isGeographic } from "./geom/looksLikeBng.js";

/**
 * Rule `overlaps` (error): two units covering the same ground. A connected piece of overlap is
 * reported when its area exceeds `overlapArea` (default 100 m²) and its mean width, 2 x area /
 * perimeter, exceeds `overlapWidth` (default 5 m). The width test matters: files dissolved with a
 * small buffer (the CCG16 layer used 0.5 m) have neighbours overlapping in ~1 m strips that run along
 * whole boundaries, with areas up to ~0.1 km² but widths under 2 m; those are not errors.
 *
 * @example
 * overlaps([{ id: "A", geometry: squareA }, { id: "B", geometry: squareBOverlappingA }]) // one finding
 */
export function overlaps(items: readonly GeometryItem[], opts: GeometryCheckOptions = {}): Finding[] {
  const minArea = opts.overlapArea ?? GEOMETRY_DEFAULTS.overlapArea;
  const minWidth = opts.overlapWidth ?? GEOMETRY_DEFAULTS.overlapWidth;
  const { overlaps: pieces } = coverageOf(items, isGeographic(items, opts.geographic));
  const out: Finding[] = [];
  for (const p of pieces) {
    const width = (2 * p.area) / p.perimeter;
    if (p.area <= minArea || width <= minWidth) continue;
    const ids = p.units.map((u) => items[u].id ?? `feature ${u}`);
    const labels = p.units.map((u) => itemLabel(items, u));
    out.push({
      rule: "overlaps",
      severity: "error",
      message: `units ${labels.join(" and ")} overlap by ${formatArea(p.area)} (mean width ${width.toFixed(1)} m) near ${p.location[0]}, ${p.location[1]}`,
      units: ids,
      location: p.location,
      suggestion: "fix the shared boundary in a GIS (snap the two units to one line)",
    });
  }
  return out;
}

/** An area in m² or km², for messages. */
export function formatArea(m2: number): string {
  return m2 >= 1e6 ? `${(m2 / 1e6).toFixed(2)} km²` : `${Math.round(m2)} m²`;
}
