import { compareObjectives } from "./instance.js";
import type { Instance, OptimiseOptions, OptimiseResult } from "./instance.js";
import { optimiseParallel } from "./parallel.js";
import { optimise } from "./search.js";

/** One point of the moves/cross-footprint trade-off. */
export interface FrontierPoint {
  /** The moves limit (Infinity for none). */
  maxMoves: number;
  /** Best cross-footprint count found within the limit (null when no feasible plan was found). */
  cross: number | null;
  /** Units moved by that plan. */
  moved: number;
  result: OptimiseResult;
}

/** The moves limits of `frontier` by default. */
export const FRONTIER_LIMITS = [0, 1, 2, 4, 8, 16, 32, Infinity];

/**
 * The best cross-footprint count found for each moves limit, from the start plan in `opts`. Each
 * limit gets its own search with the same budget; a plan found for a smaller limit also counts for
 * every larger one, so the counts never rise as the limit grows. With `threads: 1` it runs in this
 * thread, otherwise on worker threads; `run` replaces both (the CLI passes a runner with progress).
 * @example
 * const points = await frontier(inst, { start, seed: 1, timeMs: 5_000 });
 * // [{ maxMoves: 0, cross: null, ... }, { maxMoves: 1, cross: 74, ... }, ...]
 */
export async function frontier(
  inst: Instance,
  opts: OptimiseOptions,
  limits: number[] = FRONTIER_LIMITS,
  run?: (inst: Instance, opts: OptimiseOptions) => Promise<OptimiseResult>,
): Promise<FrontierPoint[]> {
  const points: FrontierPoint[] = [];
  let carried: OptimiseResult | null = null;
  for (const maxMoves of [...limits].sort((a, b) => a - b)) {
    const o = { ...opts, maxMoves: Number.isFinite(maxMoves) ? maxMoves : undefined };
    let result = run ? await run(inst, o) : opts.threads === 1 ? optimise(inst, o) : await optimiseParallel(inst, o);
    if (carried && carried.feasible && (!result.feasible || compareObjectives(carried.objective, result.objective) < 0))
      result = carried;
    if (result.feasible) carried = result;
    points.push({ maxMoves, cross: result.feasible ? result.objective.cross : null, moved: result.moved, result });
  }
  return points;
}
