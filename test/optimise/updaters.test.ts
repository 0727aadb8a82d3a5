import { describe, expect, it } from "vitest";
import { evaluate } from "../../src/optimise/evaluate.js";
import { createRng } from "../../src/optimise/random.js";
import { State } from "../../src/optimise/state.js";
import { applyFlip, flipDelta, movedDelta } from "../../src/optimise/updaters.js";
import { gridInstance } from "./generate.js";
import { itShared } from "../helpers/shared.js";

function randomSequence(inst: ReturnType<typeof gridInstance>, k: number, seed: number, steps: number) {
  const rng = createRng(seed);
  const start = Int32Array.from({ length: inst.n }, () => Math.floor(rng() * k));
  const s = new State(inst, start, k, start, null, Infinity);
  for (let i = 0; i < steps; i++) {
    const u = Math.floor(rng() * inst.n);
    const to = Math.floor(rng() * k);
    if (to === s.assign[u]) continue;
    const before = { cross: s.cross, excess: s.excess, herf: s.herf, moved: s.moved };
    flipDelta(s, u, to);
    const predicted = { dCross: s.dCross, dExcess: s.dExcess, dHerf: s.dHerf, dMoved: movedDelta(s, u, to) };
    applyFlip(s, u, to);
    expect(s.cross - before.cross).toBe(predicted.dCross);
    expect(s.excess - before.excess).toBeCloseTo(predicted.dExcess, 9);
    expect(s.herf - before.herf).toBeCloseTo(predicted.dHerf, 9);
    expect(s.moved - before.moved).toBe(predicted.dMoved);
    // Cached top-two shares of every provider not marked stale equal a rescan of its row.
    for (let p = 0; p < s.P; p++) {
      if (s.stale[p]) continue;
      const m1 = s.max1[p];
      const m2 = s.max2[p];
      const i1 = s.arg1[p];
      s.rescan(p);
      expect(m1).toBeCloseTo(s.max1[p], 12);
      expect(m2).toBeCloseTo(s.max2[p], 12);
      expect(s.share[i1 * s.P + p]).toBeCloseTo(s.max1[p], 12);
    }
  }
  return { s, start };
}

describe("updaters", () => {
  it("updaters: flip deltas and cached values equal a full recomputation after random move sequences", () => {
    for (let seed = 1; seed <= 20; seed++) {
      const inst = gridInstance({ rows: 4, cols: 5, k: 4, seed, providers: 12 });
      const k = 3 + (seed % 4);
      const { s, start } = randomSequence(inst, k, seed, 400);
      const full = evaluate(inst, s.assign, start);
      expect(s.cross).toBe(full.cross);
      expect(s.excess).toBeCloseTo(full.tie, 9);
      expect(s.moved).toBe(full.moved);
      const cached = { share: Float64Array.from(s.share), pop: Float64Array.from(s.pop), above: Int32Array.from(s.above), herf: s.herf };
      const cutEdges = Array.from(s.cut.subarray(0, s.cutCount)).sort((a, b) => a - b);
      const between = [];
      for (let e = 0; e < inst.adj.length; e++) if (s.assign[s.edgeSrc[e]] !== s.assign[inst.adj[e]]) between.push(e);
      expect(cutEdges).toEqual(between);
      for (let i = 0; i < s.cutCount; i++) expect(s.cutPos[s.cut[i]]).toBe(i);
      s.recompute();
      expect(Array.from(cached.above)).toEqual(Array.from(s.above));
      for (let i = 0; i < s.share.length; i++) expect(cached.share[i]).toBeCloseTo(s.share[i], 12);
      for (let f = 0; f < k; f++) expect(cached.pop[f]).toBeCloseTo(s.pop[f], 6);
      expect(cached.herf).toBeCloseTo(s.herf, 9);
    }
  }, 30_000);

  it("updaters: the tie-breaker is zero exactly when no provider is cross-footprint", () => {
    const inst = gridInstance({ rows: 3, cols: 3, k: 3, seed: 5 });
    const all0 = new Int32Array(inst.n);
    expect(evaluate(inst, all0, null)).toEqual({ cross: 0, tie: 0, moved: 0 });
    const s = new State(inst, all0, 2, null, null, Infinity);
    expect(s.cross).toBe(0);
    expect(s.excess).toBe(0);
  });

  itShared("updaters: England start plan has 78 cross-footprint providers, incrementally and from scratch", async () => {
    const { loadEngland } = await import("../bench/england.mjs");
    const { instance, start } = loadEngland();
    const s = new State(instance, start, 44, start, null, Infinity);
    expect(s.cross).toBe(78);
    expect(evaluate(instance, start, start).cross).toBe(78);
    const rng = createRng(3);
    for (let i = 0; i < 2000; i++) {
      const u = Math.floor(rng() * instance.n);
      const to = Math.floor(rng() * 44);
      if (to === s.assign[u]) continue;
      flipDelta(s, u, to);
      const d = s.dCross;
      const c = s.cross;
      applyFlip(s, u, to);
      expect(s.cross - c).toBe(d);
    }
    expect(s.cross).toBe(evaluate(instance, s.assign, start).cross);
  });
});
