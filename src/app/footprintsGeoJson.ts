import type { Feature, MultiPolygon } from "geojson";
import { dissolveFootprints } from "../model/dissolve.js";
import { resolvePlan } from "../model/plan.js";
import type { Dataset, Plan } from "../model/types.js";
import type { CheckResult } from "../rules/checkPlan.js";
import { prepareOutputs } from "./outputs.js";

export interface FootprintsGeoJsonOptions {
  /** Decimal places of the coordinates (default 6, about 0.1 m in degrees). */
  decimals?: number;
  /** Written as a top-level "provenance" member (RFC 7946 allows foreign members). */
  provenance?: unknown;
}

/**
 * A plan's footprints as GeoJSON text: one valid MultiPolygon feature per footprint (see
 * dissolveFootprints), with the footprint id as the feature id and its name, population and unit
 * count as properties, one feature per line. `check` reads the file back as a polygon plan.
 *
 * @example
 * outputs.write("--geojson", await footprintsGeoJson(dataset, plan, checkPlan(dataset, plan)));
 */
export async function footprintsGeoJson(dataset: Dataset, plan: Plan, check: CheckResult, opts: FootprintsGeoJsonOptions = {}): Promise<string> {
  const units = dataset.units;
  const resolved = resolvePlan(plan, units);
  const byId = new Map(check.footprints.map((f) => [f.id, f]));
  const fc = await dissolveFootprints(units.geometries, resolved.assignment, resolved.footprints, {
    geographic: units.geographic,
    decimals: opts.decimals,
    properties: (f) => {
      const s = byId.get(resolved.footprints[f]);
      return { footprint: resolved.footprints[f], name: s?.name ?? resolved.names[f], population: s?.population ?? 0, units: s?.units.length ?? 0 };
    },
  });
  const features = fc.features.map((f): Feature<MultiPolygon> => ({ type: "Feature", id: String(f.properties!.footprint), properties: f.properties, geometry: f.geometry }));
  const head = opts.provenance === undefined ? "" : `"provenance":${JSON.stringify(opts.provenance)},\n`;
  return `{"type":"FeatureCollection",\n${head}"features":[\n${features.map((f) => JSON.stringify(f)).join(",\n")}\n]}\n`;
}

/**
 * Writes footprintsGeoJson to a file, whole or not at all, never over one of the dataset's files
 * (see prepareOutputs).
 * @throws UsageError when the file is one of the dataset's, or cannot be written
 */
export async function writeFootprintsGeoJson(file: string, dataset: Dataset, plan: Plan, check: CheckResult, opts: FootprintsGeoJsonOptions = {}): Promise<void> {
  const inputs = Object.entries(dataset.files).map(([role, path]) => ({ path, what: `the ${role}` }));
  const outputs = await prepareOutputs(null, [{ option: "--geojson", path: file }], inputs);
  try {
    outputs.write("--geojson", await footprintsGeoJson(dataset, plan, check, opts));
    outputs.commit();
  } finally {
    outputs.abandon();
  }
}
