import { relative } from "node:path";
import { UsageError } from "../errors.js";
import { type DatasetSpec, loadDataset, requirePopulation } from "../io/loadDataset.js";
import { datasetProviderSites } from "../io/readProviderSites.js";
import { toCsv } from "../io/writeCsv.js";
import { planToCsv } from "../io/writePlan.js";
import { renderMap } from "../map/renderMap.js";
import { formatInt } from "../model/format.js";
import type { Dataset, Finding, Plan } from "../model/types.js";
import { OBJECTIVE_DEFAULTS, type ObjectiveOptions, usesSplit } from "../optimise/energy/build.js";
import type { TermName } from "../optimise/energy/term.js";
import type { OptimiseOptions, OptimiseResult, Progress } from "../optimise/instance.js";
import { type CheckMetrics, type CheckResult, type NearThreshold, checkPlan } from "../rules/checkPlan.js";
import { type Constraints, readConstraints } from "./constraints.js";
import { type FrontierCandidate, frontierOf, frontierSettings, searchFrontier } from "./frontier.js";
import { type Problem, optimiseProblem } from "./optimiseProblem.js";
import { footprintsGeoJson } from "./footprintsGeoJson.js";
import { type OutputRequest, type Outputs, prepareOutputs } from "./outputs.js";
import { type Invocation, provenance, provenanceLines } from "./provenance.js";
import { resultPlan } from "./resultPlan.js";

export interface RunOptimiseOptions {
  /** Start plan file; null for no start (region growing); undefined for the dataset's plan. */
  start: string | null | undefined;
  /** Footprint count, or a range: each count in it is searched (the time shared) and the best per count reported. */
  footprints?: { min: number; max: number };
  lock?: string;
  groups?: string;
  exceptions?: string;
  maxMoves?: number;
  /** Soft cap on split areas: a plan above it is never returned when one within it is found. */
  maxSplitAreas?: number;
  /** Weights by term name (cross, split, moved). */
  weights?: Partial<Record<TermName, number>>;
  /** Count a provider as cross in the search when two footprints each hold threshold - margin of it. */
  margin?: number;
  /** Share of an area in a second footprint that makes it split (as `check --split-tolerance`). */
  splitTolerance?: number;
  /**
   * Search the trade-off: runs under caps on split areas and units moved (and each count of a
   * range), the budget (`timeMs` or `iterations`) shared among them, and reports the non-dominated
   * plans.
   */
  frontier?: boolean;
  timeMs?: number;
  iterations?: number;
  seed: number;
  threads: number;
  replicas?: number;
  onProgress?: (p: Progress) => void;
  /** A shared flag: the search stops (keeping its best plan) once element 0 is non-zero. */
  stop?: Int32Array;
}

/** A row of the start-versus-result comparison: every criterion, measured as `check` measures it. */
export interface PlanFigures {
  footprints: number;
  population: CheckMetrics["population"];
  crossFootprintProviders: number;
  providerFootprintPairs: number;
  /** Split areas of the second geography (null without areas). */
  splitAreas: number | null;
  /** With --margin: providers two footprints each hold at least threshold - margin of. */
  crossAtMargin?: number;
  errors: number;
  warnings: number;
  /** Providers within half a percentage point of the threshold. */
  nearThreshold: NearThreshold[];
}

/** A plan of the frontier: its figures as `check` measures them, and the file it is written to. */
export interface FrontierRow {
  file: string;
  footprints: number;
  crossFootprintProviders: number;
  splitAreas: number | null;
  unitsMoved: number;
}

/** The best plan found for one footprint count of a range. */
export interface CountRow {
  footprints: number;
  crossFootprintProviders: number;
  splitAreas: number | null;
  unitsMoved: number;
  errors: number;
  feasible: boolean;
}

export interface OptimiseSummary {
  dataset: string;
  synthetic: boolean;
  start: (PlanFigures & { source: string }) | null;
  result: PlanFigures;
  /** Units whose footprint id differs from the start's (footprints renamed by the majority rule count). */
  unitsMoved: number;
  moves: { unit: string; name: string; from: string; fromName: string; to: string; toName: string }[];
  /** Result footprints by how they relate to the start. */
  footprints: { id: string; name: string; continues: string | null }[];
  objective: {
    weights: Record<TermName, number>;
    maxMoves: number | null;
    maxSplitAreas: number | null;
    margin: number | null;
    footprints: { min: number; max: number } | null;
  };
  /** With a footprint count range: the best plan per count. */
  byCount: CountRow[] | null;
  /** With `frontier`: the non-dominated plans over the terms in use, best cross-footprint first. */
  frontier: FrontierRow[] | null;
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
  findings: Finding[];
}

export interface OptimiseOutcome {
  summary: OptimiseSummary;
  plan: Plan;
  dataset: Dataset;
  check: CheckResult;
  /** The frontier's plans, in the order of `summary.frontier`. */
  frontierPlans: Plan[];
  /** Files the run read, which the outputs must not overwrite. */
  inputs: string[];
}

/** A result's figures as `check` measures them. */
export function figures(r: CheckResult, hasAreas: boolean): PlanFigures {
  const errors = r.findings.filter((f) => f.severity === "error").length;
  const f: PlanFigures = {
    footprints: r.metrics.footprints,
    population: r.metrics.population,
    crossFootprintProviders: r.metrics.crossFootprintProviders,
    providerFootprintPairs: r.metrics.providerFootprintPairs,
    splitAreas: hasAreas ? r.metrics.splitAreas : null,
    errors,
    warnings: r.findings.length - errors,
    nearThreshold: r.nearThreshold,
  };
  if (r.metrics.crossAtMargin !== undefined) f.crossAtMargin = r.metrics.crossAtMargin;
  return f;
}

/** The objective of a run: weights by term, the split cap, and tie-breaking defaults. */
export function objectiveOf(o: Pick<RunOptimiseOptions, "weights" | "maxSplitAreas">): ObjectiveOptions {
  return { weights: o.weights, caps: o.maxSplitAreas !== undefined ? { split: o.maxSplitAreas } : undefined };
}

/** A finished plan: labelled, checked, with its figures. */
interface Finished {
  result: OptimiseResult;
  plan: Plan;
  check: CheckResult;
  figures: PlanFigures;
  moved: number;
  ids: string[];
  continues: Map<string, string | null>;
  /** Within every limit: no rule error and the search's own limits (count, moves, caps). */
  feasible: boolean;
  problems: string[];
}

/**
 * Loads a dataset, a start plan and the constraints, runs the optimiser, names the result's
 * footprints truthfully, and checks start and result with the same rules as `check` (locks,
 * groups and exceptions included), so every figure reported is one `check` would print.
 */
export async function runOptimise(spec: DatasetSpec, o: RunOptimiseOptions): Promise<OptimiseOutcome> {
  const startFile = o.start === null ? undefined : (o.start ?? spec.plan);
  const loaded = await loadDataset({ ...spec, plan: startFile });
  requirePopulation(loaded);
  const { dataset } = loaded;
  const splitTolerance = o.splitTolerance ?? 0.01;
  if (o.maxMoves !== undefined && !dataset.plan) throw new UsageError("needs a start plan (--start FILE) to count moves", "--max-moves");
  const objective = objectiveOf(o);
  if (usesSplit(objective) && !dataset.areas)
    throw new UsageError("split areas need a second geography: give --areas FILE (or the manifest's areas)", o.maxSplitAreas !== undefined ? "--max-split-areas" : "--weights");
  if ((o.weights?.moved ?? 0) > 0 && !dataset.plan) throw new UsageError("units moved need a start plan", "--weights");
  const constraints = await readConstraints(o, loaded.boundaryFile.idField);
  const problem = optimiseProblem(dataset, dataset.plan, constraints, { margin: o.margin, splitTolerance, unsplit: o.maxSplitAreas === 0 });
  const ruleOptions = { splitTolerance, margin: o.margin, ...constraints };
  const hasAreas = dataset.areas !== null;
  const startCheck = dataset.plan ? checkPlan(dataset, dataset.plan, ruleOptions) : null;
  const base: OptimiseOptions = {
    ...problem.opts,
    seed: o.seed,
    threads: o.threads,
    replicas: o.replicas,
    iterations: o.iterations,
    timeMs: o.iterations === undefined ? o.timeMs : undefined,
    maxMoves: o.maxMoves === undefined ? undefined : Math.max(0, o.maxMoves - problem.movedOffset),
    objective,
    stop: o.stop,
  };
  if (o.footprints) checkCount(o.footprints, problem, constraints, dataset);

  // Always on worker threads, even for one: the main thread stays free to take Ctrl-C.
  const { optimiseParallel } = await import("../optimise/parallel.js");
  const finish = (result: OptimiseResult, limits: { footprints?: { min: number; max: number } }): Finished => {
    const r = resultPlan(dataset, problem, result.assignment);
    const check = checkPlan(dataset, r.plan, ruleOptions);
    const fig = figures(check, hasAreas);
    const problems = [...result.problems];
    if (o.maxMoves !== undefined && r.moved > o.maxMoves) problems.push(`${r.moved} units moved (footprints that changed identity count whole), more than the limit of ${o.maxMoves}`);
    if (limits.footprints && (fig.footprints < limits.footprints.min || fig.footprints > limits.footprints.max))
      problems.push(`${fig.footprints} footprints, outside ${limits.footprints.min}..${limits.footprints.max}`);
    if (o.maxSplitAreas !== undefined && (fig.splitAreas ?? 0) > o.maxSplitAreas) problems.push(`${fig.splitAreas} split areas, more than the cap of ${o.maxSplitAreas}`);
    return { result, ...r, check, figures: fig, feasible: fig.errors === 0 && result.feasible && problems.length === result.problems.length, problems };
  };

  // Without --footprints the start's count holds (contracting groups may have emptied footprints
  // of the start in the searched instance: the search splits footprints to restore the count).
  const count = o.footprints ?? (problem.start ? { min: problem.startIds.length, max: problem.startIds.length } : undefined);
  let finished: Finished;
  let byCount: CountRow[] | null = null;
  let frontier: { rows: FrontierRow[]; plans: Plan[] } | null = null;
  const counts = o.footprints && o.footprints.min < o.footprints.max ? rangeOf(o.footprints) : null;
  if (o.frontier) {
    const settings = frontierSettings({ startSplit: hasAreas && startCheck ? startCheck.metrics.splitAreas : hasAreas ? 0 : null, hasStart: problem.start !== null, counts });
    const archive = { maxSplit: problem.inst.areas ? problem.inst.areas.total.length : 0, maxMoved: dataset.units.ids.length };
    const found = await searchFrontier({ ...base, footprints: counts ? undefined : count }, settings, archive, (x) => optimiseParallel(problem.inst, x, o.onProgress));
    const seen = new Set<string>();
    const candidates: FrontierCandidate<Finished>[] = [];
    for (const a of found.plans) {
      const key = a.join(",");
      if (seen.has(key)) continue;
      seen.add(key);
      const f = finish({ ...found.last, assignment: a, problems: [], feasible: true }, { footprints: counts ? o.footprints : count });
      candidates.push({ plan: f, crossFootprintProviders: f.figures.crossFootprintProviders, splitAreas: f.figures.splitAreas, unitsMoved: f.moved, footprints: f.figures.footprints, valid: f.feasible });
    }
    const rows = frontierOf(candidates, { split: hasAreas, moved: problem.start !== null, count: counts !== null });
    if (rows.length === 0) finished = finish(found.last, { footprints: counts ? o.footprints : count });
    else finished = rows.map((r) => r.plan).reduce((a, b) => (rankBefore(b, a, objective) ? b : a));
    finished = { ...finished, result: { ...finished.result, iterations: found.iterations, evaluated: found.evaluated, elapsedMs: found.elapsedMs, movesPerSecond: found.movesPerSecond } };
    frontier = {
      rows: rows.map((r, i) => ({ file: `frontier-${String(i + 1).padStart(2, "0")}.csv`, footprints: r.footprints, crossFootprintProviders: r.crossFootprintProviders, splitAreas: r.splitAreas, unitsMoved: r.unitsMoved })),
      plans: rows.map((r) => r.plan.plan),
    };
  } else if (counts) {
    // Each count gets its share of the budget, and the best plan per count is reported.
    const per: Finished[] = [];
    for (const c of counts) {
      if (o.stop && Atomics.load(o.stop, 0)) break;
      const share: OptimiseOptions = {
        ...base,
        footprints: { min: c, max: c },
        iterations: base.iterations === undefined ? undefined : Math.max(1, Math.floor(base.iterations / counts.length)),
        timeMs: base.timeMs === undefined ? undefined : base.timeMs / counts.length,
      };
      per.push(finish(await optimiseParallel(problem.inst, share, o.onProgress), { footprints: { min: c, max: c } }));
    }
    byCount = per.map((f) => ({
      footprints: f.figures.footprints,
      crossFootprintProviders: f.figures.crossFootprintProviders,
      splitAreas: f.figures.splitAreas,
      unitsMoved: f.moved,
      errors: f.figures.errors,
      feasible: f.feasible,
    }));
    finished = per.reduce((a, b) => (rankBefore(b, a, objective) ? b : a));
  } else {
    finished = finish(await optimiseParallel(problem.inst, { ...base, footprints: count }, o.onProgress), { footprints: count });
  }

  const { plan, check, result } = finished;
  const units = dataset.units;
  const startNames = new Map(problem.startIds.map((id, f) => [id, problem.startNames[f]]));
  const moves: OptimiseSummary["moves"] = [];
  if (problem.start)
    finished.ids.forEach((id, u) => {
      const from = problem.startIds[problem.start![u]];
      if (from !== id) moves.push({ unit: units.ids[u], name: units.names[u], from, fromName: startNames.get(from) ?? "", to: id, toName: plan.names.get(id) ?? "" });
    });
  const w = objective.weights ?? {};
  const summary: OptimiseSummary = {
    dataset: dataset.name === spec.boundaries ? relative(process.cwd(), spec.boundaries) : dataset.name,
    synthetic: spec.synthetic ?? false,
    start: startCheck && startFile ? { source: relative(process.cwd(), startFile) || startFile, ...figures(startCheck, hasAreas) } : null,
    result: finished.figures,
    unitsMoved: finished.moved,
    moves,
    footprints: [...plan.names].map(([id, name]) => ({ id, name, continues: finished.continues.get(id) ?? null })),
    objective: {
      weights: { cross: w.cross ?? OBJECTIVE_DEFAULTS.cross, split: w.split ?? OBJECTIVE_DEFAULTS.split, moved: w.moved ?? OBJECTIVE_DEFAULTS.moved },
      maxMoves: o.maxMoves ?? null,
      maxSplitAreas: o.maxSplitAreas ?? null,
      margin: o.margin ?? null,
      footprints: o.footprints ?? null,
    },
    byCount,
    frontier: frontier?.rows ?? null,
    search: {
      seed: o.seed,
      threads: o.threads,
      replicas: o.replicas ?? o.threads,
      iterations: result.iterations,
      evaluatedMoves: result.evaluated,
      movesPerSecondPerThread: Math.round(result.movesPerSecond),
      seconds: Math.round(result.elapsedMs) / 1000,
      stopped: Boolean(o.stop && o.stop[0]),
      feasible: finished.problems.length === 0,
      problems: finished.problems,
    },
    findings: check.findings,
  };
  const inputs = Object.values(dataset.files);
  for (const f of [o.lock, o.groups, o.exceptions]) if (f !== undefined) inputs.push(f);
  return { summary, plan, dataset, check, frontierPlans: frontier?.plans ?? [], inputs };
}

/**
 * Refuses a footprint count no plan can have: more footprints than units, or too few (or too many)
 * to hold the population within the bounds (exceptions included).
 */
function checkCount(count: { min: number; max: number }, problem: Problem, c: Constraints, dataset: Dataset): void {
  const n = problem.inst.n;
  if (count.max > n) throw new UsageError(`${count.max} footprints asked for, but there are only ${n} units${n < dataset.units.ids.length ? " (keep-together groups count as one)" : ""}`, "--footprints");
  let total = 0;
  for (let u = 0; u < n; u++) total += problem.inst.population[u];
  const { min, max } = problem.inst;
  const maxes = (c.exceptions ?? []).map((e) => e.max ?? max).sort((a, b) => b - a);
  const mins = (c.exceptions ?? []).map((e) => e.min ?? min).sort((a, b) => a - b);
  const sum = (list: number[], fill: number, k: number) => list.slice(0, k).reduce((a, b) => a + b, 0) + Math.max(0, k - list.length) * fill;
  const most = sum(maxes.filter((m) => m > max), max, count.max);
  if (most < total) throw new UsageError(`${count.max} footprints hold at most ${formatInt(most)} people, fewer than the ${formatInt(total)} to place (at least ${Math.ceil(total / max)} are needed)`, "--footprints");
  const least = sum(mins.filter((m) => m < min), min, count.min);
  if (least > total) throw new UsageError(`${count.min} footprints need at least ${formatInt(least)} people, more than the ${formatInt(total)} there are`, "--footprints");
}

/** Counts min..max. */
function rangeOf(r: { min: number; max: number }): number[] {
  return Array.from({ length: r.max - r.min + 1 }, (_, i) => r.min + i);
}

/** True when finished plan a ranks before b: valid first, then the weighted counts as check measures them. */
function rankBefore(a: Finished, b: Finished, objective: ObjectiveOptions): boolean {
  if (a.feasible !== b.feasible) return a.feasible;
  const w = { ...OBJECTIVE_DEFAULTS, ...objective.weights };
  const score = (f: Finished) => w.cross * f.figures.crossFootprintProviders + w.split * (f.figures.splitAreas ?? 0) + w.moved * f.moved;
  const d = score(a) - score(b);
  if (Math.abs(d) > 1e-9) return d < 0;
  return a.moved < b.moved;
}

/** Files `writeOptimiseOutputs` writes (each optional). */
export interface OptimiseOutputs {
  /** A folder for the frontier's plans (frontier-01.csv, ...) and its table (frontier.csv). */
  frontierDir?: string;
  /** The plan as CSV (unit, footprint, footprint_name). */
  out?: string;
  /** The footprints as dissolved polygons (GeoJSON). */
  geojson?: string;
  /** Maps of the result, each .svg, .png or .html. */
  map?: string | readonly string[];
  /** Decimal places of the GeoJSON coordinates (default 6). */
  decimals?: number;
  /** The command line, for the provenance written on the maps and in the GeoJSON. */
  invocation?: Invocation;
}

/** The files `--frontier DIR` writes in its folder: frontier.csv and frontier-01.csv, frontier-02.csv ... */
const frontierFiles = /^frontier(-\d+)?\.csv$/;

/**
 * Checks the outputs of an optimiser run before the search: none may be an input (the dataset's
 * files, the start plan, the lock, groups and exceptions files) or another output, and their
 * folders must be writable (see prepareOutputs), so that a bad path stops the run at once rather
 * than after the search.
 * @throws UsageError naming the option
 */
export function optimiseOutputs(spec: DatasetSpec, o: Pick<RunOptimiseOptions, "start" | "lock" | "groups" | "exceptions">, files: OptimiseOutputs): Promise<Outputs> {
  return prepareOutputs(spec, outputRequests(files), [
    { path: o.start ?? undefined, what: "--start" },
    { path: o.lock, what: "--lock" },
    { path: o.groups, what: "--groups" },
    { path: o.exceptions, what: "--exceptions" },
  ]);
}

function outputRequests(files: OptimiseOutputs): OutputRequest[] {
  return [
    { option: "--frontier", path: files.frontierDir, folderFiles: frontierFiles, replaceSet: true },
    { option: "--out", path: files.out },
    { option: "--geojson", path: files.geojson },
    ...(files.map === undefined ? [] : typeof files.map === "string" ? [files.map] : files.map).map((path) => ({ option: "--map", path })),
  ];
}

/**
 * Writes an optimiser result to the outputs asked for: `frontierDir` the frontier's plans and
 * frontier.csv, `out` the plan as CSV (unit, footprint, footprint_name), `geojson` the footprints
 * as dissolved polygons, `map` maps (.svg, .png, .html). All are prepared first and renamed into
 * place together, so each is written whole or not at all (see app/outputs.ts). Returns the files
 * written.
 * @param outputs from optimiseOutputs for the same files, made before the search (the command line
 *   does, so that a bad output path stops it early); made here when not given
 */
export async function writeOptimiseOutputs(outcome: OptimiseOutcome, spec: DatasetSpec, files: OptimiseOutputs, outputs?: Outputs): Promise<string[]> {
  outputs ??= await prepareOutputs(spec, outputRequests(files), outcome.inputs.map((path) => ({ path, what: "an input of the run" })));
  try {
    const rows = outcome.summary.frontier;
    if (outputs.has("--frontier") && rows) {
      for (let i = 0; i < rows.length; i++) outputs.writeIn("--frontier", rows[i].file, planToCsv(outcome.frontierPlans[i]));
      outputs.writeIn(
        "--frontier",
        "frontier.csv",
        toCsv(
          ["file", "footprints", "cross_footprint_providers", "split_areas", "units_moved"],
          rows.map((r) => [r.file, String(r.footprints), String(r.crossFootprintProviders), r.splitAreas === null ? "" : String(r.splitAreas), String(r.unitsMoved)]),
        ),
      );
    }
    if (outputs.has("--out")) outputs.write("--out", planToCsv(outcome.plan));
    const maps = outputs.paths("--map");
    if (!outputs.has("--geojson") && maps.length === 0) return outputs.commit();
    // Provenance (each input's SHA-256) only for the outputs that carry it: the GeoJSON and maps.
    const q = outcome.summary.search;
    const prov = { ...(await provenance(spec, outcome.dataset, files.invocation)), search: { seed: q.seed, iterations: q.iterations, replicas: q.replicas, threads: q.threads, seconds: q.seconds } };
    if (outputs.has("--geojson")) outputs.write("--geojson", await footprintsGeoJson(outcome.dataset, outcome.plan, outcome.check, { decimals: files.decimals, provenance: prov }));
    if (maps.length) {
      const providerSites = await datasetProviderSites(spec);
      for (const map of maps) {
        const content = await renderMap(outcome.dataset, outcome.plan, outcome.check, map, { providerSites, title: `${outcome.summary.dataset}: optimised plan`, provenance: provenanceLines(prov), metadata: prov, sizeOption: "--map" });
        outputs.write("--map", content, map);
      }
    }
    return outputs.commit();
  } finally {
    outputs.abandon();
  }
}

export type { Constraints };
