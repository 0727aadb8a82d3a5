import { describe, expect, it } from "vitest";
import type { ShareTerm } from "../../../src/optimise/energy/shares.js";
import { evaluate } from "../../../src/optimise/evaluate.js";
import { createRng } from "../../../src/optimise/random.js";
import { long } from "../../helpers/budget.js";
import { itShared } from "../../helpers/shared.js";
import { gridInstance, stateOf } from "../generate.js";

/** Both share terms on, with weights, so every part of the energy is exercised. */
const objective = { weights: { cross: 1, split: 0.7, moved: 0.05 }, tuning: { spread: 0.2 } };

function randomSequence(seed: number, steps: number) {
  const inst = gridInstance({ rows: 4, cols: 5, k: 4, seed, providers: 12, areas: 9 });
  const k = 3 + (seed % 4);
  const rng = createRng(seed);
  const start = Int32Array.from({ length: inst.n }, () => Math.floor(rng() * k));
  const s = stateOf(inst, start, k, { start, objective });
  for (let i = 0; i < steps; i++) {
    const u = Math.floor(rng() * inst.n);
    const to = Math.floor(rng() * k);
    if (to === s.assign[u]) continue;
    const counts = s.energy.terms.map((t) => t.count);
    const e0 = s.energy.value(s);
    const dm = s.movedDelta(u, to);
    const dE = s.energy.delta(s, u, to, dm);
    const dCounts = s.energy.terms.map((t) => t.dCount);
    const moved = s.moved;
    s.flip(u, to);
    s.energy.terms.forEach((t, j) => expect(t.count - counts[j], t.name).toBe(dCounts[j]));
    expect(s.moved - moved).toBe(dm);
    expect(s.energy.value(s) - e0).toBeCloseTo(dE, 9);
    // Cached top-two shares of every group not marked stale equal a rescan of its row.
    for (const t of s.energy.terms as ShareTerm[])
      for (let g = 0; g < t.G; g++) {
        if (t.stale[g]) continue;
        const [m1, m2, i1] = [t.max1[g], t.max2[g], t.arg1[g]];
        t.rescan(g);
        expect(m1).toBeCloseTo(t.max1[g], 12);
        expect(m2).toBeCloseTo(t.max2[g], 12);
        expect(t.share[i1 * t.G + g]).toBeCloseTo(t.max1[g], 12);
      }
  }
  return { inst, s, start, k };
}

describe("share terms", () => {
  it("share terms: deltas and cached values of cross providers and split areas equal a recount from scratch after random moves", () => {
    for (let seed = 1; seed <= (long ? 20 : 6); seed++) {
      const { inst, s, start, k } = randomSequence(seed, 300);
      const full = evaluate(inst, s.assign, start);
      const cross = s.energy.term("cross") as ShareTerm;
      const split = s.energy.term("split") as ShareTerm;
      expect(cross.count).toBe(full.cross);
      expect(cross.excess).toBeCloseTo(full.tie, 9);
      expect(split.count).toBe(full.split);
      expect(s.moved).toBe(full.moved);
      const cached = { share: Float64Array.from(cross.share), split: Float64Array.from(split.share), pop: Float64Array.from(s.pop), herf: cross.herf, e: s.energy.value(s) };
      const cutEdges = Array.from(s.cut.subarray(0, s.cutCount)).sort((a, b) => a - b);
      const between = [];
      for (let e = 0; e < inst.adj.length; e++) if (s.assign[s.edgeSrc[e]] !== s.assign[inst.adj[e]]) between.push(e);
      expect(cutEdges).toEqual(between);
      for (let i = 0; i < s.cutCount; i++) expect(s.cutPos[s.cut[i]]).toBe(i);
      s.recompute();
      for (let i = 0; i < cross.share.length; i++) expect(cached.share[i]).toBeCloseTo(cross.share[i], 12);
      for (let i = 0; i < split.share.length; i++) expect(cached.split[i]).toBeCloseTo(split.share[i], 12);
      for (let f = 0; f < k; f++) expect(cached.pop[f]).toBeCloseTo(s.pop[f], 6);
      expect(cached.herf).toBeCloseTo(cross.herf, 9);
      expect(cached.e).toBeCloseTo(s.energy.value(s), 9);
    }
  }, 30_000);

  it("share terms: the tie-breaker is zero exactly when no group is counted", () => {
    const inst = gridInstance({ rows: 3, cols: 3, k: 3, seed: 5, areas: 4 });
    const all0 = new Int32Array(inst.n);
    expect(evaluate(inst, all0, null)).toEqual({ cross: 0, tie: 0, moved: 0, split: 0 });
    const s = stateOf(inst, all0, 2, { objective: { weights: { split: 1 } } });
    for (const t of s.energy.terms) {
      expect(t.count, t.name).toBe(0);
      expect(t.tie, t.name).toBe(0);
    }
  });

  it("share terms: an area counts as split only when a second footprint holds more than the tolerance", () => {
    // Two units, one area: 95% in unit 0, 5% in unit 1; tolerance 0.05 (strictly more is split).
    const inst = gridInstance({ rows: 1, cols: 2, k: 2, seed: 1, providers: 1 });
    inst.areas = { offsets: Int32Array.of(0, 2), unit: Int32Array.of(0, 1), value: Float64Array.of(95, 5), total: Float64Array.of(100) };
    const apart = Int32Array.of(0, 1);
    expect(evaluate(inst, apart, null).split).toBe(0);
    expect(stateOf(inst, apart, 2, { objective: { weights: { split: 1 } } }).energy.term("split")!.count).toBe(0);
    inst.splitTolerance = 0.049;
    expect(evaluate(inst, apart, null).split).toBe(1);
    expect(stateOf(inst, apart, 2, { objective: { weights: { split: 1 } } }).energy.term("split")!.count).toBe(1);
  });

  itShared("share terms: England start plan has 78 cross-footprint providers, incrementally and from scratch", async () => {
    const { loadEngland } = await import("../../bench/england.mjs");
    const { instance, start } = loadEngland();
    const inst = { ...instance, splitTolerance: 0.01 };
    const s = stateOf(inst, start, 44, { start });
    const cross = s.energy.terms[0];
    expect(cross.count).toBe(78);
    expect(evaluate(inst, start, start).cross).toBe(78);
    const rng = createRng(3);
    for (let i = 0; i < 2000; i++) {
      const u = Math.floor(rng() * inst.n);
      const to = Math.floor(rng() * 44);
      if (to === s.assign[u]) continue;
      cross.delta(s, u, to);
      const d = cross.dCount;
      const c = cross.count;
      s.flip(u, to);
      expect(cross.count - c).toBe(d);
    }
    expect(cross.count).toBe(evaluate(inst, s.assign, start).cross);
  });
});
