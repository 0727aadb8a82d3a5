import { countPairs } from "./adjacency.js";
import { components } from "./components.js";
import type { DataIssue } from "./population.js";
import { totalPopulation } from "./population.js";
import type { Dataset } from "./types.js";

/** What `info` reports about a dataset. */
export interface DatasetSummary {
  name: string;
  synthetic: boolean;
  files: Record<string, string>;
  units: number;
  coordinates: "longitude/latitude" | "projected";
  population: { source: string; total: number; min: number; max: number; missing: number } | null;
  adjacency: {
    kind: "rook" | "queen";
    pairs: number;
    linkedPairs: number;
    /** Units with no neighbour at all (links included). */
    isolated: { id: string; name: string }[];
    /** Connected pieces of the whole graph (1 when every unit can reach every other). */
    components: number;
  };
  providers: { count: number; entries: number; totalActivity: number } | null;
  links: number;
  plan: { source: string; footprints: number; rows: number } | null;
  params: { populationMin: number; populationMax: number; threshold: number };
  notes: DataIssue[];
}

/**
 * Summarises a dataset: units, population, adjacency (pairs, isolated units), providers and plan.
 */
export function summarise(dataset: Dataset, populationSource: string | null, notes: DataIssue[] = [], synthetic = false): DatasetSummary {
  const { units, adjacency } = dataset;
  const n = units.ids.length;
  let population: DatasetSummary["population"] = null;
  if (populationSource !== null) {
    let min = Infinity, max = -Infinity, missing = 0;
    for (const v of dataset.population) {
      if (Number.isNaN(v)) {
        missing++;
        continue;
      }
      if (v < min) min = v;
      if (v > max) max = v;
    }
    population = { source: populationSource, total: totalPopulation(dataset.population), min, max, missing };
  }
  const isolated = adjacency.neighbors.flatMap((list, i) => (list.length === 0 ? [{ id: units.ids[i], name: units.names[i] }] : []));
  const all = Array.from({ length: n }, (_, i) => i);
  const p = dataset.providers;
  let totalActivity = 0;
  if (p) for (const t of p.total) totalActivity += t;
  return {
    name: dataset.name,
    synthetic,
    files: dataset.files,
    units: n,
    coordinates: units.geographic ? "longitude/latitude" : "projected",
    population,
    adjacency: {
      kind: adjacency.kind,
      pairs: countPairs(adjacency),
      linkedPairs: adjacency.linked.length,
      isolated,
      components: components(all, adjacency.neighbors).length,
    },
    providers: p ? { count: p.ids.length, entries: p.unit.length, totalActivity } : null,
    links: dataset.links.length,
    plan: dataset.plan
      ? { source: dataset.plan.source ?? "", footprints: new Set(dataset.plan.rows.map((r) => r.footprint)).size, rows: dataset.plan.rows.length }
      : null,
    params: { populationMin: dataset.params.populationMin, populationMax: dataset.params.populationMax, threshold: dataset.params.threshold },
    notes,
  };
}
