import type { State } from "./state.js";

/** A plan kept by the archive: its figures in the search and its assignment (start numbers). */
export interface ArchivedPlan {
  cross: number;
  split: number;
  moved: number;
  footprints: number;
  tie: number;
  assignment: Int32Array;
}

/**
 * The best plan seen for each combination of split areas and units moved (the frontier's other
 * terms): fewest cross-footprint providers, then the lowest tie-breaker. Offered every state a
 * chain reaches, it keeps a table of (split, moved) cells; a plan is copied only when it improves
 * its cell, so the cost is a lookup per applied move. The frontier is then the non-dominated
 * cells, once measured by `check`.
 */
export class Archive {
  private readonly cross: Float64Array;
  private readonly tie: Float64Array;
  private readonly plans = new Map<number, Int32Array>();
  private readonly maxSplit: number;
  private readonly maxMoved: number;

  /** Cells for split areas 0..maxSplit and units moved 0..maxMoved (others are not kept). */
  constructor(maxSplit: number, maxMoved: number) {
    this.maxSplit = maxSplit;
    this.maxMoved = maxMoved;
    this.cross = new Float64Array((maxSplit + 1) * (maxMoved + 1)).fill(Infinity);
    this.tie = new Float64Array(this.cross.length).fill(Infinity);
  }

  /** Keeps the state's plan if it is the best so far for its (split, moved) cell. */
  offer(s: State): void {
    const e = s.energy;
    const split = e.term("split")?.count ?? 0;
    const moved = s.moved;
    if (split > this.maxSplit || moved > this.maxMoved || e.capExcess() > 0) return;
    const cell = split * (this.maxMoved + 1) + moved;
    const cross = e.terms[0].count;
    const tie = e.terms[0].tie;
    if (cross > this.cross[cell] || (cross === this.cross[cell] && tie >= this.tie[cell] - 1e-12)) return;
    this.cross[cell] = cross;
    this.tie[cell] = tie;
    const copy = this.plans.get(cell);
    if (copy) copy.set(s.assign);
    else this.plans.set(cell, Int32Array.from(s.assign));
  }

  /**
   * The kept plans that no other kept plan dominates (on cross, split and moved), with labels
   * applied, among those `valid` accepts (a chain from a start it could not repair may visit plans
   * outside the bounds).
   */
  entries(labels: number[], valid: (assignment: Int32Array) => boolean = () => true): ArchivedPlan[] {
    const out: ArchivedPlan[] = [];
    for (const [cell, a] of this.plans) {
      if (!valid(a)) continue;
      const split = Math.floor(cell / (this.maxMoved + 1));
      const moved = cell - split * (this.maxMoved + 1);
      out.push({ cross: this.cross[cell], split, moved, footprints: new Set(a).size, tie: this.tie[cell], assignment: Int32Array.from(a, (f) => labels[f]) });
    }
    return nonDominated(out, (p) => [p.cross, p.split, p.moved]);
  }
}

/**
 * The items no other item dominates: another is at least as good on every figure and better on
 * one (lower is better). Of items with equal figures, the first is kept.
 */
export function nonDominated<T>(items: T[], key: (t: T) => number[]): T[] {
  const keys = items.map(key);
  return items.filter((_, i) => {
    for (let j = 0; j < items.length; j++) {
      if (j === i) continue;
      const a = keys[j];
      const b = keys[i];
      let le = true;
      let lt = false;
      for (let d = 0; d < a.length; d++) {
        if (a[d] > b[d]) le = false;
        else if (a[d] < b[d]) lt = true;
      }
      if (le && (lt || j < i)) return false;
    }
    return true;
  });
}
