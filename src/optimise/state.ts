import type { Instance } from "./instance.js";

/**
 * The search state: an assignment plus every value the objective needs, cached in typed arrays
 * indexed by unit, footprint and provider so that a move updates them from deltas (updaters.ts).
 *
 * Invariants (checked by `recompute` in tests):
 * - pop[f] = sum of population over units with assign[u] = f; size[f] = their number;
 * - share[f * P + p] = share of provider p's total activity in footprint f (footprint-major:
 *   a move reads and writes two rows, `from` and `to`, at the unit's providers in increasing order);
 * - above[p] = number of footprints f with share[f * P + p] >= thr;
 * - cross = number of providers with above[p] >= 2;
 * - unless stale[p]: max1[p] = largest share of p, in footprint arg1[p]; max2[p] = largest share
 *   among the others (kept lazily: only cross providers need them);
 * - excess = sum over providers of (sum over f of (share - thr)+) - (max1 - thr)+, the share above
 *   the threshold held outside each provider's largest footprint (0 exactly for a provider that is
 *   not cross-footprint, and continuous as a share crosses the threshold);
 * - herf = sum over providers of sum over f of share^2;
 * - moved = number of units with start[u] >= 0 and assign[u] != start[u].
 *
 * Shares rather than raw activity keep the hot loop lean: the threshold is one constant and the
 * squared-share sum needs no per-provider scale, so a unit's entries are read sequentially
 * (provider and share) and only the two footprints' rows are touched.
 */
export class State {
  readonly inst: Instance;
  readonly n: number;
  /** Footprint slots (some may be empty when the count may shrink). */
  readonly k: number;
  /** Providers with a positive total. */
  readonly P: number;
  readonly assign: Int32Array;
  /** Start footprint per unit (-1 when there is no start). */
  readonly start: Int32Array;
  /** -1 or the footprint a unit must stay in. */
  readonly lock: Int32Array;
  readonly maxMoves: number;
  readonly pop: Float64Array;
  readonly size: Int32Array;
  readonly share: Float64Array;
  readonly above: Int32Array;
  readonly max1: Float64Array;
  readonly max2: Float64Array;
  readonly arg1: Int32Array;
  /** 1 when max1/max2/arg1 of a provider are stale (recomputed on demand, for cross providers only). */
  readonly stale: Uint8Array;
  /** The share threshold (at least 1e-12, so that an empty footprint never counts). */
  readonly thr: number;
  /**
   * Unit-major copy of the providers: entries of unit u are [uOff[u], uOff[u+1]), in increasing
   * provider order, with the provider and the unit's share of the provider's total.
   */
  readonly uOff: Int32Array;
  readonly uProv: Int32Array;
  readonly uShare: Float64Array;
  /** Source unit of each directed edge of the adjacency (edgeSrc[e] -> adj[e]). */
  readonly edgeSrc: Int32Array;
  /** The reverse of each directed edge (reverse[e] is adj[e] -> edgeSrc[e]). */
  readonly reverse: Int32Array;
  /** The directed edges between two footprints (cut[0..cutCount)), and each edge's place in it (-1 if none). */
  readonly cut: Int32Array;
  readonly cutPos: Int32Array;
  cutCount = 0;
  /** Scratch for breadth-first searches: a stamp per unit and a queue. */
  readonly mark: Int32Array;
  readonly queue: Int32Array;
  stamp = 0;
  /** Providers with a positive total. */
  readonly activeCount: number;
  /** Footprints with at least one unit, and the fewest allowed (flips may empty a footprint above it). */
  nonEmpty = 0;
  minCount = 0;
  cross = 0;
  excess = 0;
  herf = 0;
  moved = 0;
  /** Outputs of `flipDelta`. */
  dCross = 0;
  dExcess = 0;
  dHerf = 0;

  constructor(inst: Instance, assign: Int32Array, k: number, start: Int32Array | null, lock: Int32Array | null, maxMoves: number) {
    const n = inst.n;
    this.inst = inst;
    this.n = n;
    this.k = k;
    this.assign = Int32Array.from(assign);
    this.start = start ? Int32Array.from(start) : new Int32Array(n).fill(-1);
    this.lock = lock ? Int32Array.from(lock) : new Int32Array(n).fill(-1);
    this.maxMoves = maxMoves;
    const prov = inst.providers;
    const P = prov.total.length;
    this.P = P;
    this.pop = new Float64Array(k);
    this.size = new Int32Array(k);
    this.share = new Float64Array(P * k);
    this.above = new Int32Array(P);
    this.max1 = new Float64Array(P);
    this.max2 = new Float64Array(P);
    this.arg1 = new Int32Array(P);
    this.stale = new Uint8Array(P);
    this.thr = Math.max(inst.threshold, 1e-12);
    // Transpose the provider CSR to unit-major, skipping zero entries (they change nothing) and
    // providers without activity (they can never be cross-footprint).
    const count = new Int32Array(n + 1);
    const usable = (p: number, e: number) => prov.total[p] > 0 && prov.value[e] !== 0;
    let active = 0;
    for (let p = 0; p < P; p++) {
      if (prov.total[p] > 0) active++;
      for (let e = prov.offsets[p]; e < prov.offsets[p + 1]; e++) if (usable(p, e)) count[prov.unit[e] + 1]++;
    }
    this.activeCount = active;
    for (let u = 0; u < n; u++) count[u + 1] += count[u];
    this.uOff = Int32Array.from(count);
    this.uProv = new Int32Array(count[n]);
    this.uShare = new Float64Array(count[n]);
    const fill = Int32Array.from(count);
    for (let p = 0; p < P; p++)
      for (let e = prov.offsets[p]; e < prov.offsets[p + 1]; e++) {
        if (!usable(p, e)) continue;
        const i = fill[prov.unit[e]]++;
        this.uProv[i] = p;
        this.uShare[i] = prov.value[e] / prov.total[p];
      }
    this.edgeSrc = new Int32Array(inst.adj.length);
    for (let u = 0; u < n; u++) for (let e = inst.adjOffsets[u]; e < inst.adjOffsets[u + 1]; e++) this.edgeSrc[e] = u;
    this.reverse = new Int32Array(inst.adj.length);
    for (let e = 0; e < inst.adj.length; e++) {
      const u = this.edgeSrc[e];
      const v = inst.adj[e];
      let b = inst.adjOffsets[v];
      while (inst.adj[b] !== u) b++;
      this.reverse[e] = b;
    }
    this.cut = new Int32Array(inst.adj.length);
    this.cutPos = new Int32Array(inst.adj.length);
    this.mark = new Int32Array(n);
    this.queue = new Int32Array(n);
    this.recompute();
  }

  /** Recomputes every cached value from the assignment (also clears floating-point drift). */
  recompute(): void {
    const { n, k, P, assign, pop, size, share, above, thr, uOff, uProv, uShare } = this;
    pop.fill(0);
    size.fill(0);
    share.fill(0);
    let moved = 0;
    for (let u = 0; u < n; u++) {
      const f = assign[u];
      pop[f] += this.inst.population[u];
      size[f]++;
      if (this.start[u] >= 0 && this.start[u] !== f) moved++;
      for (let e = uOff[u]; e < uOff[u + 1]; e++) share[f * P + uProv[e]] += uShare[e];
    }
    let cross = 0;
    let herf = 0;
    let excess = 0;
    for (let p = 0; p < P; p++) {
      let c = 0;
      for (let f = 0; f < k; f++) {
        const a = share[f * P + p];
        if (a >= thr) {
          c++;
          excess += a - thr;
        }
        herf += a * a;
      }
      above[p] = c;
      if (c >= 2) cross++;
      this.rescan(p);
      if (this.max1[p] > thr) excess -= this.max1[p] - thr;
    }
    this.cross = cross;
    this.herf = herf;
    this.excess = excess;
    this.moved = moved;
    let nonEmpty = 0;
    for (let f = 0; f < k; f++) if (size[f] > 0) nonEmpty++;
    this.nonEmpty = nonEmpty;
    const { adj } = this.inst;
    let c = 0;
    for (let e = 0; e < adj.length; e++) {
      if (assign[this.edgeSrc[e]] !== assign[adj[e]]) {
        this.cutPos[e] = c;
        this.cut[c++] = e;
      } else this.cutPos[e] = -1;
    }
    this.cutCount = c;
  }

  /** Updates the cut edges around unit u, which has just moved from footprint `from`. */
  updateCut(u: number, from: number): void {
    const { adjOffsets, adj } = this.inst;
    const { assign, cut, cutPos } = this;
    const to = assign[u];
    for (let e = adjOffsets[u]; e < adjOffsets[u + 1]; e++) {
      const v = adj[e];
      const was = assign[v] !== from;
      if (was === (assign[v] !== to)) continue;
      const back = this.reverse[e];
      if (was) {
        this.cutRemove(e);
        this.cutRemove(back);
      } else {
        cutPos[e] = this.cutCount;
        cut[this.cutCount++] = e;
        cutPos[back] = this.cutCount;
        cut[this.cutCount++] = back;
      }
    }
  }

  private cutRemove(e: number): void {
    const i = this.cutPos[e];
    const last = this.cut[--this.cutCount];
    this.cut[i] = last;
    this.cutPos[last] = i;
    this.cutPos[e] = -1;
  }

  /** Recomputes max1, arg1 and max2 of provider p from its row. */
  rescan(p: number): void {
    const { k, P, share } = this;
    let m1 = -Infinity;
    let m2 = -Infinity;
    let i1 = 0;
    for (let f = 0, i = p; f < k; f++, i += P) {
      const a = share[i];
      if (a > m1) {
        m2 = m1;
        m1 = a;
        i1 = f;
      } else if (a > m2) m2 = a;
    }
    this.max1[p] = m1;
    this.max2[p] = k > 1 ? m2 : 0;
    this.arg1[p] = i1;
    this.stale[p] = 0;
  }

  /** The tie-breaker: share above the threshold outside each provider's largest footprint. */
  tie(): number {
    return this.excess;
  }
}
