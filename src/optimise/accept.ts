/**
 * Acceptance rules for the search: given the energy change of a proposed move, keep it or not.
 * They are separate from the moves and the loop so that either can be swapped alone: `search`
 * takes a factory of them (`acceptance` in its options).
 */
export interface Acceptance {
  /** Current temperature (0 for greedy). */
  temperature: number;
  /** True to keep a move that changes the energy by dE. */
  accept(dE: number): boolean;
}

/** Makes the acceptance rule of a search from its random number generator and first temperature. */
export type AcceptanceFactory = (rng: () => number, temperature: number) => Acceptance;

/**
 * Metropolis acceptance for simulated annealing: always keep a move that does not worsen the
 * energy, keep a worsening move with probability exp(-dE / T).
 * @example
 * const acc = annealing(createRng(1), 1.5); acc.temperature = 0.1;
 */
export const annealing: AcceptanceFactory = (rng, t0) => new Metropolis(rng, t0);

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
 * Threshold acceptance (Dueck and Scheuer): keep a move unless it worsens the energy by more than
 * the temperature, with no random draw. An alternative to `annealing` for `search`.
 */
export const threshold: AcceptanceFactory = (_rng, t0) => ({
  temperature: t0,
  accept(dE: number) {
    return dE <= this.temperature;
  },
});
