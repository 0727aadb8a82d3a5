import type { Energy } from "./energy/energy.js";
import type { Instance } from "./instance.js";

/** What a state needs besides an assignment. */
export interface StateOptions {
  /** Start footprint per unit, to count units moved (absent: nothing counts as moved). */
  start?: Int32Array | null;
  /** -1, or the footprint a unit must stay in. */
  lock?: Int32Array | null;
  /** Hard limit on units moved from the start. */
  maxMoves?: number;
  /** Per footprint slot, its population bounds (default the instance's). */
  minOf?: Float64Array;
  maxOf?: Float64Array;
  /** Per unit, how many units it stands for in `moved` (a contracted keep-together group; default 1). */
  weight?: Int32Array | null;
  /**
   * Count units moved as the result's names will (labelFootprints): a footprint keeps its start
   * footprint's identity only while each holds the majority of the other's people, and when it
   * loses it every unit in it counts as moved. Off, only units outside their start footprint count.
   */
  identity?: boolean;
}

/**
 * The search state: an assignment plus every value the moves need, cached in typed arrays indexed
 * by unit and footprint, and the energy's terms (energy/), which cache their own values. A move
 * updates everything from deltas (`flip`).
 *
 * Invariants (checked by `recompute` in tests):
 * - pop[f] = sum of population over units with assign[u] = f; size[f] = their number;
 * - nonEmpty = footprints with at least one unit;
 * - movedUnits = total weight of units with start[u] >= 0 and assign[u] != start[u]; popSame[f] and
 *   cntSame[f] = people and weight of the units in f that started in f; moved = movedUnits, plus
 *   (with `identity`) cntSame[f] of every footprint that no longer continues its start footprint
 *   (popSame[f] at most half of pop[f] or of startPop[f]);
 * - cut[0..cutCount) = the directed edges between two footprints, cutPos their places;
 * - each term of `energy` equals its value recomputed from the assignment.
 */
export class State {
  readonly inst: Instance;
  readonly n: number;
  /** Footprint slots (some may be empty when the count may shrink). */
  readonly k: number;
  readonly population: Float64Array;
  readonly assign: Int32Array;
  /** Start footprint per unit (-1 when there is no start). */
  readonly start: Int32Array;
  /** -1 or the footprint a unit must stay in. */
  readonly lock: Int32Array;
  readonly maxMoves: number;
  /** Units each unit stands for in `moved` (1 unless it is a contracted group). */
  readonly weight: Int32Array;
  /** Population bounds per footprint slot (the instance's, unless a footprint has an exception). */
  readonly minOf: Float64Array;
  readonly maxOf: Float64Array;
  readonly pop: Float64Array;
  readonly size: Int32Array;
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
  /** Footprints with at least one unit, and the fewest allowed (flips may empty a footprint above it). */
  nonEmpty = 0;
  minCount = 0;
  /** Units moved (see the invariants), and units outside their start footprint. */
  moved = 0;
  movedUnits = 0;
  readonly identity: boolean;
  readonly startPop: Float64Array;
  readonly popSame: Float64Array;
  readonly cntSame: Float64Array;
  readonly energy: Energy;

  constructor(inst: Instance, assign: Int32Array, k: number, energy: (s: State) => Energy, opts: StateOptions = {}) {
    const n = inst.n;
    this.inst = inst;
    this.n = n;
    this.k = k;
    this.population = inst.population;
    this.assign = Int32Array.from(assign);
    this.start = opts.start ? Int32Array.from(opts.start) : new Int32Array(n).fill(-1);
    this.lock = opts.lock ? Int32Array.from(opts.lock) : new Int32Array(n).fill(-1);
    this.maxMoves = opts.maxMoves ?? Infinity;
    this.weight = opts.weight ? Int32Array.from(opts.weight) : new Int32Array(n).fill(1);
    this.minOf = opts.minOf ? Float64Array.from(opts.minOf) : new Float64Array(k).fill(inst.min);
    this.maxOf = opts.maxOf ? Float64Array.from(opts.maxOf) : new Float64Array(k).fill(inst.max);
    this.pop = new Float64Array(k);
    this.size = new Int32Array(k);
    this.identity = (opts.identity ?? false) && opts.start != null;
    this.startPop = new Float64Array(k);
    this.popSame = new Float64Array(k);
    this.cntSame = new Float64Array(k);
    for (let u = 0; u < n; u++) if (this.start[u] >= 0) this.startPop[this.start[u]] += inst.population[u];
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
    this.energy = energy(this);
    this.recompute();
  }

  /** Recomputes every cached value from the assignment (also clears floating-point drift). */
  recompute(): void {
    const { n, k, assign, pop, size } = this;
    pop.fill(0);
    size.fill(0);
    this.popSame.fill(0);
    this.cntSame.fill(0);
    let moved = 0;
    for (let u = 0; u < n; u++) {
      const f = assign[u];
      pop[f] += this.population[u];
      size[f]++;
      if (this.start[u] >= 0 && this.start[u] !== f) moved += this.weight[u];
      if (this.start[u] === f) {
        this.popSame[f] += this.population[u];
        this.cntSame[f] += this.weight[u];
      }
    }
    this.movedUnits = moved;
    if (this.identity) for (let f = 0; f < k; f++) moved += this.lost(f, pop[f], this.popSame[f], this.cntSame[f]);
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
    this.energy.recompute(this);
  }

  /**
   * Moves unit u to footprint `to` and updates every cached value from deltas. It checks no rule:
   * callers test bounds and contiguity first (or undo the move).
   */
  flip(u: number, to: number): void {
    const from = this.assign[u];
    if (from === to) return;
    this.energy.apply(this, u, from, to);
    const p = this.population[u];
    this.pop[from] -= p;
    this.pop[to] += p;
    if (--this.size[from] === 0) this.nonEmpty--;
    if (this.size[to]++ === 0) this.nonEmpty++;
    const st = this.start[u];
    if (st >= 0) {
      const w = this.weight[u];
      const d = w * ((to === st ? -1 : 0) + (from === st ? 1 : 0));
      this.movedUnits += d;
      if (this.identity) {
        const { popSame, cntSame } = this;
        let moved = this.moved + d - this.lost(from, this.pop[from] + p, popSame[from], cntSame[from]) - this.lost(to, this.pop[to] - p, popSame[to], cntSame[to]);
        if (st === from) {
          popSame[from] -= p;
          cntSame[from] -= w;
        } else if (st === to) {
          popSame[to] += p;
          cntSame[to] += w;
        }
        moved += this.lost(from, this.pop[from], popSame[from], cntSame[from]) + this.lost(to, this.pop[to], popSame[to], cntSame[to]);
        this.moved = moved;
      } else this.moved += d;
    }
    this.assign[u] = to;
    this.updateCut(u, from);
  }

  /** Change of the units-moved count if u moved to `to`. */
  movedDelta(u: number, to: number): number {
    const st = this.start[u];
    if (st < 0) return 0;
    const from = this.assign[u];
    const w = this.weight[u];
    const d = w * ((to === st ? -1 : 0) + (from === st ? 1 : 0));
    if (!this.identity) return d;
    const p = this.population[u];
    const { pop, popSame, cntSame } = this;
    const lostFrom = this.lost(from, pop[from] - p, st === from ? popSame[from] - p : popSame[from], st === from ? cntSame[from] - w : cntSame[from]);
    const lostTo = this.lost(to, pop[to] + p, st === to ? popSame[to] + p : popSame[to], st === to ? cntSame[to] + w : cntSame[to]);
    return d + lostFrom + lostTo - this.lost(from, pop[from], popSame[from], cntSame[from]) - this.lost(to, pop[to], popSame[to], cntSame[to]);
  }

  /**
   * Units counted as moved because footprint f no longer continues its start footprint: its units
   * that started there (cnt), unless they hold the majority of both f's people and the start's.
   */
  lost(f: number, pop: number, same: number, cnt: number): number {
    return same > pop * 0.5 && same > this.startPop[f] * 0.5 ? 0 : cnt;
  }

  /** Updates the cut edges around unit u, which has just moved from footprint `from`. */
  private updateCut(u: number, from: number): void {
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
}
