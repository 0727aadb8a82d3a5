import { defaults } from "../options/defaults.js";
import { annealing } from "./accept.js";
import { Archive } from "./archive.js";
import { BestTracker } from "./best.js";
import { chainSteps } from "./chain.js";
import { energyFactory } from "./energy/build.js";
import type { ShareTerm } from "./energy/shares.js";
import { evaluate, planProblems } from "./evaluate.js";
import { type InitialPlan, initialPlan } from "./initial.js";
import { checkInstance } from "./instance.js";
import type { Instance, Objective, OptimiseOptions, OptimiseResult, Progress } from "./instance.js";
import { Ladder, ladder } from "./ladder.js";
import { areaMove, mergeSplit, ResplitScratch, resplitPair } from "./moves.js";
import { createRng } from "./random.js";
import { repairPopulation } from "./repair.js";
import { BATCH, due, schedule } from "./schedule.js";
import { State } from "./state.js";

/** Default settings of the search loop, tuned on the England 2016 instance. */
export const DEFAULTS = {
  /** Parallel-tempering ladder: `temperatures` replicas from t1 (coldest) to t0 (hottest). */
  t0: 0.4,
  t1: 0.06,
  temperatures: 4,
  /** Proposals (per replica) between two pair re-splits. */
  resplitEvery: 1024,
  /** Largest number of movable units in a pair re-split (2^m splits are tried). */
  resplitMaxUnits: 8,
  /** Share of pair re-splits aimed at the footprints of a cross-footprint provider. */
  resplitTargeted: 0.5,
  /** Proposals (per replica) between two footprint relocations (merge one pair, split another). */
  mergeSplitEvery: 8192,
  mergeSplitMaxUnits: 10,
  /** Search time per replica when neither a time nor iterations are given (the option table's --time). */
  timeMs: defaults.time,
  progressEvery: 1 << 18,
};

/**
 * Searches for a plan that ranks first on the objective (energy/build.ts: cross-footprint providers
 * by default, with weights and caps on other terms) by parallel tempering (ladder.ts): a few copies
 * of the plan run Metropolis chains (chain.ts) at temperatures from hot to cold and swap plans now
 * and then. Each chain makes contiguity-preserving single-unit moves between neighbouring
 * footprints; on a schedule (schedule.ts) it also re-splits two neighbouring footprints optimally
 * and relocates footprints (moves.ts), to escape local minima. The best plan is kept by BestTracker.
 *
 * A generator: it yields progress every `progressEvery` proposals and returns the best plan found.
 * With `iterations` and `seed` the result is the same on every run; with `timeMs` it depends on the
 * machine's speed.
 * @example
 * const it = search(instance, { start, seed: 1, iterations: 1e6 });
 * let r = it.next();
 * while (!r.done) r = it.next();
 * console.log(r.value.objective.cross);
 */
export function* search(inst: Instance, opts: OptimiseOptions = {}, replica = 0): Generator<Progress, OptimiseResult> {
  const clockStart = performance.now();
  checkInstance(inst);
  const seed = opts.seed ?? defaults.seed;
  const rng = createRng(seed);
  const plan = initialPlan(inst, opts, rng);
  const startObjective = opts.start ? evaluate(inst, opts.start, opts.start) : null;
  const makeEnergy = energyFactory(inst, opts.objective);
  // Units moved count as the result's names will when they matter beyond breaking ties (a limit or
  // a weight): a footprint that stops continuing its start footprint counts all its units.
  const identity =
    opts.movedByIdentity ?? (opts.maxMoves !== undefined || (opts.objective?.weights?.moved ?? 0) > 0 || opts.archive !== undefined);
  const stateOptions = { start: plan.start, lock: plan.lock, maxMoves: opts.maxMoves ?? Infinity, minOf: plan.minOf, maxOf: plan.maxOf, weight: opts.unitWeight, identity };
  const first = new State(inst, plan.assign, plan.k, makeEnergy, stateOptions);
  first.minCount = Math.max(1, plan.count.min);
  repairPopulation(first, rng);
  first.recompute();

  const temps = ladder(opts.schedule?.t1 ?? DEFAULTS.t1, opts.schedule?.t0 ?? DEFAULTS.t0, opts.schedule?.temperatures ?? DEFAULTS.temperatures);
  const R = temps.length;
  const states: State[] = [first];
  for (let i = 1; i < R; i++) {
    const c = new State(inst, first.assign, plan.k, makeEnergy, stateOptions);
    c.minCount = first.minCount;
    states.push(c);
  }
  const lad = new Ladder(temps);
  const iterations = opts.iterations;
  const timeMs = iterations === undefined ? (opts.timeMs ?? DEFAULTS.timeMs) : Infinity;
  const stop = opts.stop;
  const progressEvery = Math.max(BATCH, opts.progressEvery ?? DEFAULTS.progressEvery);
  // Re-splits and relocations work on footprints of at most 31 units and scan every unit to find
  // them: with large footprints (fine-grained units) they would only cost time, so they are off by
  // default when the average footprint holds more than 12 units.
  const smallFootprints = inst.n <= 12 * plan.k;
  const sched = schedule(
    opts.resplit?.every ?? (smallFootprints ? DEFAULTS.resplitEvery : 0),
    opts.mergeSplit?.every ?? (smallFootprints ? DEFAULTS.mergeSplitEvery : 0),
  );
  const resplitMax = opts.resplit?.maxUnits ?? DEFAULTS.resplitMaxUnits;
  const mergeSplitMax = opts.mergeSplit?.maxUnits ?? DEFAULTS.mergeSplitMaxUnits;
  const targetShare = opts.resplit?.targeted ?? DEFAULTS.resplitTargeted;
  const acc = (opts.acceptance ?? annealing)(rng, temps[0]);
  const scratch = new ResplitScratch(first);
  const adj = inst.adj;
  const edgeSrc = first.edgeSrc;
  const E = adj.length;

  const best = new BestTracker(states);
  const archive = opts.archive ? new Archive(opts.archive.maxSplit, opts.archive.maxMoved) : null;
  archive?.offer(first);
  // A repaired start that is still infeasible must not stay "best": the first other state wins.
  if (planProblems(inst, first.assign, { lock: plan.lock, bounds: { min: plan.minOf, max: plan.maxOf } }).length === 0) best.offer(0);

  // Targeted re-splits aim at the footprints of a counted group: a cross-footprint provider, or a
  // split area when that term is in use (half the time each).
  const targets = states.map((s) => s.energy.terms.filter((t) => t.weight > 0 || t.name === "split") as ShareTerm[]);
  const pair = Int32Array.of(-1, -1);
  // Area moves carry a split area's units in one footprint over to another, every round, when the
  // split-area term is in use.
  const splitIndex = first.energy.terms.findIndex((t) => t.name === "split");
  const areas = inst.areas;
  let it = 0;
  let evaluated = 0;
  let round = 0;
  let nextProgress = progressEvery;
  const searchStart = performance.now();
  while (E > 0) {
    if (iterations !== undefined ? it >= iterations : performance.now() - searchStart >= timeMs) break;
    if (stop !== undefined && Atomics.load(stop, 0) !== 0) break;
    round++;
    for (let sl = 0; sl < R; sl++) {
      const i = lad.slot[sl];
      const s = states[i];
      const assign = s.assign;
      acc.temperature = temps[sl];
      const batch = iterations !== undefined ? Math.min(BATCH, iterations - it) : BATCH;
      evaluated += chainSteps(s, i, batch, acc, rng, best, archive);
      it += batch;
      if (due(sched.resplitRounds, round)) {
        // Half the re-splits target a counted group: its largest footprint and another holding at
        // least the threshold share; the others take the two sides of a random edge.
        let fa = -1;
        let fb = -1;
        if (rng() < targetShare) {
          const ts = targets[i];
          const term = ts.length === 1 ? ts[0] : ts[Math.floor(rng() * ts.length)];
          term?.pickCountedPair(rng, pair);
        }
        if (pair[0] >= 0) {
          fa = pair[0];
          fb = pair[1];
          pair[0] = -1;
        } else {
          const e = s.cut[Math.floor(rng() * s.cutCount)];
          fa = assign[edgeSrc[e]];
          fb = assign[adj[e]];
        }
        if (fa !== fb) {
          best.release(i);
          evaluated += resplitPair(s, fa, fb, resplitMax, scratch, rng);
          best.offer(i);
          archive?.offer(s);
        }
      }
      if (splitIndex >= 0 && areas) {
        const term = s.energy.terms[splitIndex] as ShareTerm;
        const g = term.pickCountedPair(rng, pair);
        if (g >= 0) {
          const swap = rng() < 0.25;
          best.release(i);
          evaluated += areaMove(s, g, swap ? pair[0] : pair[1], swap ? pair[1] : pair[0], areas.offsets, areas.unit, scratch, acc);
          best.offer(i);
          archive?.offer(s);
        }
        pair[0] = -1;
      }
      if (due(sched.mergeSplitRounds, round)) {
        const e = s.cut[Math.floor(rng() * s.cutCount)];
        const fa = assign[edgeSrc[e]];
        const fb = assign[adj[e]];
        const fc = assign[Math.floor(rng() * inst.n)];
        if (fa !== fb && fc !== fa && fc !== fb) {
          best.release(i);
          evaluated += mergeSplit(s, fa, fb, fc, mergeSplitMax, scratch, rng, acc);
          best.offer(i);
          archive?.offer(s);
        }
      }
    }
    lad.exchange(states, rng);
    // Clear floating-point drift of the cached values now and then (every update is a delta).
    if (round % sched.recomputeRounds === 0) for (const st of states) st.recompute();
    if (it >= nextProgress) {
      nextProgress += progressEvery;
      const cold = lad.coldest(states);
      cold.recompute();
      yield {
        phase: "search",
        iteration: it,
        elapsedMs: performance.now() - clockStart,
        current: objectiveOf(cold),
        best: { cross: best.cross, tie: best.t, moved: best.m, split: best.split },
        temperature: temps[0],
        replica,
      };
    }
  }
  const searchMs = performance.now() - searchStart;

  const assignment = Int32Array.from(best.plan(), (f) => plan.labels[f]);
  const limits = {
    start: opts.start ?? null,
    lock: plan.lock ? Int32Array.from(plan.lock, (f) => (f >= 0 ? plan.labels[f] : -1)) : null,
    maxMoves: opts.maxMoves,
    footprints: plan.count,
    bounds: byLabel(plan),
    weight: opts.unitWeight,
  };
  const problems = planProblems(inst, assignment, limits);
  const objective: Objective = evaluate(inst, assignment, opts.start ?? null, opts.unitWeight);
  return {
    assignment,
    footprintCount: new Set(assignment).size,
    objective,
    startObjective,
    moved: objective.moved,
    feasible: problems.length === 0,
    problems,
    iterations: it,
    evaluated,
    elapsedMs: performance.now() - clockStart,
    movesPerSecond: searchMs > 0 ? (evaluated * 1000) / searchMs : 0,
    seed,
    replica,
    archive: archive ? archive.entries(plan.labels, (a) => planProblems(inst, a, { lock: plan.lock, bounds: { min: plan.minOf, max: plan.maxOf } }).length === 0) : undefined,
  };
}

/** The per-slot bounds of an initial plan, indexed by the caller's footprint numbers. */
function byLabel(plan: InitialPlan): { min: Float64Array; max: Float64Array } {
  const size = Math.max(0, ...plan.labels) + 1;
  const min = new Float64Array(size);
  const max = new Float64Array(size);
  plan.labels.forEach((l, f) => {
    min[l] = plan.minOf[f];
    max[l] = plan.maxOf[f];
  });
  return { min, max };
}

/** The objective of a state, as progress reports it. */
function objectiveOf(s: State): Objective {
  const c = s.energy.counts(s);
  return { cross: c.cross ?? 0, tie: s.energy.tie(), moved: s.moved, split: c.split };
}

/**
 * Runs `search` to the end in this thread and returns its result.
 * @param onProgress called with each progress report
 */
export function optimise(inst: Instance, opts: OptimiseOptions = {}, onProgress?: (p: Progress) => void): OptimiseResult {
  const gen = search(inst, opts);
  for (;;) {
    const r = gen.next();
    if (r.done) return r.value;
    onProgress?.(r.value);
  }
}
