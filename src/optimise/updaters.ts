import type { State } from "./state.js";

/**
 * Objective change of moving unit u to footprint `to`, written to s.dCross, s.dExcess and s.dHerf.
 * Only the providers active in u change, and for each only two cells of its row: the
 * footprint u leaves (share a) and the one it joins (share b). Allocates nothing.
 *
 * With v the unit's share of the provider:
 * - the squared-share sum changes by (a - v)^2 - a^2 + (b + v)^2 - b^2 = 2v(v + b - a);
 * - nothing about the threshold changes unless a >= t or b + v >= t (both cells stay below it);
 * - a cell crosses the threshold only when (a - t)(a - t - v) <= 0 (resp. (b - t)(b - t + v) <= 0),
 *   a test that is almost always false, so the exact recount behind it rarely runs;
 * - the excess of a provider (share above t outside its largest footprint) is 0 unless it is
 *   cross-footprint before or after; its new largest share is found from the cached top two
 *   (if u leaves the largest cell, the new largest is max(a - v, b + v, second largest)).
 */
export function flipDelta(s: State, u: number, to: number): void {
  const from = s.assign[u];
  const share = s.share;
  const t = s.thr;
  const uShare = s.uShare;
  const uProv = s.uProv;
  const rowA = from * s.P;
  const rowB = to * s.P;
  const above = s.above;
  const stale = s.stale;
  const max1 = s.max1;
  const max2 = s.max2;
  const arg1 = s.arg1;
  let dCross = 0;
  let dExcess = 0;
  let dHerf = 0;
  for (let e = s.uOff[u], end = s.uOff[u + 1]; e < end; e++) {
    const p = uProv[e];
    const v = uShare[e];
    const a = share[rowA + p];
    const b = share[rowB + p];
    dHerf += v * (v + b - a);
    const nb = b + v;
    if (a < t && nb < t) continue;
    const c0 = above[p];
    const da = a - t;
    const db = b - t;
    const na = a - v;
    let c1 = c0;
    if (da * (da - v) <= 0 || db * (db + v) <= 0) {
      c1 = c0 - (a >= t ? 1 : 0) + (na >= t ? 1 : 0) - (b >= t ? 1 : 0) + (nb >= t ? 1 : 0);
      dCross += (c1 >= 2 ? 1 : 0) - (c0 >= 2 ? 1 : 0);
    } else if (c0 < 2) continue;
    if (c0 < 2 && c1 < 2) continue;
    if (stale[p]) s.rescan(p);
    const m1 = max1[p];
    const i1 = arg1[p];
    let nm: number;
    if (i1 === from) {
      nm = na > nb ? na : nb;
      const m2 = max2[p];
      if (m2 > nm) nm = m2;
    } else if (i1 === to) nm = nb;
    else nm = nb > m1 ? nb : m1;
    dExcess +=
      (na > t ? na - t : 0) - (a > t ? da : 0) + (nb > t ? nb - t : 0) - (b > t ? db : 0) -
      ((nm > t ? nm - t : 0) - (m1 > t ? m1 - t : 0));
  }
  s.dCross = dCross;
  s.dExcess = dExcess;
  s.dHerf = 2 * dHerf;
}

/**
 * Moves unit u to footprint `to` and updates every cached value from deltas. It checks no rule:
 * callers test bounds and contiguity first (or undo the move).
 */
export function applyFlip(s: State, u: number, to: number): void {
  const from = s.assign[u];
  if (from === to) return;
  const share = s.share;
  const t = s.thr;
  const above = s.above;
  const max1 = s.max1;
  const max2 = s.max2;
  const arg1 = s.arg1;
  const uProv = s.uProv;
  const uShare = s.uShare;
  const rowA = from * s.P;
  const rowB = to * s.P;
  let cross = s.cross;
  let excess = s.excess;
  let dHerf = 0;
  for (let e = s.uOff[u], end = s.uOff[u + 1]; e < end; e++) {
    const p = uProv[e];
    const v = uShare[e];
    const a = share[rowA + p];
    const b = share[rowB + p];
    dHerf += v * (v + b - a);
    const na = a - v;
    const nb = b + v;
    const c0 = above[p];
    let c1 = c0;
    if (a >= t || nb >= t) {
      const da = a - t;
      const db = b - t;
      if (da * (da - v) <= 0 || db * (db + v) <= 0) {
        c1 = c0 - (a >= t ? 1 : 0) + (na >= t ? 1 : 0) - (b >= t ? 1 : 0) + (nb >= t ? 1 : 0);
        cross += (c1 >= 2 ? 1 : 0) - (c0 >= 2 ? 1 : 0);
        above[p] = c1;
      }
    }
    // The top two shares matter only for cross-footprint providers (the excess, targeted
    // re-splits): for any other provider they are marked stale, to be rescanned if it turns cross.
    // When both cells stay below the threshold, a cross provider's top two (both at least t) and
    // its excess are unchanged.
    const isCross = c0 >= 2 || c1 >= 2;
    if (!isCross || (a < t && nb < t)) {
      if (!isCross) s.stale[p] = 1;
      share[rowA + p] = na;
      share[rowB + p] = nb;
      continue;
    }
    if (s.stale[p]) s.rescan(p);
    const m1 = max1[p];
    share[rowA + p] = na;
    share[rowB + p] = nb;
    // Largest and second-largest share of the row, updated when cheap, else marked stale.
    // Only the cells `from` (down to na) and `to` (up to nb) change; every other cell is at most
    // max2. The top two are known again unless the old second cell (index not kept) may be needed.
    if (!s.stale[p]) {
      const i1 = arg1[p];
      const m2 = max2[p];
      if (i1 === from) {
        if (na >= nb) {
          if (na >= m2) {
            max1[p] = na;
            if (nb > m2) max2[p] = nb;
          } else s.stale[p] = 1;
        } else if (nb >= m2 && (b < m2 || na >= m2)) {
          max1[p] = nb;
          arg1[p] = to;
          max2[p] = na > m2 ? na : m2;
        } else s.stale[p] = 1;
      } else if (a >= m2) {
        // `from` may hold the second largest share: known again only if `to` now beats it.
        if (i1 !== to && nb >= a) {
          if (nb > m1) {
            max2[p] = m1;
            max1[p] = nb;
            arg1[p] = to;
          } else max2[p] = nb;
        } else s.stale[p] = 1;
      } else if (i1 === to) max1[p] = nb;
      else if (nb > m1) {
        max2[p] = m1;
        max1[p] = nb;
        arg1[p] = to;
      } else if (nb > m2) max2[p] = nb;
    }
    if (s.stale[p]) s.rescan(p);
    const nm = max1[p];
    excess +=
      (na > t ? na - t : 0) - (a > t ? a - t : 0) + (nb > t ? nb - t : 0) - (b > t ? b - t : 0) -
      ((nm > t ? nm - t : 0) - (m1 > t ? m1 - t : 0));
  }
  s.cross = cross;
  s.excess = excess;
  s.herf += 2 * dHerf;
  const p = s.inst.population[u];
  s.pop[from] -= p;
  s.pop[to] += p;
  if (--s.size[from] === 0) s.nonEmpty--;
  if (s.size[to]++ === 0) s.nonEmpty++;
  const st = s.start[u];
  if (st >= 0) s.moved += (to === st ? -1 : 0) + (from === st ? 1 : 0);
  s.assign[u] = to;
  s.updateCut(u, from);
}

/** Change of the units-moved count if u moved to `to`. */
export function movedDelta(s: State, u: number, to: number): number {
  const st = s.start[u];
  if (st < 0) return 0;
  return (to === st ? -1 : 0) + (s.assign[u] === st ? 1 : 0);
}
