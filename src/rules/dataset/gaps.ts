import type { Finding } from "../../model/types.js";
import { GEOMETRY_DEFAULTS, type GeometryCheckOptions, type GeometryItem, itemLabel } from "./geometryItem.js";
import { coverageOf } from "./geom/coverageOf.js";
import { isGeographic } from "./geom/looksLikeBng.js";
import { formatArea } from "./overlaps.js";

/**
 * Rule `gaps` (warning): a sliver, i.e. a hole in the union of all units (ground enclosed by units
 * but in none) whose area is between `gapMinArea` (default 1 m²) and `gapArea` (default 10,000 m² =
 * 0.01 km²). Larger holes are taken to be real (a lake, an area outside the dataset); smaller ones are
 * dust from rounding coordinates (the CCG16 layer has 43 holes, all under 14 m²).
 *
 * @example
 * gaps(itemsWithASliverBetweenAandB) // one finding, units ["A", "B"]
 */
export function gaps(items: readonly GeometryItem[], opts: GeometryCheckOptions = {}): Finding[] {
  const maxArea = opts.gapArea ?? GEOMETRY_DEFAULTS.gapArea;
  const minArea = opts.gapMinArea ?? GEOMETRY_DEFAULTS.gapMinArea;
  const { holes } = coverageOf(items, isGeographic(items, opts.geographic));
  const out: Finding[] = [];
  for (const h of holes) {
    if (h.area < minArea || h.area > maxArea) continue;
    const ids = h.units.map((u) => items[u].id ?? `feature ${u}`);
    const labels = h.units.map((u) => itemLabel(items, u));
    out.push({
      rule: "gaps",
      severity: "warning",
      message: `gap of ${formatArea(h.area)} between ${ids.length === 1 ? "unit" : "units"} ${labels.join(", ")} near ${h.location[0]}, ${h.location[1]}`,
      units: ids,
      location: h.location,
      suggestion: "snap the neighbouring boundaries together in a GIS",
    });
  }
  return out;
}
