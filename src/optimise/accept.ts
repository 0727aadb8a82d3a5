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

/** Greedy descent: keeps moves that do not make the energy worse (sideways moves drift on plateaus). */
export function greedy(): Acceptance {
  return { temperature: 0, accept: (dE) => dE <= 0 };
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
 * Temperature at `progress` in [0, 1) of a run cooled in `cycles` geometric sweeps from t0 to t1
 * (a reheat at the start of each cycle): T = t0 * (t1 / t0)^x, x the progress within the cycle.
 */
export function temperatureAt(progress: number, t0: number, t1: number, cycles: number): number {
  const c = Math.max(1, Math.floor(cycles));
  let x = progress * c;
  x -= Math.floor(x);
  return t0 * Math.pow(t1 / t0, x);
}
