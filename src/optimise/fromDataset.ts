import type { Dataset } from "../model/types.js";
import type { Instance } from "./instance.js";

/**
 * Builds the optimiser's instance from a dataset: adjacency (links included) in CSR form,
 * populations (missing ones count as 0; callers check population first) and providers.
 */
export function instanceFromDataset(dataset: Dataset): Instance {
  const n = dataset.units.ids.length;
  const { neighbors } = dataset.adjacency;
  const adjOffsets = new Int32Array(n + 1);
  for (let u = 0; u < n; u++) adjOffsets[u + 1] = adjOffsets[u] + neighbors[u].length;
  const adj = new Int32Array(adjOffsets[n]);
  for (let u = 0; u < n; u++) adj.set(neighbors[u], adjOffsets[u]);
  const population = Float64Array.from(dataset.population, (p) => (Number.isNaN(p) ? 0 : p));
  const providers = dataset.providers ?? {
    ids: [],
    offsets: new Int32Array(1),
    unit: new Int32Array(0),
    value: new Float64Array(0),
    total: new Float64Array(0),
  };
  return {
    n,
    population,
    adjOffsets,
    adj,
    providers,
    min: dataset.params.populationMin,
    max: dataset.params.populationMax,
    threshold: dataset.params.threshold,
  };
}
