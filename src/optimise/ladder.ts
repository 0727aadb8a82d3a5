import type { State } from "./state.js";

/**
 * A parallel-tempering ladder: temperatures from cold to hot, and which state sits at each.
 * Neighbouring temperatures T1 < T2 swap their states with probability
 * min(1, exp((1/T1 - 1/T2)(E1 - E2))), so a plan stuck in a local minimum is reheated and a good
 * one drifts to the cold end.
 */
export class Ladder {
  readonly temps: number[];
  /** slot -> index in the states of the plan at temperature temps[slot]. */
  readonly slot: Int32Array;

  constructor(temps: number[]) {
    this.temps = temps;
    this.slot = Int32Array.from({ length: temps.length }, (_, i) => i);
  }

  /** Proposes a swap between every pair of neighbouring temperatures, hottest pair first. */
  exchange(states: State[], rng: () => number): void {
    const { temps, slot } = this;
    for (let sl = temps.length - 2; sl >= 0; sl--) {
      const a = states[slot[sl]];
      const b = states[slot[sl + 1]];
      const d = (1 / temps[sl] - 1 / temps[sl + 1]) * (a.energy.value(a) - b.energy.value(b));
      if (d >= 0 || rng() < Math.exp(d)) {
        const x = slot[sl];
        slot[sl] = slot[sl + 1];
        slot[sl + 1] = x;
      }
    }
  }

  /** The state at the coldest temperature. */
  coldest(states: State[]): State {
    return states[this.slot[0]];
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
