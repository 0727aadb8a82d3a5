import type { State } from "../state.js";
import type { PairTerm, Term, TermName } from "./term.js";

/** Groups' activity spread over units, group-major CSR: entries of group g are [offsets[g], offsets[g+1]). */
export interface GroupEntries {
  offsets: Int32Array;
  unit: Int32Array;
  value: Float64Array;
  /** Total per group (it may include activity outside the units: shares are value / total). */
  total: Float64Array;
}

/** Weights of a share term's energy: `count * w + tie * excess - spread * sum of squared shares`. */
export interface ShareWeights {
  count: number;
  tie: number;
  spread: number;
}

/**
 * A term counting the groups (hospital providers, local authorities) that two or more footprints
 * each hold at least `thr` of: `cross` counts cross-footprint providers, `split` split areas. The
 * same bookkeeping serves both: per footprint and group, the share of the group held there.
 *
 * Invariants (checked by `recompute` in tests), with G groups and k footprint slots:
 * - share[f * G + g] = share of group g's total in footprint f (footprint-major: a move reads and
 *   writes two rows, `from` and `to`, at the unit's groups in increasing order);
 * - above[g] = number of footprints f with share[f * G + g] >= thr; count = groups with above >= 2;
 * - unless stale[g]: max1[g] = largest share of g, in footprint arg1[g]; max2[g] = largest share
 *   among the others (kept lazily: only counted groups need them);
 * - excess = sum over groups of (sum over f of (share - thr)+) - (max1 - thr)+: the share above the
 *   threshold held outside each group's largest footprint (0 exactly for a group not counted, and
 *   continuous as a share crosses the threshold), the term's tie-breaker;
 * - herf = sum over groups of sum over f of share^2.
 *
 * Shares rather than raw values keep the hot loop lean: the threshold is one constant and a unit's
 * entries are read sequentially (group and share); only the two footprints' rows are touched.
 */
export class ShareTerm implements Term {
  readonly name: TermName;
  readonly k: number;
  /** Number of groups. */
  readonly G: number;
  readonly share: Float64Array;
  readonly above: Int32Array;
  readonly max1: Float64Array;
  readonly max2: Float64Array;
  readonly arg1: Int32Array;
  /** 1 when max1/max2/arg1 of a group are stale (recomputed on demand, for counted groups only). */
  readonly stale: Uint8Array;
  /** The share threshold (at least 1e-12, so that an empty footprint never counts). */
  readonly thr: number;
  /** Unit-major entries: those of unit u are [uOff[u], uOff[u+1]), in increasing group order. */
  readonly uOff: Int32Array;
  readonly uGrp: Int32Array;
  readonly uShare: Float64Array;
  /** Groups with a positive total. */
  readonly activeCount: number;
  readonly w: ShareWeights;
  count = 0;
  excess = 0;
  herf = 0;
  /** Outputs of `delta`. */
  dCount = 0;
  dExcess = 0;
  dHerf = 0;

  constructor(name: TermName, n: number, k: number, groups: GroupEntries, threshold: number, w: ShareWeights) {
    this.name = name;
    this.k = k;
    this.w = w;
    const G = groups.total.length;
    this.G = G;
    this.share = new Float64Array(G * k);
    this.above = new Int32Array(G);
    this.max1 = new Float64Array(G);
    this.max2 = new Float64Array(G);
    this.arg1 = new Int32Array(G);
    this.stale = new Uint8Array(G);
    this.thr = Math.max(threshold, 1e-12);
    // Transpose to unit-major, skipping zero entries (they change nothing) and groups without a
    // positive total (they can never count).
    const count = new Int32Array(n + 1);
    const usable = (g: number, e: number) => groups.total[g] > 0 && groups.value[e] !== 0;
    let active = 0;
    for (let g = 0; g < G; g++) {
      if (groups.total[g] > 0) active++;
      for (let e = groups.offsets[g]; e < groups.offsets[g + 1]; e++) if (usable(g, e)) count[groups.unit[e] + 1]++;
    }
    this.activeCount = active;
    for (let u = 0; u < n; u++) count[u + 1] += count[u];
    this.uOff = Int32Array.from(count);
    this.uGrp = new Int32Array(count[n]);
    this.uShare = new Float64Array(count[n]);
    const fill = Int32Array.from(count);
    for (let g = 0; g < G; g++)
      for (let e = groups.offsets[g]; e < groups.offsets[g + 1]; e++) {
        if (!usable(g, e)) continue;
        const i = fill[groups.unit[e]]++;
        this.uGrp[i] = g;
        this.uShare[i] = groups.value[e] / groups.total[g];
      }
  }

  get tie(): number {
    return this.excess;
  }

  get weight(): number {
    return this.w.count;
  }

  recompute(s: State): void {
    const { k, G, share, above, thr, uOff, uGrp, uShare } = this;
    const { n, assign } = s;
    share.fill(0);
    for (let u = 0; u < n; u++) {
      const row = assign[u] * G;
      for (let e = uOff[u]; e < uOff[u + 1]; e++) share[row + uGrp[e]] += uShare[e];
    }
    let count = 0;
    let herf = 0;
    let excess = 0;
    for (let g = 0; g < G; g++) {
      let c = 0;
      for (let f = 0; f < k; f++) {
        const a = share[f * G + g];
        if (a >= thr) {
          c++;
          excess += a - thr;
        }
        herf += a * a;
      }
      above[g] = c;
      if (c >= 2) count++;
      this.rescan(g);
      if (this.max1[g] > thr) excess -= this.max1[g] - thr;
    }
    this.count = count;
    this.herf = herf;
    this.excess = excess;
  }

  /** Recomputes max1, arg1 and max2 of group g from its row. */
  rescan(g: number): void {
    const { k, G, share } = this;
    let m1 = -Infinity;
    let m2 = -Infinity;
    let i1 = 0;
    for (let f = 0, i = g; f < k; f++, i += G) {
      const a = share[i];
      if (a > m1) {
        m2 = m1;
        m1 = a;
        i1 = f;
      } else if (a > m2) m2 = a;
    }
    this.max1[g] = m1;
    this.max2[g] = k > 1 ? m2 : 0;
    this.arg1[g] = i1;
    this.stale[g] = 0;
  }

  energy(): number {
    return this.w.count * this.count + this.w.tie * this.excess - this.w.spread * this.herf;
  }

  /**
   * Energy change of moving unit u to footprint `to`; also sets dCount, dExcess and dHerf. Only the
   * groups active in u change, and for each only two cells of its row: the footprint u leaves
   * (share a) and the one it joins (share b). Allocates nothing.
   *
   * With v the unit's share of the group:
   * - the squared-share sum changes by (a - v)^2 - a^2 + (b + v)^2 - b^2 = 2v(v + b - a);
   * - nothing about the threshold changes unless a >= t or b + v >= t (both cells stay below it);
   * - a cell crosses the threshold only when (a - t)(a - t - v) <= 0 (resp. (b - t)(b - t + v) <= 0),
   *   a test that is almost always false, so the exact recount behind it rarely runs;
   * - the excess of a group is 0 unless it is counted before or after; its new largest share is
   *   found from the cached top two (if u leaves the largest cell, the new largest is
   *   max(a - v, b + v, second largest)).
   */
  delta(s: State, u: number, to: number): number {
    const from = s.assign[u];
    const share = this.share;
    const t = this.thr;
    const uShare = this.uShare;
    const uGrp = this.uGrp;
    const rowA = from * this.G;
    const rowB = to * this.G;
    const above = this.above;
    const stale = this.stale;
    const max1 = this.max1;
    const max2 = this.max2;
    const arg1 = this.arg1;
    let dCount = 0;
    let dExcess = 0;
    let dHerf = 0;
    for (let e = this.uOff[u], end = this.uOff[u + 1]; e < end; e++) {
      const g = uGrp[e];
      const v = uShare[e];
      const a = share[rowA + g];
      const b = share[rowB + g];
      dHerf += v * (v + b - a);
      const nb = b + v;
      if (a < t && nb < t) continue;
      const c0 = above[g];
      const da = a - t;
      const db = b - t;
      const na = a - v;
      let c1 = c0;
      if (da * (da - v) <= 0 || db * (db + v) <= 0) {
        c1 = c0 - (a >= t ? 1 : 0) + (na >= t ? 1 : 0) - (b >= t ? 1 : 0) + (nb >= t ? 1 : 0);
        dCount += (c1 >= 2 ? 1 : 0) - (c0 >= 2 ? 1 : 0);
      } else if (c0 < 2) continue;
      if (c0 < 2 && c1 < 2) continue;
      if (stale[g]) this.rescan(g);
      const m1 = max1[g];
      const i1 = arg1[g];
      let nm: number;
      if (i1 === from) {
        nm = na > nb ? na : nb;
        const m2 = max2[g];
        if (m2 > nm) nm = m2;
      } else if (i1 === to) nm = nb;
      else nm = nb > m1 ? nb : m1;
      dExcess +=
        (na > t ? na - t : 0) - (a > t ? da : 0) + (nb > t ? nb - t : 0) - (b > t ? db : 0) -
        ((nm > t ? nm - t : 0) - (m1 > t ? m1 - t : 0));
    }
    this.dCount = dCount;
    this.dExcess = dExcess;
    this.dHerf = 2 * dHerf;
    const w = this.w;
    return w.count * dCount + w.tie * dExcess - w.spread * this.dHerf;
  }

  /** Moves unit u from `from` to `to` and updates every cached value from deltas. */
  apply(_s: State, u: number, from: number, to: number): void {
    const share = this.share;
    const t = this.thr;
    const above = this.above;
    const max1 = this.max1;
    const max2 = this.max2;
    const arg1 = this.arg1;
    const uGrp = this.uGrp;
    const uShare = this.uShare;
    const rowA = from * this.G;
    const rowB = to * this.G;
    let count = this.count;
    let excess = this.excess;
    let dHerf = 0;
    for (let e = this.uOff[u], end = this.uOff[u + 1]; e < end; e++) {
      const g = uGrp[e];
      const v = uShare[e];
      const a = share[rowA + g];
      const b = share[rowB + g];
      dHerf += v * (v + b - a);
      const na = a - v;
      const nb = b + v;
      const c0 = above[g];
      let c1 = c0;
      if (a >= t || nb >= t) {
        const da = a - t;
        const db = b - t;
        if (da * (da - v) <= 0 || db * (db + v) <= 0) {
          c1 = c0 - (a >= t ? 1 : 0) + (na >= t ? 1 : 0) - (b >= t ? 1 : 0) + (nb >= t ? 1 : 0);
          count += (c1 >= 2 ? 1 : 0) - (c0 >= 2 ? 1 : 0);
          above[g] = c1;
        }
      }
      // The top two shares matter only for counted groups (the excess, targeted re-splits): for
      // any other group they are marked stale, to be rescanned if it turns counted. When both cells
      // stay below the threshold, a counted group's top two (both at least t) and its excess are
      // unchanged.
      const counted = c0 >= 2 || c1 >= 2;
      if (!counted || (a < t && nb < t)) {
        if (!counted) this.stale[g] = 1;
        share[rowA + g] = na;
        share[rowB + g] = nb;
        continue;
      }
      if (this.stale[g]) this.rescan(g);
      const m1 = max1[g];
      share[rowA + g] = na;
      share[rowB + g] = nb;
      // Largest and second-largest share of the row, updated when cheap, else marked stale.
      // Only the cells `from` (down to na) and `to` (up to nb) change; every other cell is at most
      // max2. The top two are known again unless the old second cell (index not kept) may be needed.
      if (!this.stale[g]) {
        const i1 = arg1[g];
        const m2 = max2[g];
        if (i1 === from) {
          if (na >= nb) {
            if (na >= m2) {
              max1[g] = na;
              if (nb > m2) max2[g] = nb;
            } else this.stale[g] = 1;
          } else if (nb >= m2 && (b < m2 || na >= m2)) {
            max1[g] = nb;
            arg1[g] = to;
            max2[g] = na > m2 ? na : m2;
          } else this.stale[g] = 1;
        } else if (a >= m2) {
          // `from` may hold the second largest share: known again only if `to` now beats it.
          if (i1 !== to && nb >= a) {
            if (nb > m1) {
              max2[g] = m1;
              max1[g] = nb;
              arg1[g] = to;
            } else max2[g] = nb;
          } else this.stale[g] = 1;
        } else if (i1 === to) max1[g] = nb;
        else if (nb > m1) {
          max2[g] = m1;
          max1[g] = nb;
          arg1[g] = to;
        } else if (nb > m2) max2[g] = nb;
      }
      if (this.stale[g]) this.rescan(g);
      const nm = max1[g];
      excess +=
        (na > t ? na - t : 0) - (a > t ? a - t : 0) + (nb > t ? nb - t : 0) - (b > t ? b - t : 0) -
        ((nm > t ? nm - t : 0) - (m1 > t ? m1 - t : 0));
    }
    this.count = count;
    this.excess = excess;
    this.herf += 2 * dHerf;
  }

  pair(s: State): SharePair {
    return new SharePair(this, s.energy.terms.indexOf(this));
  }

  /**
   * Sets pair[0], pair[1] to the largest footprint of a random counted group and another footprint
   * holding at least the threshold share of it (a footprint pair whose re-split may uncount it), or
   * leaves them -1 when 32 draws find none.
   * @returns the group, or -1
   */
  pickCountedPair(r: () => number, pair: Int32Array): number {
    const G = this.G;
    if (this.count === 0 || G === 0) return -1;
    for (let tries = 0; tries < 32; tries++) {
      const g = Math.floor(r() * G);
      if (this.above[g] < 2) continue;
      if (this.stale[g]) this.rescan(g);
      const f1 = this.arg1[g];
      let pick = -1;
      let seen = 0;
      for (let f = 0; f < this.k; f++)
        if (f !== f1 && this.share[f * G + g] >= this.thr && r() * ++seen < 1) pick = f;
      if (pick < 0) continue;
      pair[0] = f1;
      pair[1] = pick;
      return g;
    }
    return -1;
  }
}

/**
 * A share term's value while units move between two footprints A and B only, without touching the
 * term: the candidate splits of re-splits and relocations are visited one flip apart, and each flip
 * here costs a pass over the unit's entries with no top-two bookkeeping.
 *
 * For every group g with activity in the region, the shares outside A and B are constant, so they
 * are summarised once by `load`: the number of other footprints at or above the threshold t (`co`),
 * their excess sum of (share - t)+ (`eo`) and their largest share (`mo`). With sA, sB the shares in
 * A and B, g counts when co + [sA >= t] + [sB >= t] >= 2, and then its excess is
 * eo + (sA - t)+ + (sB - t)+ - (max(mo, sA, sB) - t); otherwise 0. The totals are the term's values
 * plus the change of each touched group's part.
 */
export class SharePair implements PairTerm {
  count = 0;
  excess = 0;
  herf = 0;
  /** The term of the state being evaluated (set by `load`: one evaluator serves every state). */
  private t: ShareTerm;
  private readonly index: number;
  /** Local group index of each unit-major entry of the region's units. */
  private readonly entLocal: Int32Array;
  /** Local index per group (-1 outside the region), and the groups of the region. */
  private readonly local: Int32Array;
  private readonly grps: Int32Array;
  private units: Int32Array = new Int32Array(0);
  private readonly sA: Float64Array;
  private readonly sB: Float64Array;
  private readonly co: Int32Array;
  private readonly eo: Float64Array;
  private readonly mo: Float64Array;
  /** The group's current parts of the count and the excess. */
  private readonly partCount: Uint8Array;
  private readonly partExcess: Float64Array;

  constructor(term: ShareTerm, index: number) {
    this.t = term;
    this.index = index;
    const G = term.G;
    this.entLocal = new Int32Array(term.uGrp.length);
    this.local = new Int32Array(G).fill(-1);
    this.grps = new Int32Array(G);
    this.sA = new Float64Array(G);
    this.sB = new Float64Array(G);
    this.co = new Int32Array(G);
    this.eo = new Float64Array(G);
    this.mo = new Float64Array(G);
    this.partCount = new Uint8Array(G);
    this.partExcess = new Float64Array(G);
  }

  get tie(): number {
    return this.excess;
  }

  load(s: State, fa: number, fb: number, units: Int32Array, r: number): void {
    const term = s.energy.terms[this.index] as ShareTerm;
    this.t = term;
    const { k, G, share, thr: t, uOff, uGrp } = term;
    const { entLocal, local, grps, sA, sB, co, eo, mo } = this;
    this.count = term.count;
    this.excess = term.excess;
    this.herf = term.herf;
    let count = 0;
    for (let i = 0; i < r; i++) {
      const u = units[i];
      for (let e = uOff[u]; e < uOff[u + 1]; e++) {
        const g = uGrp[e];
        let l = local[g];
        if (l < 0) {
          l = count++;
          local[g] = l;
          grps[l] = g;
          let c = 0;
          let x = 0;
          let m = 0;
          for (let f = 0; f < k; f++) {
            if (f === fa || f === fb) continue;
            const a = share[f * G + g];
            if (a >= t) {
              c++;
              x += a - t;
            }
            if (a > m) m = a;
          }
          co[l] = c;
          eo[l] = x;
          mo[l] = m;
          sA[l] = share[fa * G + g];
          sB[l] = share[fb * G + g];
          this.part(l, t);
        }
        entLocal[e] = l;
      }
    }
    for (let l = 0; l < count; l++) local[grps[l]] = -1;
    this.units = units;
  }

  /** Sets the group's count and excess parts from its shares. */
  private part(l: number, t: number): void {
    const a = this.sA[l];
    const b = this.sB[l];
    const c = this.co[l] + (a >= t ? 1 : 0) + (b >= t ? 1 : 0);
    if (c < 2) {
      this.partCount[l] = 0;
      this.partExcess[l] = 0;
      return;
    }
    let m = this.mo[l];
    if (a > m) m = a;
    if (b > m) m = b;
    this.partCount[l] = 1;
    this.partExcess[l] = this.eo[l] + (a > t ? a - t : 0) + (b > t ? b - t : 0) - (m - t);
  }

  flip(_s: State, i: number, toB: boolean): void {
    const u = this.units[i];
    const term = this.t;
    const t = term.thr;
    const { entLocal, sA, sB, co, partCount, partExcess } = this;
    const { uOff, uShare } = term;
    let dCount = 0;
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
      // A group with no cell at or above t, before or after, keeps parts of 0.
      if (co[l] === 0 && a < t && b < t && na < t && nb < t) continue;
      const c0 = partCount[l];
      const x0 = partExcess[l];
      this.part(l, t);
      dCount += partCount[l] - c0;
      dExcess += partExcess[l] - x0;
    }
    this.count += dCount;
    this.excess += dExcess;
    this.herf += 2 * dHerf;
  }

  energy(): number {
    const w = this.t.w;
    return w.count * this.count + w.tie * this.excess - w.spread * this.herf;
  }
}
