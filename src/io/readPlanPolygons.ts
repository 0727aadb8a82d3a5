import { formatPercent } from "../model/format.js";
import { coverUnits, polygonOverlaps } from "../model/overlay.js";
import type { Finding, Plan, Units } from "../model/types.js";
import { toUnits } from "../model/units.js";
import { defaults } from "../options/defaults.js";
import { readBoundaries } from "./readBoundaries.js";

export interface PolygonPlanOptions {
  idField?: string;
  nameField?: string;
  layer?: string;
  /** A unit with more than this share of its area in a second footprint is split (default: the option table's). */
  splitTolerance?: number;
}

/**
 * Reads a plan drawn as footprint polygons (GeoJSON or TopoJSON) and derives membership by area
 * overlay: each unit goes to the footprint covering most of its area; a second footprint holding
 * more than `splitTolerance` of it adds a row too (an overlap for `check`). Footprint polygons that
 * overlap each other beyond the tolerance are returned as `overlap` findings.
 */
export async function readPlanPolygons(file: string, units: Units, opts: PolygonPlanOptions = {}): Promise<{ plan: Plan; findings: Finding[] }> {
  const tolerance = opts.splitTolerance ?? defaults.splitTolerance;
  const b = await readBoundaries(file, { idField: opts.idField, nameField: opts.nameField, layer: opts.layer });
  const fps = toUnits(b);
  const covers = coverUnits(units.geometries, fps.geometries);
  const plan: Plan = { rows: [], names: new Map(), source: file };
  fps.ids.forEach((id, f) => plan.names.set(id, fps.names[f]));
  for (const c of covers) {
    if (c.shares.length === 0) continue;
    c.shares.forEach(([f, share], k) => {
      if (k === 0 || share > tolerance) plan.rows.push({ unit: units.ids[c.unit], footprint: fps.ids[f], share });
    });
  }
  const findings: Finding[] = polygonOverlaps(fps.geometries, tolerance).map((o) => ({
    rule: "overlap",
    severity: "error",
    message: `footprint polygons ${fps.ids[o.a]} and ${fps.ids[o.b]} overlap by ${formatPercent(o.share)} of the smaller one's area`,
    footprint: fps.ids[o.a],
    location: [round(o.location[0]), round(o.location[1])],
    file,
  }));
  return { plan, findings };
}

function round(x: number): number {
  return Math.round(x * 1e5) / 1e5;
}
