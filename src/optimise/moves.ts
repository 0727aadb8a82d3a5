import type { Acceptance } from "./accept.js";
import { canLeave } from "./contiguity.js";
import type { State } from "./state.js";
import { TwoWay } from "./twoWay.js";
import { applyFlip, flipDelta, movedDelta } from "./updaters.js";

/** Outcome of `tryFlip`: ruled out before evaluation, evaluated and rejected, or applied. */
export const FLIP_SKIPPED = 0;
export const FLIP_REJECTED = 1;
export const FLIP_APPLIED = 2;

/**
 * Proposes moving unit u to footprint `to`: checks locks, population bounds, the footprint count
 * and the moves limit in O(1), evaluates the energy change from deltas, asks the acceptance rule,
 * and only for an accepted move checks contiguity (the costliest test) before applying it.
 * Energy = cross + wTie * excess - wSpread * (sum of squared shares) + wMoved * moved; lower is better.
 * @returns FLIP_SKIPPED, FLIP_REJECTED or FLIP_APPLIED
 */
export function tryFlip(s: State, u: number, to: number, wTie: number, wSpread: number, wMoved: number, acc: Acceptance): number {
  const from = s.assign[u];
  if (from === to || s.lock[u] >= 0) return FLIP_SKIPPED;
  const inst = s.inst;
  const p = inst.population[u];
  if (s.size[from] === 1) {
    if (s.nonEmpty <= s.minCount) return FLIP_SKIPPED;
  } else if (s.pop[from] - p < inst.min) return FLIP_SKIPPED;
  if (s.pop[to] + p > inst.max) return FLIP_SKIPPED;
  const dm = movedDelta(s, u, to);
  if (dm > 0 && s.moved + dm > s.maxMoves) return FLIP_SKIPPED;
  flipDelta(s, u, to);
  const dE = s.dCross + wTie * s.dExcess - wSpread * s.dHerf + wMoved * dm;
  if (!acc.accept(dE)) return FLIP_REJECTED;
  if (!canLeave(s, u)) return FLIP_REJECTED;
  applyFlip(s, u, to);
  return FLIP_APPLIED;
}

/** Preallocated buffers for `resplitPair` and `mergeSplit` (regions of at most 31 units). */
export class ResplitScratch {
  readonly units = new Int32Array(31);
  readonly nbr = new Int32Array(31);
  readonly movable = new Int32Array(31);
  readonly pos: Int32Array;
  /** Units of the footprint merged away by `mergeSplit`, to undo it. */
  readonly list: Int32Array;
  /** The objective of candidate splits, evaluated without changing the state. */
  readonly two: TwoWay;
  constructor(s: State) {
    this.pos = new Int32Array(s.n).fill(-1);
    this.list = new Int32Array(s.n);
    this.two = new TwoWay(s);
  }
}

/** True when objective (c1, t1, m1) is lexicographically better than (c0, t0, m0). */
export function better(c1: number, t1: number, m1: number, c0: number, t0: number, m0: number): boolean {
  if (c1 !== c0) return c1 < c0;
  if (t1 < t0 - 1e-12) return true;
  if (t1 > t0 + 1e-12) return false;
  return m1 < m0;
}

/**
 * Re-splits two neighbouring footprints optimally: merges them and tries every way of dividing
 * their movable (unlocked) units between the two, keeping the best split (lexicographic objective)
 * whose parts are connected and within the population bounds. The current split is among those
 * tried, so the move never makes the plan worse.
 *
 * The 2^m splits are visited in reflected Gray-code order, so consecutive splits differ by one unit
 * and each costs one incremental flip; connectivity is checked with bit masks, and only for a split
 * that beats the best so far. When more than `maxMovable` units are unlocked, only that many move:
 * those nearest the border between the two footprints. Regions over 31 units are left alone.
 * @returns the number of candidate splits evaluated (0 when the pair was left alone)
 */
/**
 * For the r units in sc.units (each at its index in sc.pos), sets sc.nbr[i] to the bit mask of its
 * neighbours among them, and returns the bit mask of those not locked.
 */
function neighbourMasks(s: State, sc: ResplitScratch, r: number): number {
  const { units, nbr, pos } = sc;
  const { adjOffsets, adj } = s.inst;
  let free = 0;
  for (let i = 0; i < r; i++) {
    const u = units[i];
    let mask = 0;
    for (let e = adjOffsets[u]; e < adjOffsets[u + 1]; e++) {
      const j = pos[adj[e]];
      if (j >= 0) mask |= 1 << j;
    }
    nbr[i] = mask;
    if (s.lock[u] < 0) free |= 1 << i;
  }
  return free;
}

export function resplitPair(s: State, fa: number, fb: number, maxMovable: number, sc: ResplitScratch, rng: () => number): number {
  const { units, nbr, movable, pos } = sc;
  const { n, assign } = s;
  const { min, max } = s.inst;
  let r = 0;
  for (let u = 0; u < n; u++) {
    const f = assign[u];
    if (f !== fa && f !== fb) continue;
    if (r === 31) {
      for (let i = 0; i < r; i++) pos[units[i]] = -1;
      return 0;
    }
    units[r] = u;
    pos[u] = r++;
  }
  let side = 0; // bit i set: units[i] is in fa
  const free = neighbourMasks(s, sc, r); // unlocked units
  let border = 0; // units with a neighbour on the other side
  for (let i = 0; i < r; i++) if (assign[units[i]] === fa) side |= 1 << i;
  for (let i = 0; i < r; i++) {
    pos[units[i]] = -1;
    const other = (side >>> i) & 1 ? ~side : side;
    if (nbr[i] & other) border |= 1 << i;
  }
  // Movable units: all free ones when few enough; otherwise the free units nearest the border
  // between the two footprints, taken in rings outwards from the border (random within a ring).
  let chosen = free;
  if (popcount(free) > maxMovable) {
    chosen = 0;
    let ring = border & free;
    let seen = border;
    let room = maxMovable;
    while (room > 0 && ring !== 0) {
      const c = popcount(ring);
      if (c <= room) {
        chosen |= ring;
        room -= c;
      } else {
        let rest = ring;
        for (let left = c; room > 0; left--) {
          const low = rest & -rest;
          rest ^= low;
          if (rng() * left < room) {
            chosen |= low;
            room--;
          }
        }
      }
      let next = 0;
      let rest = ring;
      while (rest !== 0) {
        const low = rest & -rest;
        next |= nbr[31 - Math.clz32(low)];
        rest ^= low;
      }
      next &= ~seen;
      seen |= next;
      ring = next & free;
    }
  }
  let m = 0;
  for (let i = 0; i < r; i++) if ((chosen >>> i) & 1) movable[m++] = i;
  if (m === 0) return 0;
  const full = r === 31 ? 0x7fffffff : (1 << r) - 1;
  const two = sc.two;
  two.load(s, fa, fb, units, r);
  let bestSide = side;
  let bc = s.cross;
  let bt = s.excess;
  let bm = s.moved;
  const movedLimit = Math.max(s.maxMoves, s.moved);
  const count = 1 << m;
  for (let g = 1; g < count; g++) {
    const i = movable[31 - Math.clz32(g & -g)];
    two.flip(s, i);
    side ^= 1 << i;
    if (!better(two.cross, two.excess, two.moved, bc, bt, bm)) continue;
    if (two.moved > movedLimit) continue;
    const pa = two.popA;
    const pb = two.popB;
    if (pa < min || pa > max || pb < min || pb > max) continue;
    if (!connectedMask(side, nbr) || !connectedMask(full & ~side, nbr)) continue;
    bestSide = side;
    bc = two.cross;
    bt = two.excess;
    bm = two.moved;
  }
  for (let j = 0; j < m; j++) {
    const i = movable[j];
    const want = (bestSide >>> i) & 1 ? fa : fb;
    if (assign[units[i]] !== want) applyFlip(s, units[i], want);
  }
  return count - 1;
}

/** Number of set bits of a 32-bit integer. */
function popcount(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24);
}

/** True when the units of `mask` form one connected, non-empty piece (nbr[i] = neighbour mask of i). */
function connectedMask(mask: number, nbr: Int32Array): boolean {
  if (mask === 0) return false;
  let reach = mask & -mask;
  for (;;) {
    let next = reach;
    let rest = reach;
    while (rest !== 0) {
      const low = rest & -rest;
      next |= nbr[31 - Math.clz32(low)];
      rest ^= low;
    }
    next &= mask;
    if (next === reach) return reach === mask;
    reach = next;
  }
}

/** Energy of the current state (lower is better), as used by the annealing acceptance. */
export function energy(s: State, wTie: number, wSpread: number, wMoved: number): number {
  return s.cross + wTie * s.excess - wSpread * s.herf + wMoved * s.moved;
}

/**
 * Relocates a footprint: merges footprint a into its neighbour b (nothing happens when they do not
 * touch), then splits footprint c in two,
 * the split-off part taking a's number, so the footprint count stays the same. Of c's splits (all
 * of them when c has at most `maxMovable` unlocked units, else those moving a random connected
 * ball of that many units), the lowest-energy valid one is kept, in the Gray-code order of
 * `resplitPair`; the whole move is then accepted or undone by the acceptance rule. Single-unit
 * moves cannot do this: they would have to shrink a below the population minimum on the way.
 * @returns the number of candidate splits evaluated (0 when the footprints did not qualify)
 */
export function mergeSplit(
  s: State, a: number, b: number, c: number, maxMovable: number, sc: ResplitScratch, rng: () => number,
  wTie: number, wSpread: number, wMoved: number, acc: Acceptance,
): number {
  const { n, assign, lock } = s;
  const { adjOffsets, adj, min, max } = s.inst;
  if (a === b || a === c || b === c || s.size[a] === 0 || s.size[c] < 2) return 0;
  if (s.pop[a] + s.pop[b] > max || s.pop[c] < 2 * min) return 0;
  const { units, nbr, movable, pos, list } = sc;
  let r = 0;
  let na = 0;
  for (let u = 0; u < n; u++) {
    const f = assign[u];
    if (f === a) {
      if (lock[u] >= 0) return 0;
      list[na++] = u;
    } else if (f === c) {
      if (r === 31) {
        for (let i = 0; i < r; i++) pos[units[i]] = -1;
        return 0;
      }
      units[r] = u;
      pos[u] = r++;
    }
  }
  const free = neighbourMasks(s, sc, r);
  for (let i = 0; i < r; i++) pos[units[i]] = -1;
  // a must touch b, or the merged footprint would be in pieces.
  let touches = false;
  for (let i = 0; i < na && !touches; i++)
    for (let e = adjOffsets[list[i]]; e < adjOffsets[list[i] + 1]; e++)
      if (assign[adj[e]] === b) {
        touches = true;
        break;
      }
  if (!touches) return 0;
  let chosen = free;
  if (popcount(free) > maxMovable) {
    // A random connected ball of free units, grown breadth-first from a random free unit.
    let seed = Math.floor(rng() * r);
    while (!((free >>> seed) & 1)) seed = (seed + 1) % r;
    chosen = 1 << seed;
    let frontier = chosen;
    while (frontier !== 0 && popcount(chosen) < maxMovable) {
      let next = 0;
      let rest = frontier;
      while (rest !== 0) {
        const low = rest & -rest;
        next |= nbr[31 - Math.clz32(low)];
        rest ^= low;
      }
      next &= free & ~chosen;
      let room = maxMovable - popcount(chosen);
      frontier = 0;
      while (next !== 0 && room > 0) {
        const low = next & -next;
        next ^= low;
        chosen |= low;
        frontier |= low;
        room--;
      }
    }
  }
  let m = 0;
  for (let i = 0; i < r; i++) if ((chosen >>> i) & 1) movable[m++] = i;
  if (m === 0) return 0;
  const e0 = energy(s, wTie, wSpread, wMoved);
  const movedLimit = Math.max(s.maxMoves, s.moved);
  for (let i = 0; i < na; i++) applyFlip(s, list[i], b);
  const full = r === 31 ? 0x7fffffff : (1 << r) - 1;
  const two = sc.two;
  two.load(s, c, a, units, r);
  let side = full; // bit i set: units[i] is in c
  let bestSide = -1;
  let bestE = Infinity;
  const count = 1 << m;
  for (let g = 1; g < count; g++) {
    const i = movable[31 - Math.clz32(g & -g)];
    two.flip(s, i);
    side ^= 1 << i;
    const e = two.energy(wTie, wSpread, wMoved);
    if (e >= bestE || two.moved > movedLimit) continue;
    const pa = two.popB;
    const pc = two.popA;
    if (pa < min || pa > max || pc < min || pc > max) continue;
    if (!connectedMask(side, nbr) || !connectedMask(full & ~side, nbr)) continue;
    bestE = e;
    bestSide = side;
  }
  if (bestSide >= 0 && acc.accept(bestE - e0)) {
    for (let j = 0; j < m; j++) {
      const i = movable[j];
      const want = (bestSide >>> i) & 1 ? c : a;
      if (assign[units[i]] !== want) applyFlip(s, units[i], want);
    }
    return count - 1;
  }
  for (let i = 0; i < na; i++) applyFlip(s, list[i], a);
  return count - 1;
}
