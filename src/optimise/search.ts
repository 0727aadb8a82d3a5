import { annealing, temperatureAt } from "./accept.js";
import { evaluate, planProblems } from "./evaluate.js";
import { initialPlan } from "./initial.js";
import { checkInstance } from "./instance.js";
import type { Instance, Objective, OptimiseOptions, OptimiseResult, Progress } from "./instance.js";
import { FLIP_APPLIED, FLIP_SKIPPED, ResplitScratch, better, resplitPair, tryFlip } from "./moves.js";
import { createRng } from "./random.js";
import { repairPopulation } from "./repair.js";
import { State } from "./state.js";

/** Default annealing settings, tuned on the England 2016 instance. */
export const DEFAULTS = {
  tie: 1,
  spread: 0,
  moved: 1e-4,
  t0: 1.0,
  t1: 0.05,
  cycles: 1,
  /** Proposals between two pair re-splits. */
  resplitEvery: 4096,
  /** Largest number of movable units in a pair re-split (2^m splits are tried). */
  resplitMaxUnits: 14,
  timeMs: 10_000,
  progressEvery: 1 << 18,
};

const BATCH = 1024;

/**
 * Searches for a plan with few cross-footprint providers by simulated annealing over
 * contiguity-preserving single-unit moves between neighbouring footprints, with periodic optimal
 * re-splits of two neighbouring footprints to escape local minima. A generator: it yields
 * progress every `progressEvery` proposals and returns the best plan found. With `iterations` and
 * `seed` the result is the same on every run; with `timeMs` it depends on the machine's speed.
 * @example
 * const it = search(instance, { start, seed: 1, iterations: 1e6 });
 * let r = it.next();
 * while (!r.done) r = it.next();
 * console.log(r.value.objective.cross);
 */
export function* search(inst: Instance, opts: OptimiseOptions = {}, replica = 0): Generator<Progress, OptimiseResult> {
  const clockStart = performance.now();
  checkInstance(inst);
  const seed = opts.seed ?? 1;
  const rng = createRng(seed);
  const plan = initialPlan(inst, opts, rng);
  const startObjective = opts.start ? evaluate(inst, opts.start, opts.start) : null;
  const maxMoves = opts.maxMoves ?? Infinity;
  const s = new State(inst, plan.assign, plan.k, plan.start, plan.lock, maxMoves);
  s.minCount = Math.max(1, plan.count.min);
  repairPopulation(s, rng);
  s.recompute();

  const wTie = opts.weights?.tie ?? DEFAULTS.tie;
  const wSpread = opts.weights?.spread ?? DEFAULTS.spread;
  const wMoved = opts.weights?.moved ?? DEFAULTS.moved;
  const t0 = opts.schedule?.t0 ?? DEFAULTS.t0;
  const t1 = opts.schedule?.t1 ?? DEFAULTS.t1;
  const cycles = opts.schedule?.cycles ?? DEFAULTS.cycles;
  const iterations = opts.iterations;
  const timeMs = iterations === undefined ? (opts.timeMs ?? DEFAULTS.timeMs) : Infinity;
  const stop = opts.stop;
  const progressEvery = Math.max(BATCH, opts.progressEvery ?? DEFAULTS.progressEvery);
  const acc = annealing(rng, t0);
  const scratch = new ResplitScratch(inst.n);
  const { assign, edgeSrc } = s;
  const adj = inst.adj;
  const E = adj.length;

  // Best plan so far, copied lazily: only when the search leaves a best state.
  const bestAssign = Int32Array.from(assign);
  let bc = s.cross;
  let bt = s.tie();
  let bm = s.moved;
  let atBest = true;
  const feasible0 = planProblems(inst, assign, { lock: plan.lock }).length === 0;
  if (!feasible0) {
    // A repaired start that is still infeasible must not stay "best": the first feasible state wins.
    bc = Infinity;
    atBest = false;
  }

  let it = 0;
  let evaluated = 0;
  let nextProgress = progressEvery;
  const resplitEvery = opts.resplit?.every ?? DEFAULTS.resplitEvery;
  const resplitMax = opts.resplit?.maxUnits ?? DEFAULTS.resplitMaxUnits;
  let nextResplit = resplitEvery > 0 ? resplitEvery : Infinity;
  const searchStart = performance.now();
  for (;;) {
    const elapsed = performance.now() - searchStart;
    const progress = iterations !== undefined ? it / iterations : elapsed / timeMs;
    if (progress >= 1 || E === 0 || (stop !== undefined && Atomics.load(stop, 0) !== 0)) break;
    acc.temperature = temperatureAt(progress, t0, t1, cycles);
    const batch = iterations !== undefined ? Math.min(BATCH, iterations - it) : BATCH;
    for (let b = 0; b < batch; b++) {
      const e = Math.floor(rng() * E);
      const u = edgeSrc[e];
      const from = assign[u];
      const r = tryFlip(s, u, assign[adj[e]], wTie, wSpread, wMoved, acc);
      if (r === FLIP_SKIPPED) continue;
      evaluated++;
      if (r !== FLIP_APPLIED) continue;
      const tie = s.tie();
      if (better(s.cross, tie, s.moved, bc, bt, bm)) {
        bc = s.cross;
        bt = tie;
        bm = s.moved;
        atBest = true;
      } else if (atBest) {
        bestAssign.set(assign);
        bestAssign[u] = from;
        atBest = false;
      }
    }
    it += batch;
    if (it >= nextResplit) {
      nextResplit += resplitEvery;
      const e = Math.floor(rng() * E);
      const fa = assign[edgeSrc[e]];
      const fb = assign[adj[e]];
      if (fa !== fb) {
        if (atBest) {
          bestAssign.set(assign);
          atBest = false;
        }
        resplitPair(s, fa, fb, resplitMax, scratch, rng);
        s.recompute();
        const tie = s.tie();
        if (better(s.cross, tie, s.moved, bc, bt, bm)) {
          bc = s.cross;
          bt = tie;
          bm = s.moved;
          atBest = true;
        }
      }
    }
    if (it >= nextProgress) {
      nextProgress += progressEvery;
      s.recompute();
      yield {
        phase: "search",
        iteration: it,
        elapsedMs: performance.now() - clockStart,
        current: { cross: s.cross, tie: s.tie(), moved: s.moved },
        best: { cross: bc, tie: bt, moved: bm },
        temperature: acc.temperature,
        replica,
      };
    }
  }
  if (atBest || bc === Infinity) bestAssign.set(assign);
  const searchMs = performance.now() - searchStart;

  const assignment = Int32Array.from(bestAssign, (f) => plan.labels[f]);
  const limits = { start: opts.start ?? null, lock: opts.lock ?? null, maxMoves: opts.maxMoves, footprints: plan.count };
  const problems = planProblems(inst, assignment, limits);
  const objective: Objective = evaluate(inst, assignment, opts.start ?? null);
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
  };
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
