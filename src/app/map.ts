import { basename } from "node:path";
import { type DatasetSpec } from "../io/loadDataset.js";
import { datasetProviderSites } from "../io/readProviderSites.js";
import { assertPngBudget, minMapHeight } from "../map/pngBudget.js";
import { renderMap } from "../map/renderMap.js";
import type { CheckResult } from "../rules/checkPlan.js";
import { type RunCheckOptions, checkInputs, runCheck } from "./check.js";
import { type Outputs, prepareOutputs } from "./outputs.js";

export interface RunMapOptions extends RunCheckOptions {
  /** Output file: .svg, .png or .html (a symbolic link is written through to its target). */
  out: string;
  /** Provider locations CSV; default the manifest's `providerSites`. */
  providerSites?: string;
  width?: number;
  /** PNG pixels per SVG pixel. */
  scale?: number;
  title?: string;
}

/** What `map` reports once the file is written. */
export interface MapOutcome {
  file: string;
  result: CheckResult;
  /** Provider sites read, or null when none were given. */
  providerSites: number | null;
}

/**
 * Checks the output `map` writes (`out`) before any work: it must be none of the inputs (the
 * dataset's files, the plan, the provider sites) and its folder must be writable (see
 * prepareOutputs).
 * @throws UsageError naming --out
 */
export function mapOutputs(spec: DatasetSpec, o: RunMapOptions): Promise<Outputs> {
  return prepareOutputs(spec, [{ option: "--out", path: o.out }], [...checkInputs(o), { path: o.providerSites, what: "--provider-sites" }]);
}

/**
 * Checks a plan and draws it to `out` (SVG, PNG or a self-contained HTML report, by its
 * extension), written whole or not at all (what `map` runs). A PNG over the pixel budget is
 * refused before anything is read when even the smallest map of that width would be over.
 * @param outputs from mapOutputs, made before any work (the command line makes them first, to
 *   handle Ctrl-C); made here when not given
 * @example
 * await runMap(spec, { planFile: "plan.csv", splitTolerance: 0.01, out: "plan.html" });
 */
export async function runMap(spec: DatasetSpec, o: RunMapOptions, outputs?: Outputs): Promise<MapOutcome> {
  outputs ??= await mapOutputs(spec, o);
  const file = outputs.path("--out") ?? o.out;
  try {
    // The smallest map this width can make: a PNG over the budget even then is refused before reading.
    if (/\.png$/i.test(file)) assertPngBudget(o.width ?? 1000, minMapHeight, o.scale ?? 1.5, "--scale");
    const { result, dataset, plan } = await runCheck(spec, o);
    const providerSites = await datasetProviderSites(spec, o.providerSites);
    const name = dataset.name === spec.boundaries ? basename(spec.boundaries) : dataset.name;
    const title = o.title ?? `${spec.synthetic ? "[synthetic] " : ""}${name}`;
    outputs.write("--out", await renderMap(dataset, plan, result, file, { width: o.width, title, providerSites, pngScale: o.scale }));
    outputs.commit();
    return { file, result, providerSites: providerSites?.length ?? null };
  } finally {
    outputs.abandon();
  }
}
