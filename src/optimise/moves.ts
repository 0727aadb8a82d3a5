import type { Acceptance } from "./accept.js";
import { canLeave } from "./contiguity.js";
import { EnergyPair } from "./energy/energy.js";
import type { State } from "./state.js";

/** Outcome of `tryFlip`: ruled out before evaluation, evaluated and rejected, or applied. */
export const FLIP_SKIPPED = 0;
export const FLIP_REJECTED = 1;
export const FLIP_APPLIED = 2;

/**
 * Proposes moving unit u to footprint `to`: checks locks, population bounds, the footprint count
 * and the moves limit in O(1), prices the move from deltas (the state's energy), asks the
 * acceptance rule, and only for an accepted move checks contiguity (the costliest test) before
 * applying it.
 * @returns FLIP_SKIPPED, FLIP_REJECTED or FLIP_APPLIED
 */
export function tryFlip(s: State, u: number, to: number, acc: Acceptance): number {
  const from = s.assign[u];
  if (from === to || s.lock[u] >= 0) return FLIP_SKIPPED;
  const p = s.population[u];
  if (s.size[from] === 1) {
    if (s.nonEmpty <= s.minCount) return FLIP_SKIPPED;
  } else if (s.pop[from] - p < s.minOf[from]) return FLIP_SKIPPED;
  if (s.pop[to] + p > s.maxOf[to]) return FLIP_SKIPPED;
  const dm = s.movedDelta(u, to);
  if (dm > 0 && s.moved + dm > s.maxMoves) return FLIP_SKIPPED;
  const dE = s.energy.delta(s, u, to, dm);
  if (!acc.accept(dE)) return FLIP_REJECTED;
  if (!canLeave(s, u)) return FLIP_REJECTED;
  s.flip(u, to);
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
  /** The energy of candidate splits, evaluated without changing the state. */
  readonly two: EnergyPair;
  constructor(s: State) {
    this.pos = new Int32Array(s.n).fill(-1);
    this.list = new Int32Array(s.n);
    this.two = new EnergyPair(s, s.energy);
  }
}

/**
 * True when plan 1 ranks before plan 0: fewer units above the caps, then a lower weighted count
 * (`primary`), then a lower tie-breaker, then fewer units moved.
 */
export function better(x1: number, p1: number, t1: number, m1: number, x0: number, p0: number, t0: number, m0: number): boolean {
  if (x1 !== x0) return x1 < x0;
  if (p1 < p0 - 1e-9) return true;
  if (p1 > p0 + 1e-9) return false;
  if (t1 < t0 - 1e-12) return true;
  if (t1 > t0 + 1e-12) return false;
  return m1 < m0;
}

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

/**
 * Re-splits two neighbouring footprints optimally: merges them and tries every way of dividing
 * their movable (unlocked) units between the two, keeping the best split (by `better`) whose parts
 * are connected and within their population bounds. The current split is among those tried, so the
 * move never makes the plan worse.
 *
 * The 2^m splits are visited in reflected Gray-code order, so consecutive splits differ by one unit
 * and each costs one incremental flip; connectivity is checked with bit masks, and only for a split
 * that beats the best so far. When more than `maxMovable` units are unlocked, only that many move:
 * those nearest the border between the two footprints. Regions over 31 units are left alone.
 * @returns the number of candidate splits evaluated (0 when the pair was left alone)
 */
export function resplitPair(s: State, fa: number, fb: number, maxMovable: number, sc: ResplitScratch, rng: () => number): number {
  const { units, nbr, movable, pos } = sc;
  const { n, assign } = s;
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
  const energy = s.energy;
  two.load(s, fa, fb, units, r);
  let bestSide = side;
  let bx = energy.capExcess();
  let bp = energy.primary(s);
  let bt = energy.tie();
  let bm = s.moved;
  const movedLimit = Math.max(s.maxMoves, s.moved);
  const minA = s.minOf[fa], maxA = s.maxOf[fa], minB = s.minOf[fb], maxB = s.maxOf[fb];
  const count = 1 << m;
  for (let g = 1; g < count; g++) {
    const i = movable[31 - Math.clz32(g & -g)];
    two.flip(s, i);
    side ^= 1 << i;
    const x = two.capExcess();
    const p = two.primary();
    const t = two.tie();
    if (!better(x, p, t, two.moved, bx, bp, bt, bm)) continue;
    if (two.moved > movedLimit) continue;
    const pa = two.popA;
    const pb = two.popB;
    if (pa < minA || pa > maxA || pb < minB || pb > maxB) continue;
    if (!connectedMask(side, nbr) || !connectedMask(full & ~side, nbr)) continue;
    bestSide = side;
    bx = x;
    bp = p;
    bt = t;
    bm = two.moved;
  }
  for (let j = 0; j < m; j++) {
    const i = movable[j];
    const want = (bestSide >>> i) & 1 ? fa : fb;
    if (assign[units[i]] !== want) s.flip(units[i], want);
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

/**
 * Relocates a footprint: merges footprint a into its neighbour b (nothing happens when they do not
 * touch), then splits footprint c in two, the split-off part taking a's number, so the footprint
 * count stays the same. Of c's splits (all of them when c has at most `maxMovable` unlocked units,
 * else those moving a random connected ball of that many units), the lowest-energy valid one is
 * kept, in the Gray-code order of `resplitPair`; the whole move is then accepted or undone by the
 * acceptance rule. Single-unit moves cannot do this: they would have to shrink a below the
 * population minimum on the way.
 * @returns the number of candidate splits evaluated (0 when the footprints did not qualify)
 */
export function mergeSplit(s: State, a: number, b: number, c: number, maxMovable: number, sc: ResplitScratch, rng: () => number, acc: Acceptance): number {
  const { n, assign, lock } = s;
  const { adjOffsets, adj } = s.inst;
  if (a === b || a === c || b === c || s.size[a] === 0 || s.size[c] < 2) return 0;
  // The merged footprint keeps b's bounds; the split-off part takes a's.
  if (s.pop[a] + s.pop[b] > s.maxOf[b] || s.pop[c] < s.minOf[a] + s.minOf[c]) return 0;
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
  const e0 = s.energy.value(s);
  const movedLimit = Math.max(s.maxMoves, s.moved);
  for (let i = 0; i < na; i++) s.flip(list[i], b);
  const full = r === 31 ? 0x7fffffff : (1 << r) - 1;
  const two = sc.two;
  two.load(s, c, a, units, r);
  const minA = s.minOf[a], maxA = s.maxOf[a], minC = s.minOf[c], maxC = s.maxOf[c];
  let side = full; // bit i set: units[i] is in c
  let bestSide = -1;
  let bestE = Infinity;
  const count = 1 << m;
  for (let g = 1; g < count; g++) {
    const i = movable[31 - Math.clz32(g & -g)];
    two.flip(s, i);
    side ^= 1 << i;
    const e = two.value();
    if (e >= bestE || two.moved > movedLimit) continue;
    const pa = two.popB;
    const pc = two.popA;
    if (pa < minA || pa > maxA || pc < minC || pc > maxC) continue;
    if (!connectedMask(side, nbr) || !connectedMask(full & ~side, nbr)) continue;
    bestE = e;
    bestSide = side;
  }
  if (bestSide >= 0 && acc.accept(bestE - e0)) {
    for (let j = 0; j < m; j++) {
      const i = movable[j];
      const want = (bestSide >>> i) & 1 ? c : a;
      if (assign[units[i]] !== want) s.flip(units[i], want);
    }
    return count - 1;
  }
  for (let i = 0; i < na; i++) s.flip(list[i], a);
  return count - 1;
}

/**
 * Moves, as one move, the units of area `g` (a split area of the second geography) that footprint
 * `from` holds into footprint `to`: when two organisations share a local authority, moving either
 * alone may split another, so single-unit moves stall where moving them together unsplits it. The
 * move must keep both footprints connected and within their bounds, leave `from` non-empty and
 * move no locked unit; the acceptance rule then takes or undoes it.
 * @param areaOffsets, areaUnits the areas' units (group-major, as the instance's areas)
 * @returns 1 when the move was evaluated, 0 when it did not qualify
 */
export function areaMove(s: State, g: number, from: number, to: number, areaOffsets: Int32Array, areaUnits: Int32Array, sc: ResplitScratch, acc: Acceptance): number {
  const { assign, lock } = s;
  const list = sc.list;
  let m = 0;
  let pop = 0;
  for (let e = areaOffsets[g]; e < areaOffsets[g + 1]; e++) {
    const u = areaUnits[e];
    if (assign[u] !== from) continue;
    if (lock[u] >= 0) return 0;
    list[m++] = u;
    pop += s.population[u];
  }
  if (m === 0 || m >= s.size[from]) return 0;
  if (s.pop[from] - pop < s.minOf[from] || s.pop[to] + pop > s.maxOf[to]) return 0;
  if (!staysConnected(s, from, list, m) || !joins(s, to, list, m)) return 0;
  const e0 = s.energy.value(s);
  const moved0 = s.moved;
  for (let i = 0; i < m; i++) s.flip(list[i], to);
  if ((s.moved <= Math.max(s.maxMoves, moved0)) && acc.accept(s.energy.value(s) - e0)) return 1;
  for (let i = 0; i < m; i++) s.flip(list[i], from);
  return 1;
}

/** True when footprint f stays connected without the units list[0..m) (all in f). */
function staysConnected(s: State, f: number, list: Int32Array, m: number): boolean {
  const { adjOffsets, adj } = s.inst;
  const { assign, mark, queue } = s;
  if (s.stamp >= 0x7ffffffd) {
    mark.fill(0);
    s.stamp = 0;
  }
  const gone = ++s.stamp;
  const seen = ++s.stamp;
  for (let i = 0; i < m; i++) mark[list[i]] = gone;
  let root = -1;
  for (let i = 0; i < m && root < 0; i++)
    for (let e = adjOffsets[list[i]]; e < adjOffsets[list[i] + 1]; e++) {
      const v = adj[e];
      if (assign[v] === f && mark[v] !== gone) {
        root = v;
        break;
      }
    }
  if (root < 0) return false;
  let head = 0;
  let tail = 0;
  queue[tail++] = root;
  mark[root] = seen;
  while (head < tail) {
    const x = queue[head++];
    for (let e = adjOffsets[x]; e < adjOffsets[x + 1]; e++) {
      const y = adj[e];
      if (assign[y] !== f || mark[y] === gone || mark[y] === seen) continue;
      mark[y] = seen;
      queue[tail++] = y;
    }
  }
  return tail === s.size[f] - m;
}

/** True when every unit of list[0..m) reaches footprint f through the list (so f plus them is connected). */
function joins(s: State, f: number, list: Int32Array, m: number): boolean {
  const { adjOffsets, adj } = s.inst;
  const { assign, mark, queue } = s;
  if (s.stamp >= 0x7ffffffd) {
    mark.fill(0);
    s.stamp = 0;
  }
  const inList = ++s.stamp;
  const reached = ++s.stamp;
  for (let i = 0; i < m; i++) mark[list[i]] = inList;
  let tail = 0;
  for (let i = 0; i < m; i++) {
    const u = list[i];
    for (let e = adjOffsets[u]; e < adjOffsets[u + 1]; e++)
      if (assign[adj[e]] === f) {
        mark[u] = reached;
        queue[tail++] = u;
        break;
      }
  }
  let head = 0;
  while (head < tail) {
    const x = queue[head++];
    for (let e = adjOffsets[x]; e < adjOffsets[x + 1]; e++) {
      const y = adj[e];
      if (mark[y] !== inList) continue;
      mark[y] = reached;
      queue[tail++] = y;
    }
  }
  return tail === m;
}
