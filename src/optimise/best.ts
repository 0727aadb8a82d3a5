import { better } from "./moves.js";
import type { State } from "./state.js";

/**
 * The best plan seen by a set of chains, ranked by `better` (units above the caps, then the
 * weighted counts, then the tie-breakers, then units moved). It is copied lazily: `owner` is the
 * chain whose state holds it (or -1 once copied), and the copy is taken only when that state moves
 * away from it, so a chain improving step after step costs no copying.
 */
export class BestTracker {
  readonly assign: Int32Array;
  /** Ranking key of the best plan: cap excess, weighted counts, tie-breakers, units moved. */
  x = Infinity;
  p = Infinity;
  t = Infinity;
  m = Infinity;
  /** Index of the state holding the best plan, or -1 when `assign` holds it. */
  owner = -1;
  /** Counts of the best plan's cross-footprint providers and split areas (when measured). */
  cross = Infinity;
  split: number | undefined = undefined;
  private readonly states: State[];

  constructor(states: State[]) {
    this.states = states;
    this.assign = Int32Array.from(states[0].assign);
  }

  /** Takes state i as the best if it ranks before the best so far. */
  offer(i: number): boolean {
    const s = this.states[i];
    const e = s.energy;
    const x = e.capExcess();
    const p = e.primary(s);
    const t = e.tie();
    if (!better(x, p, t, s.moved, this.x, this.p, this.t, this.m)) return false;
    this.x = x;
    this.p = p;
    this.t = t;
    this.m = s.moved;
    this.owner = i;
    this.cross = e.terms[0].count;
    this.split = e.term("split")?.count;
    return true;
  }

  /**
   * After state i moved unit u (from footprint `from`): it becomes the best if it ranks first, and
   * if it held the best plan and no longer does, the plan before the move is copied.
   */
  afterFlip(i: number, u: number, from: number): void {
    if (this.offer(i)) return;
    if (this.owner === i) {
      this.assign.set(this.states[i].assign);
      this.assign[u] = from;
      this.owner = -1;
    }
  }

  /** Before state i changes in several steps: copies the best plan if that state holds it. */
  release(i: number): void {
    if (this.owner === i) {
      this.assign.set(this.states[i].assign);
      this.owner = -1;
    }
  }

  /** The best plan (copied out of its state if needed). */
  plan(): Int32Array {
    if (this.owner >= 0) this.release(this.owner);
    return this.assign;
  }
}
