import { basename } from "node:path";
import { type DatasetSpec } from "../io/loadDataset.js";
import { datasetProviderSites } from "../io/readProviderSites.js";
import { assertPngBudget, minMapHeight } from "../map/pngBudget.js";
import { renderMap } from "../map/renderMap.js";
import type { CheckResult } from "../rules/checkPlan.js";
import { type RunCheckOptions, runCheck } from "./check.js";
import type { Outputs } from "./outputs.js";

export interface RunMapOptions extends RunCheckOptions {
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
 * Checks a plan and draws it to the `--out` output (SVG, PNG or a self-contained HTML report, by
 * its extension), written whole or not at all (what `map` runs).
 * @param outputs from prepareOutputs, with an `--out` output
 * @example
 * const outputs = await prepareOutputs(spec, [{ option: "--out", path: "plan.html" }], [{ path: "plan.csv", what: "the plan" }]);
 * await runMap(spec, { planFile: "plan.csv", splitTolerance: 0.01 }, outputs);
 */
export async function runMap(spec: DatasetSpec, o: RunMapOptions, outputs: Outputs): Promise<MapOutcome> {
  const file = outputs.path("--out");
  if (file === undefined) throw new Error("runMap needs an --out output");
  // The smallest map this width can make: a PNG over the budget even then is refused before reading.
  if (/\.png$/i.test(file)) assertPngBudget(o.width ?? 1000, minMapHeight, o.scale ?? 1.5, "--scale");
  try {
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
