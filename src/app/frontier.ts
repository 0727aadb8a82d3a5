import { nonDominated } from "../optimise/archive.js";
import type { OptimiseOptions, OptimiseResult } from "../optimise/instance.js";

/** One searched setting of the frontier: caps on split areas and units moved, and a footprint count. */
export interface FrontierSetting {
  maxSplitAreas?: number;
  maxMoves?: number;
  footprints?: { min: number; max: number };
}

/**
 * The settings the frontier searches: every combination of a cap on split areas (none, the
 * start's count, half of it, none at all split) when areas are given, a cap on units moved (none,
 * 32, 16, 8) when there is a start, and each footprint count of a range. Each run also archives
 * the best plan it meets for every (split, moved) cell, so the frontier holds points between the
 * caps too. At most `maxRuns` settings: the moved caps thin out first.
 */
export function frontierSettings(o: { startSplit: number | null; hasStart: boolean; counts: number[] | null; maxRuns?: number }): FrontierSetting[] {
  const split: (number | undefined)[] = [undefined];
  if (o.startSplit !== null) for (const c of [o.startSplit, Math.ceil(o.startSplit / 2), 0]) if (!split.includes(c)) split.push(c);
  let moved: (number | undefined)[] = o.hasStart ? [undefined, 32, 16, 8] : [undefined];
  const counts: ({ min: number; max: number } | undefined)[] = o.counts ? o.counts.map((c) => ({ min: c, max: c })) : [undefined];
  const maxRuns = o.maxRuns ?? 24;
  while (split.length * moved.length * counts.length > maxRuns && moved.length > 1) moved = moved.filter((_, i) => i !== moved.length - 1);
  const out: FrontierSetting[] = [];
  for (const footprints of counts) for (const maxSplitAreas of split) for (const maxMoves of moved) out.push({ maxSplitAreas, maxMoves, footprints });
  return out;
}

/** A candidate plan of the frontier, with its figures as `check` measures them. */
export interface FrontierCandidate<T> {
  plan: T;
  crossFootprintProviders: number;
  splitAreas: number | null;
  unitsMoved: number;
  footprints: number;
  valid: boolean;
}

/**
 * Runs every setting (the budget shared equally) with an archive, and returns the plans found:
 * each run's best and its archive, as assignments in start numbers.
 */
export async function searchFrontier(
  base: OptimiseOptions,
  settings: FrontierSetting[],
  archive: { maxSplit: number; maxMoved: number },
  run: (opts: OptimiseOptions) => Promise<OptimiseResult>,
): Promise<{ plans: Int32Array[]; last: OptimiseResult; iterations: number; evaluated: number; elapsedMs: number; movesPerSecond: number }> {
  const plans: Int32Array[] = [];
  let last: OptimiseResult | null = null;
  let iterations = 0;
  let evaluated = 0;
  let elapsedMs = 0;
  let rate = 0;
  let runs = 0;
  for (const s of settings) {
    if (base.stop && Atomics.load(base.stop, 0)) break;
    const opts: OptimiseOptions = {
      ...base,
      maxMoves: s.maxMoves ?? base.maxMoves,
      footprints: s.footprints ?? base.footprints,
      objective: {
        ...base.objective,
        measure: archive.maxSplit > 0 ? ["split"] : undefined,
        caps: s.maxSplitAreas !== undefined ? { split: s.maxSplitAreas } : base.objective?.caps,
      },
      archive,
      iterations: base.iterations === undefined ? undefined : Math.max(1, Math.floor(base.iterations / settings.length)),
      timeMs: base.timeMs === undefined ? undefined : base.timeMs / settings.length,
    };
    const r = await run(opts);
    last = r;
    iterations += r.iterations;
    evaluated += r.evaluated;
    elapsedMs += r.elapsedMs;
    rate += r.movesPerSecond;
    runs++;
    plans.push(r.assignment);
    for (const a of r.archive ?? []) plans.push(a.assignment);
  }
  if (!last) throw new Error("the frontier ran no setting");
  return { plans, last, iterations, evaluated, elapsedMs, movesPerSecond: rate / runs };
}

/**
 * The frontier: the valid candidates no other valid candidate dominates on the figures in use
 * (cross-footprint providers always; split areas with areas, units moved with a start, footprints
 * with a count range), one per distinct set of figures, ordered by cross-footprint providers.
 */
export function frontierOf<T>(candidates: FrontierCandidate<T>[], use: { split: boolean; moved: boolean; count: boolean }): FrontierCandidate<T>[] {
  const key = (c: FrontierCandidate<T>) => [c.crossFootprintProviders, ...(use.split ? [c.splitAreas ?? 0] : []), ...(use.moved ? [c.unitsMoved] : []), ...(use.count ? [c.footprints] : [])];
  const valid = candidates.filter((c) => c.valid);
  return nonDominated(valid, key).sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i] - kb[i];
    return 0;
  });
}
