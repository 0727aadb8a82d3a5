import { buildAdjacency } from "../../src/model/adjacency.js";
import type { Dataset, Plan } from "../../src/model/types.js";
import { buildProviders } from "../../src/model/providers.js";
import { gridCollection } from "./geometry.js";

/**
 * A dataset of rows x cols square units (ids "r{row}c{col}", 1 km, projected metres), with the
 * given populations (row-major from the bottom left) and optional provider rows.
 */
export function gridDataset(
  rows: number,
  cols: number,
  population: number[],
  opts: { providers?: { provider: string; unit: string; value: number }[]; links?: [string, string][]; min?: number; max?: number; threshold?: number } = {},
): Dataset {
  const fc = gridCollection(rows, cols);
  const ids = fc.features.map((f) => String(f.properties!.code));
  const units = { ids, names: ids.map(() => ""), index: new Map(ids.map((id, i) => [id, i])), geometries: fc.features.map((f) => f.geometry), geographic: false };
  const linkPairs = (opts.links ?? []).map(([a, b]) => [units.index.get(a)!, units.index.get(b)!] as [number, number]);
  return {
    name: "grid",
    units,
    population: Float64Array.from(population),
    providers: opts.providers ? buildProviders(units, opts.providers).providers : null,
    links: (opts.links ?? []).map(([a, b]) => ({ a, b })),
    areas: null,
    adjacency: buildAdjacency(units.geometries, { geographic: false }, linkPairs),
    params: { populationMin: opts.min ?? 100, populationMax: opts.max ?? 1000, threshold: opts.threshold ?? 0.05, severity: {} },
    plan: null,
    files: { boundaries: "grid" },
  };
}

/** A plan from "unit:footprint" pairs. */
export function planOf(pairs: string): Plan {
  const rows = pairs
    .trim()
    .split(/\s+/)
    .map((p, i) => {
      const [unit, footprint] = p.split(":");
      return { unit, footprint, line: i + 2, share: 1 };
    });
  return { rows, names: new Map(), source: "plan.csv" };
}
