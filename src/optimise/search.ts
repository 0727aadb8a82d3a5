import { defaults } from "../options/defaults.js";
import { annealing, ladder } from "./accept.js";
import { evaluate, planProblems } from "./evaluate.js";
import { initialPlan } from "./initial.js";
import { checkInstance } from "./instance.js";
import type { Instance, Objective, OptimiseOptions, OptimiseResult, Progress } from "./instance.js";
import { FLIP_APPLIED, FLIP_SKIPPED, ResplitScratch, better, energy, mergeSplit, resplitPair, tryFlip } from "./moves.js";
import { createRng } from "./random.js";
import { repairPopulation } from "./repair.js";
import { State } from "./state.js";

/** Default settings, tuned on the England 2016 instance. */
export const DEFAULTS = {
  /** Weight of the excess tie-breaker against one cross-footprint provider. */
  tie: 0.3,
  spread: 0,
  moved: 1e-4,
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

const BATCH = 1024;
/** Rounds (of BATCH proposals per replica) between two full recomputations of the cached values. */
const RECOMPUTE_ROUNDS = 64;

/**
 * Searches for a plan with few cross-footprint providers by parallel tempering: a few copies of the
 * plan run Metropolis chains at temperatures from hot to cold and swap plans now and then (a swap
 * between temperatures T1 < T2 is accepted with probability min(1, exp((1/T1 - 1/T2)(E1 - E2)))),
 * so that a plan stuck in a local minimum is reheated and a good one drifts to the cold end. Each
 * chain makes contiguity-preserving single-unit moves between neighbouring footprints, with
 * periodic optimal re-splits of two neighbouring footprints and footprint relocations to escape
 * local minima. The energy is cross + tie * excess - spread * sum of squared shares + moved * units
 * moved; the best plan is kept by the lexicographic objective (cross, excess, moved).
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
  const maxMoves = opts.maxMoves ?? Infinity;
  const first = new State(inst, plan.assign, plan.k, plan.start, plan.lock, maxMoves);
  first.minCount = Math.max(1, plan.count.min);
  repairPopulation(first, rng);
  first.recompute();

  const wTie = opts.weights?.tie ?? DEFAULTS.tie;
  const wSpread = opts.weights?.spread ?? DEFAULTS.spread;
  const wMoved = opts.weights?.moved ?? DEFAULTS.moved;
  const temps = ladder(opts.schedule?.t1 ?? DEFAULTS.t1, opts.schedule?.t0 ?? DEFAULTS.t0, opts.schedule?.temperatures ?? DEFAULTS.temperatures);
  const R = temps.length;
  const states: State[] = [first];
  for (let i = 1; i < R; i++) {
    const c = new State(inst, first.assign, plan.k, plan.start, plan.lock, maxMoves);
    c.minCount = first.minCount;
    states.push(c);
  }
  /** slot -> index in `states` of the plan at temperature temps[slot]. */
  const slot = Int32Array.from({ length: R }, (_, i) => i);
  const iterations = opts.iterations;
  const timeMs = iterations === undefined ? (opts.timeMs ?? DEFAULTS.timeMs) : Infinity;
  const stop = opts.stop;
  const progressEvery = Math.max(BATCH, opts.progressEvery ?? DEFAULTS.progressEvery);
  // Re-splits and relocations work on footprints of at most 31 units and scan every unit to find
  // them: with large footprints (fine-grained units) they would only cost time, so they are off by
  // default when the average footprint holds more than 12 units.
  const smallFootprints = inst.n <= 12 * plan.k;
  const resplitEvery = opts.resplit?.every ?? (smallFootprints ? DEFAULTS.resplitEvery : 0);
  const resplitMax = opts.resplit?.maxUnits ?? DEFAULTS.resplitMaxUnits;
  const resplitRounds = resplitEvery > 0 ? Math.max(1, Math.round(resplitEvery / BATCH)) : 0;
  const mergeSplitEvery = opts.mergeSplit?.every ?? (smallFootprints ? DEFAULTS.mergeSplitEvery : 0);
  const mergeSplitMax = opts.mergeSplit?.maxUnits ?? DEFAULTS.mergeSplitMaxUnits;
  const mergeSplitRounds = mergeSplitEvery > 0 ? Math.max(1, Math.round(mergeSplitEvery / BATCH)) : 0;
  const acc = annealing(rng, temps[0]);
  const scratch = new ResplitScratch(first);
  const adj = inst.adj;
  const edgeSrc = first.edgeSrc;
  const E = adj.length;

  // Best plan so far. It is copied lazily: `owner` is the index of the state that holds it (or -1
  // once copied to bestAssign), and the copy is taken only when that state moves away from it.
  const bestAssign = Int32Array.from(first.assign);
  let bc = first.cross;
  let bt = first.tie();
  let bm = first.moved;
  let owner = 0;
  if (planProblems(inst, first.assign, { lock: plan.lock }).length > 0) {
    // A repaired start that is still infeasible must not stay "best": the first other state wins.
    bc = Infinity;
    owner = -1;
  }
  const release = (i: number) => {
    if (owner === i) {
      bestAssign.set(states[i].assign);
      owner = -1;
    }
  };
  const claim = (i: number) => {
    const st = states[i];
    const tie = st.tie();
    if (!better(st.cross, tie, st.moved, bc, bt, bm)) return;
    bc = st.cross;
    bt = tie;
    bm = st.moved;
    owner = i;
  };

  const targetShare = opts.resplit?.targeted ?? DEFAULTS.resplitTargeted;
  let pairA = -1;
  let pairB = -1;
  /** Sets pairA, pairB to the footprints of a random cross-footprint provider (or leaves -1). */
  const pickCrossPair = (s: State, r: () => number) => {
    const P = s.P;
    if (s.cross === 0 || P === 0) return;
    for (let tries = 0; tries < 32; tries++) {
      const p = Math.floor(r() * P);
      if (s.above[p] < 2) continue;
      if (s.stale[p]) s.rescan(p);
      const f1 = s.arg1[p];
      let pick = -1;
      let seen = 0;
      for (let f = 0; f < s.k; f++)
        if (f !== f1 && s.share[f * P + p] >= s.thr && r() * ++seen < 1) pick = f;
      if (pick < 0) continue;
      pairA = f1;
      pairB = pick;
      return;
    }
  };
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
      const i = slot[sl];
      const s = states[i];
      const assign = s.assign;
      acc.temperature = temps[sl];
      const batch = iterations !== undefined ? Math.min(BATCH, iterations - it) : BATCH;
      const cut = s.cut;
      // With every unit in one footprint there is no move to propose (cut edges are never empty otherwise).
      for (let b = s.cutCount > 0 ? 0 : batch; b < batch; b++) {
        // A random directed edge between two footprints: its source unit moves to the other side.
        const e = cut[Math.floor(rng() * s.cutCount)];
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
          owner = i;
        } else if (owner === i) {
          bestAssign.set(assign);
          bestAssign[u] = from;
          owner = -1;
        }
      }
      it += batch;
      if (resplitRounds > 0 && round % resplitRounds === 0) {
        // Half the re-splits target a cross-footprint provider: its largest footprint and another
        // holding at least the threshold share; the others take the two sides of a random edge.
        let fa = -1;
        let fb = -1;
        if (rng() < targetShare) pickCrossPair(s, rng);
        if (pairA >= 0) {
          fa = pairA;
          fb = pairB;
          pairA = -1;
        } else {
          const e = s.cut[Math.floor(rng() * s.cutCount)];
          fa = assign[edgeSrc[e]];
          fb = assign[adj[e]];
        }
        if (fa !== fb) {
          release(i);
          evaluated += resplitPair(s, fa, fb, resplitMax, scratch, rng);
          claim(i);
        }
      }
      if (mergeSplitRounds > 0 && round % mergeSplitRounds === 0) {
        const e = s.cut[Math.floor(rng() * s.cutCount)];
        const fa = assign[edgeSrc[e]];
        const fb = assign[adj[e]];
        const fc = assign[Math.floor(rng() * inst.n)];
        if (fa !== fb && fc !== fa && fc !== fb) {
          release(i);
          evaluated += mergeSplit(s, fa, fb, fc, mergeSplitMax, scratch, rng, wTie, wSpread, wMoved, acc);
          claim(i);
        }
      }
    }
    // Replica exchange between neighbouring temperatures, hottest pair first.
    for (let sl = R - 2; sl >= 0; sl--) {
      const a = states[slot[sl]];
      const b = states[slot[sl + 1]];
      const d = (1 / temps[sl] - 1 / temps[sl + 1]) * (energy(a, wTie, wSpread, wMoved) - energy(b, wTie, wSpread, wMoved));
      if (d >= 0 || rng() < Math.exp(d)) {
        const x = slot[sl];
        slot[sl] = slot[sl + 1];
        slot[sl + 1] = x;
      }
    }
    // Clear floating-point drift of the cached values now and then (every update is a delta).
    if (round % RECOMPUTE_ROUNDS === 0) for (const st of states) st.recompute();
    if (it >= nextProgress) {
      nextProgress += progressEvery;
      const cold = states[slot[0]];
      cold.recompute();
      yield {
        phase: "search",
        iteration: it,
        elapsedMs: performance.now() - clockStart,
        current: { cross: cold.cross, tie: cold.tie(), moved: cold.moved },
        best: { cross: bc, tie: bt, moved: bm },
        temperature: temps[0],
        replica,
      };
    }
  }
  if (owner >= 0) bestAssign.set(states[owner].assign);
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
