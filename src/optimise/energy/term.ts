import type { State } from "../state.js";

/** Names of the objective terms, as users spell them in `--weights` and the manifest. */
export type TermName = "cross" | "split" | "moved";

/**
 * One objective term of the energy: an integer figure (`count`, the number reported: providers
 * serving two footprints, split areas, units moved) and an optional continuous tie-breaker (`tie`)
 * that gives the search a gradient on plateaus of the count. Its energy is its own weighted sum.
 *
 * A term keeps whatever it caches up to date from deltas: `delta` prices a single-unit move without
 * changing anything, `apply` makes it (called before the state's assignment changes), and `pair`
 * gives an evaluator for moving units between two footprints without touching the state.
 */
export interface Term {
  readonly name: TermName;
  /** The figure reported for the term. */
  count: number;
  /** Weight of one unit of `count` in the energy and in the ranking of plans. */
  readonly weight: number;
  /** The continuous tie-breaker (0 when the term has none). */
  tie: number;
  /** Change of `count` computed by the last `delta`. */
  dCount: number;
  /** Weighted energy change of moving unit u from its footprint to `to` (nothing changes). */
  delta(s: State, u: number, to: number): number;
  /** Moves unit u from `from` to `to` in the term's caches (s.assign[u] is still `from`). */
  apply(s: State, u: number, from: number, to: number): void;
  /** Recomputes every cached value from the state's assignment (also clears floating-point drift). */
  recompute(s: State): void;
  /** Weighted energy of the current state. */
  energy(): number;
  /**
   * An evaluator of this term for flips between two footprints. One evaluator serves every state
   * of a search: `load` reads the term of the state it is given (at the same index in its energy).
   */
  pair(s: State): PairTerm;
}

/** A term's value while units move between two footprints only, without touching the state. */
export interface PairTerm {
  count: number;
  tie: number;
  /** Starts from the state's current plan, for flips of units[0..r) (each in fa or fb). */
  load(s: State, fa: number, fb: number, units: Int32Array, r: number): void;
  /** Moves region unit i (units[i] of `load`) to the other footprint; toB when it goes from fa to fb. */
  flip(s: State, i: number, toB: boolean): void;
  /** Weighted energy of the current split. */
  energy(): number;
}
