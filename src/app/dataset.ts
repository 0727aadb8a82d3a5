import { fileURLToPath } from "node:url";
import type { DatasetSpec } from "../io/loadDataset.js";
import { readManifest } from "../io/manifest.js";

/**
 * The manifest of the embedded synthetic demo dataset (`data/demo/stp-footprint.json` in the
 * package): what every command uses when given no dataset.
 */
export const demoManifest = fileURLToPath(new URL("../../data/demo/stp-footprint.json", import.meta.url));

/**
 * Reads a dataset manifest (`stp-footprint.json`) into the dataset spec every operation takes:
 * its files (resolved against the manifest's folder), their fields and the rule parameters.
 * Throws an InputError naming the file and key when the manifest is malformed.
 *
 * @param manifestFile path of the manifest
 * @example
 * const spec = await readDatasetSpec("england/stp-footprint.json");
 * const { result } = await runCheck({ ...spec, populationMax: 3_000_000 });
 */
export async function readDatasetSpec(manifestFile: string): Promise<DatasetSpec> {
  // The spec names its manifest (readManifest records it): reports list it with its hash, and no
  // output may overwrite it.
  return readManifest(manifestFile);
}
