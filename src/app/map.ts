import { basename } from "node:path";
import { type DatasetSpec } from "../io/loadDataset.js";
import { datasetProviderSites } from "../io/readProviderSites.js";
import { writeMap } from "../map/writeMap.js";
import type { CheckResult } from "../rules/checkPlan.js";
import { type RunCheckOptions, runCheck } from "./check.js";

export interface RunMapOptions extends RunCheckOptions {
  /** Output file: .svg, .png or .html. */
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
 * Checks a plan and draws it to a file (SVG, PNG or a self-contained HTML report), written whole
 * or not at all (what `map` runs).
 * @example
 * await runMap(spec, { planFile: "plan.csv", splitTolerance: 0.01, out: "plan.html" });
 */
export async function runMap(spec: DatasetSpec, o: RunMapOptions): Promise<MapOutcome> {
  const { result, dataset, plan } = await runCheck(spec, o);
  const providerSites = await datasetProviderSites(spec, o.providerSites);
  const name = dataset.name === spec.boundaries ? basename(spec.boundaries) : dataset.name;
  const title = o.title ?? `${spec.synthetic ? "[synthetic] " : ""}${name}`;
  await writeMap(dataset, plan, result, o.out, { width: o.width, title, providerSites, pngScale: o.scale });
  return { file: o.out, result, providerSites: providerSites?.length ?? null };
}
