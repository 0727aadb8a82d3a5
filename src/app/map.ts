import { basename } from "node:path";
import { type DatasetSpec } from "../io/loadDataset.js";
import { datasetProviderSites } from "../io/readProviderSites.js";
import { assertPngBudget, minMapHeight } from "../map/pngBudget.js";
import { renderMap } from "../map/renderMap.js";
import type { CheckResult } from "../rules/checkPlan.js";
import { type RunCheckOptions, checkInputs, runCheck } from "./check.js";
import { footprintsGeoJson } from "./footprintsGeoJson.js";
import { type Outputs, prepareOutputs } from "./outputs.js";
import { type Invocation, provenance, provenanceLines } from "./provenance.js";

export interface RunMapOptions extends RunCheckOptions {
  /**
   * Output files: .svg, .png, .html, or .geojson (the footprints dissolved, valid polygons); a
   * symbolic link is written through to its target.
   */
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
 * Checks the outputs `map` writes (`out`) before any work: none may be an input (the dataset's
 * files, the plan, the provider sites) or another output, and their folders must be writable (see
 * prepareOutputs).
 * @throws UsageError naming --out
 */
export function mapOutputs(spec: DatasetSpec, o: RunMapOptions): Promise<Outputs> {
  const files = typeof o.out === "string" ? [o.out] : [...o.out];
  return prepareOutputs(
    spec,
    files.map((path) => ({ option: "--out", path })),
    [...checkInputs(o), { path: o.providerSites, what: "--provider-sites" }],
  );
}

/**
 * Checks a plan and draws it to each `out` file (SVG, PNG, a self-contained HTML report, or the
 * footprints as GeoJSON, by extension), all written whole or not at all (what `map` runs). A PNG
 * over the pixel budget is refused before anything is read when even the smallest map of that
 * width would be over.
 * @param outputs from mapOutputs, made before any work (the command line makes them first, to
 *   handle Ctrl-C); made here when not given
 * @example
 * await runMap(spec, { planFile: "plan.csv", splitTolerance: 0.01, out: "plan.html" });
 */
export async function runMap(spec: DatasetSpec, o: RunMapOptions, outputs?: Outputs): Promise<MapOutcome> {
  outputs ??= await mapOutputs(spec, o);
  const files = outputs.paths("--out");
  try {
    // The smallest map this width can make: a PNG over the budget even then is refused before reading.
    if (files.some((f) => /\.png$/i.test(f))) assertPngBudget(o.width ?? 1000, minMapHeight, o.scale ?? 1.5, "--scale");
    const { result, dataset, plan, planFile } = await runCheck(spec, o);
    const providerSites = await datasetProviderSites(spec, o.providerSites);
    const name = dataset.name === spec.boundaries ? basename(spec.boundaries) : dataset.name;
    const title = o.title ?? `${spec.synthetic ? "[synthetic] " : ""}${name}`;
    const extra = [{ role: "plan", file: planFile }, ...(o.lock === undefined ? [] : [{ role: "lock", file: o.lock }])];
    const prov = await provenance(spec, dataset, o.invocation, extra);
    for (const file of files) {
      const content = /\.geojson$/i.test(file)
        ? await footprintsGeoJson(dataset, plan, result, { decimals: o.decimals, provenance: prov })
        : await renderMap(dataset, plan, result, file, { width: o.width, title, providerSites, pngScale: o.scale, provenance: provenanceLines(prov), metadata: prov });
      outputs.write("--out", content, file);
    }
    outputs.commit();
    return { file: files[0], files, result, providerSites: providerSites?.length ?? null };
  } finally {
    outputs.abandon();
  }
}
