/**
 * Acceptance rules for the search: given the energy change of a proposed move, keep it or not.
 * They are separate from the moves and the loop so that either can be swapped alone.
 */
export interface Acceptance {
  /** Current temperature (0 for greedy). */
  temperature: number;
  /** True to keep a move that changes the energy by dE. */
  accept(dE: number): boolean;
}

/**
 * Metropolis acceptance for simulated annealing: always keep a move that does not worsen the
 * energy, keep a worsening move with probability exp(-dE / T).
 * @example
 * const acc = annealing(createRng(1), 1.5); acc.temperature = 0.1;
 */
export function annealing(rng: () => number, t0: number): Acceptance {
  return new Metropolis(rng, t0);
}

class Metropolis implements Acceptance {
  temperature: number;
  private readonly rng: () => number;
  constructor(rng: () => number, t: number) {
    this.rng = rng;
    this.temperature = t;
  }
  accept(dE: number): boolean {
    if (dE <= 0) return true;
    const t = this.temperature;
    return t > 0 && this.rng() < Math.exp(-dE / t);
  }
}

/**
 * Temperatures of a parallel-tempering ladder: `count` values spaced geometrically from `cold` to
 * `hot` (coldest first), so that neighbouring replicas overlap in energy and swaps are accepted.
 * @example
 * ladder(0.06, 0.4, 4) // [0.06, 0.113, 0.212, 0.4]
 */
export function ladder(cold: number, hot: number, count: number): number[] {
  const c = Math.max(1, Math.floor(count));
  if (c === 1) return [cold];
  return Array.from({ length: c }, (_, i) => cold * Math.pow(hot / cold, i / (c - 1)));
}
