/** When the search's occasional moves run, in rounds (a round is BATCH proposals per state). */
export interface Schedule {
  /** Rounds between two pair re-splits (0: never). */
  resplitRounds: number;
  /** Rounds between two footprint relocations (0: never). */
  mergeSplitRounds: number;
  /** Rounds between two full recomputations of the cached values (floating-point drift). */
  recomputeRounds: number;
}

/** Proposals per state in one round. */
export const BATCH = 1024;

/**
 * The schedule for a search: re-splits every `resplitEvery` proposals and relocations every
 * `mergeSplitEvery` (per state), rounded to whole rounds; 0 turns one off.
 */
export function schedule(resplitEvery: number, mergeSplitEvery: number, recomputeRounds = 64): Schedule {
  return {
    resplitRounds: resplitEvery > 0 ? Math.max(1, Math.round(resplitEvery / BATCH)) : 0,
    mergeSplitRounds: mergeSplitEvery > 0 ? Math.max(1, Math.round(mergeSplitEvery / BATCH)) : 0,
    recomputeRounds,
  };
}

/** True when a move with this period runs in round `round`. */
export function due(period: number, round: number): boolean {
  return period > 0 && round % period === 0;
}
