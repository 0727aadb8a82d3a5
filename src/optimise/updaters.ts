import type { State } from "./state.js";

/**
 * Objective change of moving unit u to footprint `to`, written to s.dCross and s.dHerf.
 * Only the providers active in u change, and for each only two cells of its row: the
 * footprint u leaves (share a) and the one it joins (share b). Allocates nothing.
 *
 * With v the unit's share of the provider, the squared-share sum changes by
 * (a - v)^2 - a^2 + (b + v)^2 - b^2 = 2v(v + b - a).
 * A cell crosses the threshold t only when a - t and a - v - t differ in sign (or one is zero),
 * i.e. (a - t)(a - t - v) <= 0, and likewise for b; that test is almost always false, so the
 * exact recount behind it is rarely run and its branch predicts well.
 */
export function flipDelta(s: State, u: number, to: number): void {
  const from = s.assign[u];
  const share = s.share;
  const t = s.thr;
  const uRow = s.uRow;
  const uShare = s.uShare;
  let dCross = 0;
  let dHerf = 0;
  for (let e = s.uOff[u], end = s.uOff[u + 1]; e < end; e++) {
    const row = uRow[e];
    const v = uShare[e];
    const a = share[row + from];
    const b = share[row + to];
    dHerf += v * (v + b - a);
    const da = a - t;
    const db = b - t;
    if (da * (da - v) <= 0 || db * (db + v) <= 0) {
      const c0 = s.above[s.uProv[e]];
      const c1 = c0 - (a >= t ? 1 : 0) + (a - v >= t ? 1 : 0) - (b >= t ? 1 : 0) + (b + v >= t ? 1 : 0);
      dCross += (c1 >= 2 ? 1 : 0) - (c0 >= 2 ? 1 : 0);
    }
  }
  s.dCross = dCross;
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
  const uRow = s.uRow;
  const uShare = s.uShare;
  let cross = s.cross;
  let dHerf = 0;
  for (let e = s.uOff[u], end = s.uOff[u + 1]; e < end; e++) {
    const row = uRow[e];
    const v = uShare[e];
    const a = share[row + from];
    const b = share[row + to];
    dHerf += v * (v + b - a);
    const na = a - v;
    const nb = b + v;
    share[row + from] = na;
    share[row + to] = nb;
    const da = a - t;
    const db = b - t;
    if (da * (da - v) <= 0 || db * (db + v) <= 0) {
      const p = s.uProv[e];
      const c0 = above[p];
      const c1 = c0 - (a >= t ? 1 : 0) + (na >= t ? 1 : 0) - (b >= t ? 1 : 0) + (nb >= t ? 1 : 0);
      cross += (c1 >= 2 ? 1 : 0) - (c0 >= 2 ? 1 : 0);
      above[p] = c1;
    }
  }
  s.cross = cross;
  s.herf += 2 * dHerf;
  const p = s.inst.population[u];
  s.pop[from] -= p;
  s.pop[to] += p;
  if (--s.size[from] === 0) s.nonEmpty--;
  if (s.size[to]++ === 0) s.nonEmpty++;
  const st = s.start[u];
  if (st >= 0) s.moved += (to === st ? -1 : 0) + (from === st ? 1 : 0);
  s.assign[u] = to;
}

/** Change of the units-moved count if u moved to `to`. */
export function movedDelta(s: State, u: number, to: number): number {
  const st = s.start[u];
  if (st < 0) return 0;
  return (to === st ? -1 : 0) + (s.assign[u] === st ? 1 : 0);
}
