import { relative } from "node:path";
import { InputError, UsageError } from "../errors.js";
import { type DatasetSpec, loadDataset, requirePopulation } from "../io/loadDataset.js";
import { readLocks } from "../io/readLocks.js";
import { datasetProviderSites } from "../io/readProviderSites.js";
import { planToCsv } from "../io/writePlan.js";
import { renderMap } from "../map/renderMap.js";
import { dissolveFootprints } from "../model/dissolve.js";
import { resolvePlan } from "../model/plan.js";
import type { Dataset, Finding, Lock, Plan } from "../model/types.js";
import type { FrontierPoint } from "../optimise/frontier.js";
import type { OptimiseOptions, OptimiseResult, Progress } from "../optimise/instance.js";
import { instanceFromDataset } from "../optimise/instance.js";
import { relabelToStart } from "../optimise/relabel.js";
import { type CheckMetrics, type CheckResult, checkPlan } from "../rules/checkPlan.js";
import type { Outputs } from "./outputs.js";

export interface RunOptimiseOptions {
  /** Start plan file; null for no start (region growing); undefined for the dataset's plan. */
  start: string | null | undefined;
  footprints?: { min: number; max: number };
  lock?: string;
  maxMoves?: number;
  timeMs?: number;
  iterations?: number;
  seed: number;
  threads: number;
  replicas?: number;
  frontier: boolean;
  onProgress?: (p: Progress) => void;
  /** A shared flag: the search stops (keeping its best plan) once element 0 is non-zero. */
  stop?: Int32Array;
}

/** A row of the start-versus-result comparison. */
export interface PlanFigures {
  footprints: number;
  population: CheckMetrics["population"];
  crossFootprintProviders: number;
  providerFootprintPairs: number;
  errors: number;
  warnings: number;
}

export interface OptimiseSummary {
  dataset: string;
  synthetic: boolean;
  start: (PlanFigures & { source: string }) | null;
  result: PlanFigures;
  unitsMoved: number;
  moves: { unit: string; name: string; from: string; to: string }[];
  search: {
    seed: number;
    threads: number;
    replicas: number;
    iterations: number;
    evaluatedMoves: number;
    movesPerSecondPerThread: number;
    seconds: number;
    stopped: boolean;
    feasible: boolean;
    problems: string[];
  };
  /** Per moves limit (null: unlimited), the best count found and its units moved (null: no valid plan). */
  frontier: { maxMoves: number | null; crossFootprintProviders: number | null; unitsMoved: number | null }[] | null;
  findings: Finding[];
}

export interface OptimiseOutcome {
  summary: OptimiseSummary;
  plan: Plan;
  dataset: Dataset;
  check: CheckResult;
  /** Files the outputs must not overwrite. */
  inputs: string[];
}

function figures(r: CheckResult): PlanFigures {
  const errors = r.findings.filter((f) => f.severity === "error").length;
  return {
    footprints: r.metrics.footprints,
    population: r.metrics.population,
    crossFootprintProviders: r.metrics.crossFootprintProviders,
    providerFootprintPairs: r.metrics.providerFootprintPairs,
    errors,
    warnings: r.findings.length - errors,
  };
}

/**
 * Loads a dataset and a start plan, runs the optimiser, and checks start and result with the
 * same rules as `check`, so every figure reported is one `check` would print.
 */
export async function runOptimise(spec: DatasetSpec, o: RunOptimiseOptions): Promise<OptimiseOutcome> {
  const startFile = o.start === null ? undefined : (o.start ?? spec.plan);
  const loaded = await loadDataset({ ...spec, plan: startFile });
  requirePopulation(loaded);
  const { dataset } = loaded;
  const units = dataset.units;
  if (o.footprints && o.footprints.min > units.ids.length) {
    const asked = o.footprints.min === o.footprints.max ? `${o.footprints.min}` : `at least ${o.footprints.min}`;
    throw new UsageError(`asks for ${asked} footprints, but the dataset has only ${units.ids.length} units`, "--footprints");
  }
  const inst = instanceFromDataset(dataset);

  let startPlan: Plan | null = dataset.plan;
  let startCheck: CheckResult | null = null;
  let footprintIds: string[] = [];
  let startIds: string[] = [];
  let names = new Map<string, string>();
  const opts: OptimiseOptions = {
    seed: o.seed,
    threads: o.threads,
    replicas: o.replicas,
    iterations: o.iterations,
    timeMs: o.iterations === undefined ? o.timeMs : undefined,
    footprints: o.footprints,
    maxMoves: o.maxMoves,
    stop: o.stop,
  };
  if (startPlan) {
    startCheck = checkPlan(dataset, startPlan);
    const resolved = resolvePlan(startPlan, units);
    footprintIds = [...resolved.footprints];
    startIds = resolved.footprints;
    names = startPlan.names;
    opts.start = resolved.assignment;
  } else if (o.maxMoves !== undefined || o.lock !== undefined) {
    throw new UsageError("needs a start plan (--start FILE) to count moves or lock units", o.lock !== undefined ? "--lock" : "--max-moves");
  }
  let locks: Lock[] | undefined;
  if (o.lock !== undefined) {
    locks = await readLocks(o.lock, loaded.boundaryFile.idField);
    const lock = new Int32Array(units.ids.length).fill(-1);
    for (const row of locks) {
      const u = units.index.get(row.unit);
      if (u === undefined) throw new InputError(o.lock, `"${row.unit}" is not a unit of the boundaries`, { line: row.line });
      const f = footprintIds.indexOf(row.footprint);
      if (f < 0) throw new InputError(o.lock, `"${row.footprint}" is not a footprint of the start plan`, { line: row.line });
      lock[u] = f;
    }
    opts.lock = lock;
  }

  // Always on worker threads, even for one: the main thread stays free to take Ctrl-C.
  const { optimiseParallel } = await import("../optimise/parallel.js");
  const run = (i: typeof inst, x: OptimiseOptions): Promise<OptimiseResult> => optimiseParallel(i, x, o.onProgress);

  let frontierPoints: FrontierPoint[] | null = null;
  let result: OptimiseResult;
  if (o.frontier) {
    if (!opts.start) throw new UsageError("needs a start plan to measure moves from", "--frontier");
    const { frontier } = await import("../optimise/frontier.js");
    frontierPoints = await frontier(inst, opts, undefined, run);
    result = frontierPoints[frontierPoints.length - 1].result;
  } else {
    result = await run(inst, opts);
  }

  const relabelled = opts.start ? relabelToStart(result.assignment, opts.start, opts.lock ?? null) : null;
  const assignment = relabelled ? relabelled.assign : result.assignment;
  // A footprint that shares no unit with the start footprint of its number is new (a relocation
  // moved it elsewhere): it gets a new id rather than a name that describes another place.
  if (relabelled) {
    let next = 1;
    relabelled.matched.forEach((m, f) => {
      if (m || f >= footprintIds.length) return;
      let id = `NEW${String(next++).padStart(2, "0")}`;
      while (footprintIds.includes(id)) id = `NEW${String(next++).padStart(2, "0")}`;
      footprintIds[f] = id;
    });
  }
  // Footprint ids: the start's where the index exists, new ones numbered after them.
  const plan: Plan = { rows: [], names: new Map(), source: "optimised" };
  const idOf = (f: number): string => {
    while (footprintIds.length <= f) {
      let k = footprintIds.length + 1;
      let id = `F${String(k).padStart(2, "0")}`;
      while (footprintIds.includes(id)) id = `F${String(++k).padStart(2, "0")}`;
      footprintIds.push(id);
    }
    return footprintIds[f];
  };
  assignment.forEach((f, u) => {
    const id = idOf(f);
    plan.rows.push({ unit: units.ids[u], footprint: id, share: 1 });
    if (!plan.names.has(id)) plan.names.set(id, names.get(id) ?? "");
  });
  // The result is checked with its locks: a lock the written plan breaks is an error finding.
  const check = checkPlan(dataset, plan, { locks, lockFile: o.lock === undefined ? undefined : relative(process.cwd(), o.lock) || o.lock });

  const startAssign = opts.start;
  const moves: OptimiseSummary["moves"] = [];
  if (startAssign) {
    assignment.forEach((f, u) => {
      if (startAssign[u] !== f) moves.push({ unit: units.ids[u], name: units.names[u], from: startAssign[u] >= 0 ? startIds[startAssign[u]] : "", to: idOf(f) });
    });
  }
  const summary: OptimiseSummary = {
    dataset: dataset.name === spec.boundaries ? relative(process.cwd(), spec.boundaries) : dataset.name,
    synthetic: spec.synthetic ?? false,
    start: startCheck && startFile ? { source: relative(process.cwd(), startFile) || startFile, ...figures(startCheck) } : null,
    result: figures(check),
    unitsMoved: moves.length,
    moves,
    search: {
      seed: o.seed,
      threads: o.threads,
      replicas: o.replicas ?? o.threads,
      iterations: result.iterations,
      evaluatedMoves: result.evaluated,
      movesPerSecondPerThread: Math.round(result.movesPerSecond),
      seconds: Math.round(result.elapsedMs) / 1000,
      stopped: Boolean(o.stop && o.stop[0]),
      feasible: result.feasible,
      problems: result.problems,
    },
    frontier: frontierPoints
      ? frontierPoints.map((p) => ({ maxMoves: Number.isFinite(p.maxMoves) ? p.maxMoves : null, crossFootprintProviders: p.cross, unitsMoved: p.cross === null ? null : p.moved }))
      : null,
    findings: check.findings,
  };
  const inputs = Object.values(dataset.files);
  if (o.lock) inputs.push(o.lock);
  return { summary, plan, dataset, check, inputs };
}

/**
 * Writes an optimiser result to the outputs asked for: `--out` the plan as CSV (unit, footprint,
 * footprint_name), `--geojson` the footprints as dissolved polygons, `--map` a map (.svg, .png,
 * .html). All are prepared first and renamed into place together, so each is written whole or
 * not at all (see app/outputs.ts).
 * @param outputs from prepareOutputs, made before the search so that a bad output path stops it early
 */
export async function writeOptimiseOutputs(outcome: OptimiseOutcome, spec: DatasetSpec, outputs: Outputs): Promise<string[]> {
  try {
    if (outputs.has("--out")) outputs.write("--out", planToCsv(outcome.plan));
    if (outputs.has("--geojson")) {
      const units = outcome.dataset.units;
      const resolved = resolvePlan(outcome.plan, units);
      const byId = new Map(outcome.check.footprints.map((f) => [f.id, f]));
      const fc = dissolveFootprints(units.geometries, resolved.assignment, resolved.footprints, units.geographic, (f) => {
        const s = byId.get(resolved.footprints[f])!;
        return { footprint: s.id, name: s.name, population: s.population, units: s.units.length };
      });
      outputs.write("--geojson", JSON.stringify(fc) + "\n");
    }
    const map = outputs.path("--map");
    if (map !== undefined) {
      const providerSites = await datasetProviderSites(spec);
      outputs.write("--map", await renderMap(outcome.dataset, outcome.plan, outcome.check, map, { providerSites, title: `${outcome.summary.dataset}: optimised plan`, sizeOption: "--map" }));
    }
    return outputs.commit();
  } finally {
    outputs.abandon();
  }
}
