import { UsageError } from "../errors.js";
import type { Dataset, Providers } from "../model/types.js";
import type { AcceptanceFactory } from "./accept.js";
import type { ArchivedPlan } from "./archive.js";
import type { ObjectiveOptions } from "./energy/build.js";
import type { GroupEntries } from "./energy/shares.js";

/**
 * The optimiser's input: units as integer indexes with populations, a symmetric CSR adjacency
 * (links such as ferries already included) and providers in CSR form.
 */
export interface Instance {
  /** Units are 0..n-1. */
  n: number;
  /** Population per unit. */
  population: Float64Array;
  /** Neighbours of unit u are adj[adjOffsets[u] .. adjOffsets[u+1]); symmetric, no self-loops. */
  adjOffsets: Int32Array;
  adj: Int32Array;
  providers: Providers;
  /** Footprint population bounds, inclusive (300,000 and 2,800,000 for England). */
  min: number;
  max: number;
  /** A provider is cross-footprint with at least this share of its total in each of two footprints. */
  threshold: number;
  /** Areas of a second geography (local authorities) over the units, for the split-area term. */
  areas?: GroupEntries | null;
  /** An area is split when a second footprint holds more than this share of it (check's --split-tolerance). */
  splitTolerance: number;
}

/** Options of `search`, `optimise` and `optimiseParallel`. */
export interface OptimiseOptions {
  /** Footprint index (0..k-1) per unit. May break the rules: it is repaired first. */
  start?: Int32Array;
  /** Allowed number of footprints; default the start's count, or free within the population bounds. */
  footprints?: { min: number; max: number };
  /** -1, or the footprint the unit must stay in (needs `start`). */
  lock?: Int32Array;
  /** At most this many units assigned differently from `start`. */
  maxMoves?: number;
  /**
   * Count units moved as the result's names will (a footprint that stops continuing its start
   * counts whole); default: when a moves limit, a moved weight or the archive makes them matter.
   */
  movedByIdentity?: boolean;
  /** Per unit, how many units it stands for in units moved (a contracted group); default 1. */
  unitWeight?: Int32Array;
  /**
   * Population bounds of particular footprints: one named by a start footprint number, or by a unit
   * (the footprint containing it: that unit then stays in its start footprint).
   */
  exceptions?: { footprint?: number; unit?: number; min?: number; max?: number }[];
  /** Seed of the run; default 1. */
  seed?: number;
  /** Proposals per replica. With a seed, the result is identical on every run. */
  iterations?: number;
  /** Wall-clock budget per replica in milliseconds (used when `iterations` is absent; default 10,000). */
  timeMs?: number;
  /** Worker threads for `optimiseParallel`; default os.availableParallelism(). */
  threads?: number;
  /** Independent replicas for `optimiseParallel`; default `threads`. The result depends on
   * replicas and seed, not on threads. */
  replicas?: number;
  /** Proposals between two progress reports; default 262,144. */
  progressEvery?: number;
  /** What to minimise: term weights, caps and tie-breaker tuning (default: cross-footprint providers). */
  objective?: ObjectiveOptions;
  /** The acceptance rule of the chains (default `annealing`, Metropolis). */
  acceptance?: AcceptanceFactory;
  /** Keep the best plan per (split areas, units moved) up to these counts (for the frontier). */
  archive?: { maxSplit: number; maxMoved: number };
  /** Parallel-tempering temperatures: hottest t0, coldest t1, and how many replicas between. */
  schedule?: { t0?: number; t1?: number; temperatures?: number };
  /** Pair re-splits: one every `every` proposals (0: never), over at most `maxUnits` movable units,
   * a share `targeted` of them on the footprints of a cross-footprint provider. */
  resplit?: { every?: number; maxUnits?: number; targeted?: number };
  /** Footprint relocations (merge a pair, split another): one every `every` proposals (0: never). */
  mergeSplit?: { every?: number; maxUnits?: number };
  /**
   * A stop flag, usually on a SharedArrayBuffer so that worker threads see it: once stop[0] is
   * non-zero the search ends at its next batch and returns the best plan found so far (Ctrl-C).
   */
  stop?: Int32Array;
}

/** The lexicographic objective: fewer cross-footprint providers, then lower tie, then fewer moved. */
export interface Objective {
  /** Providers with at least `threshold` of their total in each of two or more footprints. */
  cross: number;
  /**
   * The excess: over providers, the share of the provider's total above the threshold in footprints
   * other than its largest, i.e. sum over f of max(0, share - threshold) minus that of the largest
   * footprint. It is 0 for a provider that is not cross-footprint and grows continuously as a second
   * footprint's share rises past the threshold, so it measures how far cross providers are from
   * being whole: a gradient on plateaus of the count.
   */
  tie: number;
  /** Units assigned differently from the start (0 without a start). */
  moved: number;
  /** Split areas, when the search measures them. */
  split?: number;
}

/** Progress of a running search, reported every `progressEvery` proposals. */
export interface Progress {
  phase: "repair" | "search";
  iteration: number;
  elapsedMs: number;
  current: Objective;
  best: Objective;
  temperature: number;
  replica?: number;
}

/** The outcome of a search. */
export interface OptimiseResult {
  /** Footprint index per unit, using the start's footprint numbers when there is a start. */
  assignment: Int32Array;
  /** Footprints in the result. */
  footprintCount: number;
  objective: Objective;
  /** Objective of the start as given (before repair), or null without a start. */
  startObjective: Objective | null;
  /** Units assigned differently from the start. */
  moved: number;
  /** True when the result meets every hard rule (bounds, contiguity, locks, maxMoves). */
  feasible: boolean;
  /** Why the result is infeasible, when it is. */
  problems: string[];
  /** Proposals made (all replicas). */
  iterations: number;
  /** Moves whose objective was computed (all replicas): single-unit proposals that passed the
   * O(1) checks, plus each candidate split tried by pair re-splits and relocations. */
  evaluated: number;
  elapsedMs: number;
  /** Evaluated moves per second per replica. */
  movesPerSecond: number;
  seed: number;
  /** Index of the replica whose plan this is. */
  replica: number;
  /** With `archive`: the non-dominated plans seen (all replicas', merged, in `optimiseParallel`). */
  archive?: ArchivedPlan[];
}

/** Lexicographic comparison of objectives (negative when a is better). */
export function compareObjectives(a: Objective, b: Objective): number {
  if (a.cross !== b.cross) return a.cross - b.cross;
  if (Math.abs(a.tie - b.tie) > 1e-9) return a.tie - b.tie;
  return a.moved - b.moved;
}

/**
 * Throws when an instance is inconsistent (array lengths, asymmetric or out-of-range adjacency):
 * these are bugs of whoever built it, not user errors.
 */
export function checkInstance(inst: Instance): void {
  const { n, adjOffsets, adj, population, providers } = inst;
  if (population.length !== n) throw new Error("instance: population length differs from n");
  if (adjOffsets.length !== n + 1 || adjOffsets[n] !== adj.length) throw new Error("instance: bad adjacency offsets");
  for (let u = 0; u < n; u++)
    for (let e = adjOffsets[u]; e < adjOffsets[u + 1]; e++) {
      const v = adj[e];
      if (v < 0 || v >= n || v === u) throw new Error(`instance: bad neighbour ${v} of unit ${u}`);
      let back = false;
      for (let f = adjOffsets[v]; f < adjOffsets[v + 1]; f++) if (adj[f] === u) back = true;
      if (!back) throw new Error(`instance: adjacency ${u}-${v} is not symmetric`);
    }
  const P = providers.total.length;
  if (providers.offsets.length !== P + 1) throw new Error("instance: bad provider offsets");
  for (let k = 0; k < providers.unit.length; k++)
    if (providers.unit[k] < 0 || providers.unit[k] >= n) throw new Error("instance: provider entry with a bad unit");
}

/**
 * The optimiser instance of a dataset: its adjacency (links included) as CSR, populations,
 * providers and rule parameters.
 * @throws UsageError when the dataset has no providers (nothing to optimise)
 * @example
 * const inst = instanceFromDataset(dataset);
 */
export function instanceFromDataset(dataset: Dataset, splitTolerance = 0.01): Instance {
  if (!dataset.providers) throw new UsageError("optimising needs provider data (--providers)", "providers");
  const nb = dataset.adjacency.neighbors;
  const n = dataset.units.ids.length;
  const missing = dataset.units.ids.filter((_, u) => !Number.isFinite(dataset.population[u]));
  if (missing.length)
    throw new UsageError(`${missing.length} unit(s) have no population (${missing.slice(0, 3).join(", ")}${missing.length > 3 ? ", ..." : ""})`, "population");
  const adjOffsets = new Int32Array(n + 1);
  for (let u = 0; u < n; u++) adjOffsets[u + 1] = adjOffsets[u] + (nb[u]?.length ?? 0);
  const adj = new Int32Array(adjOffsets[n]);
  for (let u = 0; u < n; u++) if (nb[u]) adj.set(nb[u], adjOffsets[u]);
  const p = dataset.params;
  return {
    n,
    population: dataset.population,
    adjOffsets,
    adj,
    providers: dataset.providers,
    min: p.populationMin,
    max: p.populationMax,
    threshold: p.threshold,
    areas: dataset.areas ? areaEntries(dataset) : null,
    splitTolerance,
  };
}

/**
 * The dataset's areas (a second geography over the units) as group entries: per area, its units
 * and weights, with the area's total over every row (rows naming units outside the boundaries
 * included, as the split-area rule counts them).
 */
export function areaEntries(dataset: Dataset): GroupEntries & { ids: string[] } {
  const index = new Map<string, number>();
  const ids: string[] = [];
  const rows: [number, number, number][] = [];
  const totals: number[] = [];
  for (const o of dataset.areas ?? []) {
    let a = index.get(o.area);
    if (a === undefined) {
      a = ids.length;
      index.set(o.area, a);
      ids.push(o.area);
      totals.push(0);
    }
    totals[a] += o.weight;
    const u = dataset.units.index.get(o.unit);
    if (u !== undefined) rows.push([a, u, o.weight]);
  }
  rows.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  // One entry per (area, unit): a unit listed twice for an area counts its weights together.
  const offsets = new Int32Array(ids.length + 1);
  const unit: number[] = [];
  const value: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    const [a, u, w] = rows[i];
    if (i > 0 && rows[i - 1][0] === a && rows[i - 1][1] === u) value[value.length - 1] += w;
    else {
      unit.push(u);
      value.push(w);
      offsets[a + 1]++;
    }
  }
  for (let a = 0; a < ids.length; a++) offsets[a + 1] += offsets[a];
  return { ids, offsets, unit: Int32Array.from(unit), value: Float64Array.from(value), total: Float64Array.from(totals) };
}
