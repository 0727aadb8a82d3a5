import { InputError } from "../errors.js";
import { buildDataset } from "../model/buildDataset.js";
import type { DataIssue } from "../model/population.js";
import type { Dataset } from "../model/types.js";
import type { DatasetSpec } from "../options/datasetSpec.js";
import { defaults } from "../options/defaults.js";
import type { BoundaryFile } from "./readBoundaries.js";
import { readDatasetTables } from "./readDatasetTables.js";

export type { DatasetSpec } from "../options/datasetSpec.js";
export { planColumns } from "./readDatasetTables.js";

export interface LoadOptions {
  /** Collect data problems as issues instead of throwing the first error (for `validate`). */
  lenient?: boolean;
  /** Skip building the adjacency graph (it is the slowest part for large files). */
  skipAdjacency?: boolean;
  /** Skip reading the plan named by the spec. */
  skipPlan?: boolean;
}

export interface LoadedDataset {
  dataset: Dataset;
  /** The boundary file as read, with raw features (for `validate`). */
  boundaryFile: BoundaryFile;
  /** Data problems found while joining tables (warnings; errors too when lenient). */
  issues: DataIssue[];
  /** Where the population came from, or null when the dataset has none. */
  populationSource: string | null;
}

/**
 * Loads a dataset in two steps that run one way: every file the spec names is read into plain
 * tables (readDatasetTables, in io/), then the model is built from them in one pass (buildDataset,
 * in model/). Parameters the spec leaves out take the option table's defaults. Unless `lenient`,
 * the first error-severity data issue is thrown as an InputError.
 *
 * @example
 * const { dataset } = await loadDataset({ boundaries: "units.geojson", population: "pop.csv" });
 */
export async function loadDataset(spec: DatasetSpec, opts: LoadOptions = {}): Promise<LoadedDataset> {
  const params = {
    populationMin: spec.populationMin ?? defaults.populationMin,
    populationMax: spec.populationMax ?? defaults.populationMax,
    threshold: spec.threshold ?? defaults.threshold,
    severity: spec.severity ?? defaults.severity,
  };
  if (params.populationMin > params.populationMax) {
    throw new InputError(undefined, `population minimum ${params.populationMin} is above the maximum ${params.populationMax}`);
  }
  const { tables, boundaryFile, files } = await readDatasetTables(spec, { skipPlan: opts.skipPlan });
  const { dataset, issues } = buildDataset(tables, {
    name: spec.name ?? spec.boundaries,
    params,
    adjacency: { kind: spec.adjacency ?? defaults.adjacency, tolerance: spec.snapTolerance ?? defaults.snapTolerance },
    skipAdjacency: opts.skipAdjacency,
    files,
  });
  if (!opts.lenient) {
    const first = issues.find((i) => i.severity === "error" && i.rule !== "population-missing");
    if (first) throw new InputError(first.file, first.message, { line: first.line });
  }
  return { dataset, boundaryFile, issues, populationSource: tables.population?.source ?? null };
}

/** Throws when the dataset has no usable population (commands that need one call this). */
export function requirePopulation(loaded: LoadedDataset): void {
  if (loaded.populationSource === null) {
    throw new InputError(loaded.dataset.files.boundaries, "has no population field; give --population FILE or --population-field NAME");
  }
  const missing = loaded.issues.find((i) => i.rule === "population-missing");
  if (missing) throw new InputError(missing.file, missing.message);
}
