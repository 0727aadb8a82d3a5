import { type DatasetSpec, loadDataset } from "../io/loadDataset.js";
import { type DatasetSummary, summarise } from "../model/summary.js";

/**
 * Loads a dataset and summarises it: units, population, adjacency, isolated units, providers and
 * plan (what `info` prints). Data problems the planning commands only note come back as notes.
 * @example
 * const summary = await runInfo({ boundaries: "ccg16.geojson", population: "pop.csv" });
 * summary.adjacency.isolated; // units with no neighbour: candidates for a link
 */
export async function runInfo(spec: DatasetSpec): Promise<DatasetSummary> {
  const loaded = await loadDataset(spec);
  return summarise(
    loaded.dataset,
    loaded.populationSource,
    loaded.issues.filter((i) => i.severity === "warning" || i.rule === "population-missing"),
    spec.synthetic ?? false,
  );
}
