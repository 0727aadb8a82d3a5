import type { State } from "../state.js";
import type { PairTerm, Term, TermName } from "./term.js";

/**
 * The annealing energy: a weighted sum of named terms (lower is better),
 *
 *   sum over terms of (weight * count + tie weight * tie) + moved weight * units moved
 *   + cap penalty * (count above its cap), for each term with a cap,
 *
 * and the key by which plans are ranked: first the weighted counts (`primary`), then the summed
 * tie-breakers, then units moved. Terms are objects (energy/*.ts): adding one is a file and a line
 * in `buildEnergy`. Units moved is kept by the state itself (a start plan is part of the state),
 * so the energy prices it from the state's `moved` and `movedDelta`.
 */
export class Energy {
  readonly terms: Term[];
  /** Weight of a unit moved in the energy (its weight in `primary` plus a tie-breaking weight). */
  readonly wMoved: number;
  /** Weight of a unit moved in `primary`. */
  readonly movedWeight: number;
  /** Soft caps: index of the term and its cap; the energy adds `capPenalty` per unit above it. */
  readonly capTerm: Int32Array;
  readonly capValue: Float64Array;
  readonly capPenalty: number;

  constructor(terms: Term[], movedWeight: number, movedTie: number, caps: { term: number; cap: number }[] = [], capPenalty = 1) {
    this.terms = terms;
    this.movedWeight = movedWeight;
    this.wMoved = movedWeight + movedTie;
    this.capTerm = Int32Array.from(caps, (c) => c.term);
    this.capValue = Float64Array.from(caps, (c) => c.cap);
    this.capPenalty = capPenalty;
  }

  /** The term called `name`, if the energy has one. */
  term(name: TermName): Term | undefined {
    return this.terms.find((t) => t.name === name);
  }

  /**
   * Energy change of moving unit u to `to`, given the change `dm` of units moved. Each term's own
   * change is left in its `dCount`. Nothing changes.
   */
  delta(s: State, u: number, to: number, dm: number): number {
    const terms = this.terms;
    let d = 0;
    for (let i = 0; i < terms.length; i++) d += terms[i].delta(s, u, to);
    d += this.wMoved * dm;
    const caps = this.capTerm;
    for (let i = 0; i < caps.length; i++) {
      const t = terms[caps[i]];
      const cap = this.capValue[i];
      d += this.capPenalty * (Math.max(0, t.count + t.dCount - cap) - Math.max(0, t.count - cap));
    }
    return d;
  }

  /** Moves unit u from `from` to `to` in every term (the state's assignment still says `from`). */
  apply(s: State, u: number, from: number, to: number): void {
    const terms = this.terms;
    for (let i = 0; i < terms.length; i++) terms[i].apply(s, u, from, to);
  }

  recompute(s: State): void {
    for (const t of this.terms) t.recompute(s);
  }

  /** Energy of the state. */
  value(s: State): number {
    let e = 0;
    for (const t of this.terms) e += t.energy();
    return e + this.wMoved * s.moved + this.capExcess() * this.capPenalty;
  }

  /** Total of the counts above their caps (0 when every cap holds). */
  capExcess(): number {
    let x = 0;
    for (let i = 0; i < this.capTerm.length; i++) x += Math.max(0, this.terms[this.capTerm[i]].count - this.capValue[i]);
    return x;
  }

  /** The first part of the ranking key: the weighted counts, units moved included. */
  primary(s: State): number {
    let p = 0;
    for (const t of this.terms) p += t.weight * t.count;
    return p + this.movedWeight * s.moved;
  }

  /** The second part of the ranking key: the terms' tie-breakers, summed. */
  tie(): number {
    let x = 0;
    for (const t of this.terms) x += t.tie;
    return x;
  }

  /** Counts by term name (units moved included). */
  counts(s: State): Partial<Record<TermName, number>> {
    const out: Partial<Record<TermName, number>> = {};
    for (const t of this.terms) out[t.name] = t.count;
    out.moved = s.moved;
    return out;
  }
}

/**
 * The energy's value while units move between two footprints, without touching the state (see
 * SharePair): each term's pair evaluator, the two populations and units moved. One serves every
 * state of a search (their energies have the same terms in the same order).
 */
export class EnergyPair {
  popA = 0;
  popB = 0;
  moved = 0;
  /** People and weight of the units in A (resp. B) that started there; units moved outside A and B. */
  private sameA = 0;
  private sameB = 0;
  private cntA = 0;
  private cntB = 0;
  private movedRest = 0;
  readonly parts: PairTerm[];
  private energy: Energy;
  private fa = 0;
  private fb = 0;
  private units: Int32Array = new Int32Array(0);
  /** 1 when the region's unit i is in A. */
  private readonly inA = new Uint8Array(32);

  constructor(s: State, energy: Energy) {
    this.energy = energy;
    this.parts = energy.terms.map((t) => t.pair(s));
  }

  /** Starts from the state's current plan, for flips of units[0..r) (each in footprint fa or fb). */
  load(s: State, fa: number, fb: number, units: Int32Array, r: number): void {
    this.energy = s.energy;
    this.fa = fa;
    this.fb = fb;
    this.units = units;
    this.popA = s.pop[fa];
    this.popB = s.pop[fb];
    this.moved = s.moved;
    this.sameA = s.popSame[fa];
    this.sameB = s.popSame[fb];
    this.cntA = s.cntSame[fa];
    this.cntB = s.cntSame[fb];
    this.movedRest = s.identity ? s.moved - s.lost(fa, this.popA, this.sameA, this.cntA) - s.lost(fb, this.popB, this.sameB, this.cntB) : 0;
    for (let i = 0; i < r; i++) this.inA[i] = s.assign[units[i]] === fa ? 1 : 0;
    for (const p of this.parts) p.load(s, fa, fb, units, r);
  }

  /** Moves region unit i (units[i] of `load`) to the other footprint. */
  flip(s: State, i: number): void {
    const u = this.units[i];
    const toB = this.inA[i] === 1;
    this.inA[i] = toB ? 0 : 1;
    const parts = this.parts;
    for (let j = 0; j < parts.length; j++) parts[j].flip(s, i, toB);
    const p = s.population[u];
    if (toB) {
      this.popA -= p;
      this.popB += p;
    } else {
      this.popA += p;
      this.popB -= p;
    }
    const st = s.start[u];
    if (st >= 0) {
      const from = toB ? this.fa : this.fb;
      const to = toB ? this.fb : this.fa;
      const w = s.weight[u];
      const d = w * ((to === st ? -1 : 0) + (from === st ? 1 : 0));
      if (s.identity) {
        if (st === this.fa) {
          this.sameA += toB ? -p : p;
          this.cntA += toB ? -w : w;
        } else if (st === this.fb) {
          this.sameB += toB ? p : -p;
          this.cntB += toB ? w : -w;
        }
        this.movedRest += d;
        this.moved = this.movedRest + s.lost(this.fa, this.popA, this.sameA, this.cntA) + s.lost(this.fb, this.popB, this.sameB, this.cntB);
      } else this.moved += d;
    }
  }

  /** Energy of the current split, as Energy.value computes it for a state. */
  value(): number {
    const e = this.energy;
    let v = 0;
    for (const p of this.parts) v += p.energy();
    return v + e.wMoved * this.moved + this.capExcess() * e.capPenalty;
  }

  /** Total of the counts above their caps. */
  capExcess(): number {
    const e = this.energy;
    let x = 0;
    for (let i = 0; i < e.capTerm.length; i++) x += Math.max(0, this.parts[e.capTerm[i]].count - e.capValue[i]);
    return x;
  }

  /** The ranking key's first part for the current split. */
  primary(): number {
    const e = this.energy;
    let p = 0;
    for (let i = 0; i < this.parts.length; i++) p += e.terms[i].weight * this.parts[i].count;
    return p + e.movedWeight * this.moved;
  }

  /** The ranking key's second part for the current split. */
  tie(): number {
    let x = 0;
    for (const p of this.parts) x += p.tie;
    return x;
  }
}
