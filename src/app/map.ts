import { basename } from "node:path";
import { type DatasetSpec } from "../io/loadDataset.js";
import { datasetProviderSites } from "../io/readProviderSites.js";
import { writeMap } from "../map/writeMap.js";
import { writeFootprintsGeoJson } from "./footprintsGeoJson.js";
import { type Invocation, provenance, provenanceLines } from "./provenance.js";
import type { CheckResult } from "../rules/checkPlan.js";
import { type RunCheckOptions, runCheck } from "./check.js";

export interface RunMapOptions extends RunCheckOptions {
  /** Output files: .svg, .png, .html, or .geojson (the footprints dissolved, valid polygons). */
  out: string | readonly string[];
  /** Decimal places of GeoJSON coordinates (default 6). */
  decimals?: number;
  /** The command line, for the provenance written on the map. */
  invocation?: Invocation;
  /** Provider locations CSV; default the manifest's `providerSites`. */
  providerSites?: string;
  width?: number;
  /** PNG pixels per SVG pixel. */
  scale?: number;
  title?: string;
}

/** What `map` reports once the file is written. */
export interface MapOutcome {
  /** The first file written (the only one, usually). */
  file: string;
  /** Every file written. */
  files: string[];
  result: CheckResult;
  /** Provider sites read, or null when none were given. */
  providerSites: number | null;
}

/**
 * Checks a plan and draws it to a file (SVG, PNG or a self-contained HTML report), written whole
 * or not at all (what `map` runs).
 * @example
 * await runMap(spec, { planFile: "plan.csv", splitTolerance: 0.01, out: "plan.html" });
 */
export async function runMap(spec: DatasetSpec, o: RunMapOptions): Promise<MapOutcome> {
  const { result, dataset, plan, planFile } = await runCheck(spec, o);
  const providerSites = await datasetProviderSites(spec, o.providerSites);
  const name = dataset.name === spec.boundaries ? basename(spec.boundaries) : dataset.name;
  const title = o.title ?? `${spec.synthetic ? "[synthetic] " : ""}${name}`;
  const files = typeof o.out === "string" ? [o.out] : [...o.out];
  const extra = [{ role: "plan", file: planFile }, ...(o.lock === undefined ? [] : [{ role: "lock", file: o.lock }])];
  const prov = await provenance(spec, dataset, o.invocation, extra);
  for (const file of files) {
    if (/\.geojson$/i.test(file)) await writeFootprintsGeoJson(file, dataset, plan, result, { decimals: o.decimals, provenance: prov });
    else await writeMap(dataset, plan, result, file, { width: o.width, title, providerSites, pngScale: o.scale, provenance: provenanceLines(prov), metadata: prov });
  }
  return { file: files[0], files, result, providerSites: providerSites?.length ?? null };
}
