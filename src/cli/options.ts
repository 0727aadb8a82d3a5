import { existsSync } from "node:fs";
import { demoManifest } from "../app/dataset.js";
import { UsageError } from "../errors.js";
import { readManifest } from "../io/manifest.js";
import type { DatasetSpec } from "../options/datasetSpec.js";
import { defaults } from "../options/defaults.js";
import type { AnyRow } from "../options/row.js";
import { longFlag } from "../options/row.js";
import { optionTable } from "../options/table.js";

/** Rows that set the dataset spec: those with a manifest key, and flags that set several (--unit-column). */
const specRows: AnyRow[] = optionTable.filter((r) => r.manifest !== undefined || (r.sets?.length ?? 0) > 0);
const rowNamed = (name: string): AnyRow => optionTable.find((r) => r.name === name)!;

/** Settings of a file entry (its manifest keys other than the path), by entry: `boundaries` -> idField, ... */
function entrySettings(entry: string): string[] {
  return specRows.filter((r) => r.manifest?.startsWith(`${entry}.`) && r.manifest !== `${entry}.path`).map((r) => r.name);
}

/**
 * File entries whose manifest settings describe that file only: when a flag names another file,
 * they are dropped (and detected again) unless restated by flags. The plan's columns follow
 * `planColumnsFor` instead, since the plan is often given as an argument.
 */
const entriesCleared = ["boundaries", "providerSites", "providerNames"];

/**
 * Builds the dataset spec: the manifest (--dataset, or the embedded demo when no boundaries are
 * given either), then the flags on top. `--rule` settings are merged into the manifest's
 * severities rather than replacing them.
 */
export async function resolveDatasetSpec(o: { dataset?: string; boundaries?: string } & Record<string, unknown>): Promise<DatasetSpec> {
  let spec: DatasetSpec;
  if (o.dataset !== undefined) {
    spec = await readManifest(o.dataset);
  } else if (o.boundaries !== undefined) {
    spec = { boundaries: o.boundaries };
  } else {
    if (!existsSync(demoManifest)) throw new UsageError("no dataset given and the embedded demo dataset is missing; give --dataset FILE or a boundaries file");
    spec = await readManifest(demoManifest);
  }
  const s = spec as Record<string, unknown>;
  for (const entry of entriesCleared) {
    const file = o[entry];
    if (file !== undefined && file !== s[entry]) for (const name of entrySettings(entry)) delete s[name];
  }
  for (const row of specRows) {
    const v = o[row.name];
    if (v === undefined) continue;
    if (row.sets) for (const name of row.sets) s[name] = v;
    else if (row.name === "severity") s.severity = { ...spec.severity, ...(v as object) };
    else s[row.name] = v;
  }
  // Plan columns named on the command line apply to whichever plan is read.
  if (["unitColumn", ...entrySettings("plan")].some((name) => o[name] !== undefined)) spec.planColumnsFor = undefined;

  const min = spec.populationMin ?? defaults.populationMin;
  const max = spec.populationMax ?? defaults.populationMax;
  if (min > max) {
    if (o.populationMin !== undefined) throw new UsageError(`the minimum ${min} is above the maximum ${max}`, longFlag(rowNamed("populationMin")));
    throw new UsageError(`the maximum ${max} is below the minimum ${min}`, longFlag(rowNamed("populationMax")));
  }
  return spec;
}
