import type { State } from "./state.js";

/**
 * The objective of a state while units move between two footprints only, without touching the
 * state: the candidate splits of `resplitPair` and `mergeSplit` are visited one flip apart, and
 * each flip here costs a pass over the unit's provider entries with no top-two bookkeeping.
 *
 * For every provider p with activity in the region, the shares outside the two footprints A and B
 * are constant, so they are summarised once by `load`: the number of other footprints at or above
 * the threshold t (`co`), their excess sum of (share - t)+ (`eo`) and their largest share (`mo`).
 * With sA, sB the shares in A and B, p is cross-footprint when co + [sA >= t] + [sB >= t] >= 2, and
 * then its excess (see State) is eo + (sA - t)+ + (sB - t)+ - (max(mo, sA, sB) - t); otherwise 0.
 * The totals are the state's values plus the change of each touched provider's term.
 */
export class TwoWay {
  /** Objective of the current split: the state's values with the flips so far. */
  cross = 0;
  excess = 0;
  herf = 0;
  moved = 0;
  popA = 0;
  popB = 0;
  private fa = 0;
  private fb = 0;
  /** Local provider index of each unit-major provider entry of the region's units. */
  private readonly entLocal: Int32Array;
  /** Local index per provider (-1 outside the region), and the providers of the region. */
  private readonly local: Int32Array;
  private readonly provs: Int32Array;
  private units: Int32Array = new Int32Array(0);
  private readonly sA: Float64Array;
  private readonly sB: Float64Array;
  private readonly co: Int32Array;
  private readonly eo: Float64Array;
  private readonly mo: Float64Array;
  /** The provider's current terms of the cross count and the excess. */
  private readonly termCross: Uint8Array;
  private readonly termExcess: Float64Array;
  /** 1 when the unit is in A (by region index), as `load` found it and flips changed it. */
  private readonly inA: Uint8Array;

  constructor(s: State) {
    this.entLocal = new Int32Array(s.uProv.length);
    this.local = new Int32Array(s.P).fill(-1);
    this.provs = new Int32Array(s.P);
    this.sA = new Float64Array(s.P);
    this.sB = new Float64Array(s.P);
    this.co = new Int32Array(s.P);
    this.eo = new Float64Array(s.P);
    this.mo = new Float64Array(s.P);
    this.termCross = new Uint8Array(s.P);
    this.termExcess = new Float64Array(s.P);
    this.inA = new Uint8Array(32);
  }

  /**
   * Starts from the state's current plan, for flips of `units[0..r)` (each in footprint fa or fb).
   */
  load(s: State, fa: number, fb: number, units: Int32Array, r: number): void {
    const { k, P, share, thr: t, uOff, uProv, assign } = s;
    const { entLocal, local, provs, sA, sB, co, eo, mo } = this;
    this.fa = fa;
    this.fb = fb;
    this.cross = s.cross;
    this.excess = s.excess;
    this.herf = s.herf;
    this.moved = s.moved;
    this.popA = s.pop[fa];
    this.popB = s.pop[fb];
    let count = 0;
    for (let i = 0; i < r; i++) {
      const u = units[i];
      this.inA[i] = assign[u] === fa ? 1 : 0;
      for (let e = uOff[u]; e < uOff[u + 1]; e++) {
        const p = uProv[e];
        let l = local[p];
        if (l < 0) {
          l = count++;
          local[p] = l;
          provs[l] = p;
          let c = 0;
          let x = 0;
          let m = 0;
          for (let f = 0; f < k; f++) {
            if (f === fa || f === fb) continue;
            const a = share[f * P + p];
            if (a >= t) {
              c++;
              x += a - t;
            }
            if (a > m) m = a;
          }
          co[l] = c;
          eo[l] = x;
          mo[l] = m;
          sA[l] = share[fa * P + p];
          sB[l] = share[fb * P + p];
          this.term(l, t);
        }
        entLocal[e] = l;
      }
    }
    for (let l = 0; l < count; l++) local[provs[l]] = -1;
    this.units = units;
  }

  /** Sets the provider's cross and excess terms from its shares. */
  private term(l: number, t: number): void {
    const a = this.sA[l];
    const b = this.sB[l];
    const c = this.co[l] + (a >= t ? 1 : 0) + (b >= t ? 1 : 0);
    if (c < 2) {
      this.termCross[l] = 0;
      this.termExcess[l] = 0;
      return;
    }
    let m = this.mo[l];
    if (a > m) m = a;
    if (b > m) m = b;
    this.termCross[l] = 1;
    this.termExcess[l] = this.eo[l] + (a > t ? a - t : 0) + (b > t ? b - t : 0) - (m - t);
  }

  /** Moves region unit i (units[i] of `load`) to the other footprint. */
  flip(s: State, i: number): void {
    const u = this.units[i];
    const toB = this.inA[i] === 1;
    this.inA[i] = toB ? 0 : 1;
    const t = s.thr;
    const { entLocal, sA, sB, co, termCross, termExcess } = this;
    const { uOff, uShare } = s;
    let dCross = 0;
    let dExcess = 0;
    let dHerf = 0;
    for (let e = uOff[u], end = uOff[u + 1]; e < end; e++) {
      const l = entLocal[e];
      const v = toB ? uShare[e] : -uShare[e];
      const a = sA[l];
      const b = sB[l];
      const na = a - v;
      const nb = b + v;
      sA[l] = na;
      sB[l] = nb;
      dHerf += v * (v + b - a);
      // A provider with no cell at or above t, before or after, keeps terms of 0.
      if (co[l] === 0 && a < t && b < t && na < t && nb < t) continue;
      const c0 = termCross[l];
      const x0 = termExcess[l];
      this.term(l, t);
      dCross += termCross[l] - c0;
      dExcess += termExcess[l] - x0;
    }
    this.cross += dCross;
    this.excess += dExcess;
    this.herf += 2 * dHerf;
    const p = s.inst.population[u];
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
      this.moved += (to === st ? -1 : 0) + (from === st ? 1 : 0);
    }
  }

  /** Annealing energy of the current split, as `energy` in moves.ts computes it for a state. */
  energy(wTie: number, wSpread: number, wMoved: number): number {
    return this.cross + wTie * this.excess - wSpread * this.herf + wMoved * this.moved;
  }
}
