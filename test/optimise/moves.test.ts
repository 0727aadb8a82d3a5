import { describe, expect, it } from "vitest";
import type { Acceptance } from "../../src/optimise/accept.js";
import { planProblems } from "../../src/optimise/evaluate.js";
import { ResplitScratch, mergeSplit, resplitPair } from "../../src/optimise/moves.js";
import { createRng } from "../../src/optimise/random.js";
import { optimise } from "../../src/optimise/search.js";
import { gridInstance, stateOf } from "./generate.js";

const acceptAll: Acceptance = { temperature: Infinity, accept: () => true };

function setup(seed: number) {
  // A loose maximum so that any two footprints may merge.
  const inst = { ...gridInstance({ rows: 4, cols: 5, k: 4, seed, providers: 12 }) };
  inst.max *= 3;
  const plan = optimise(inst, { seed, iterations: 2_000, footprints: { min: 4, max: 4 } }).assignment;
  return { inst, plan };
}

describe("moves", () => {
  it("mergeSplit: keeps the footprint count, contiguity and bounds, and never exceeds the moves limit", () => {
    let applied = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const { inst, plan } = setup(seed);
      for (const limit of [0, 2, Infinity]) {
        const s = stateOf(inst, plan, 4, { start: plan, maxMoves: limit });
        s.minCount = 4;
        const rng = createRng(seed);
        const sc = new ResplitScratch(s);
        for (let t = 0; t < 30; t++) {
          const [a, b, c] = [0, 1, 2, 3].sort(() => rng() - 0.5);
          const before = Int32Array.from(s.assign);
          const tried = mergeSplit(s, a, b, c, 10, sc, rng, acceptAll);
          const changed = s.assign.some((f, u) => f !== before[u]);
          if (changed) applied++;
          expect(tried > 0 || !changed).toBe(true);
          expect(s.moved).toBeLessThanOrEqual(limit);
          expect(planProblems(inst, s.assign, { footprints: { min: 4, max: 4 } })).toEqual([]);
        }
      }
    }
    expect(applied).toBeGreaterThan(20);
  });

  it("resplitPair: never worsens the objective and keeps both footprints valid", () => {
    for (let seed = 1; seed <= 20; seed++) {
      const { inst, plan } = setup(seed);
      const s = stateOf(inst, plan, 4);
      const cross = s.energy.terms[0];
      const sc = new ResplitScratch(s);
      const rng = createRng(seed);
      for (let t = 0; t < 10; t++) {
        const a = Math.floor(rng() * 4);
        const b = (a + 1 + Math.floor(rng() * 3)) % 4;
        const before = { cross: cross.count, excess: cross.tie };
        resplitPair(s, a, b, 12, sc, rng);
        expect(cross.count <= before.cross).toBe(true);
        if (cross.count === before.cross) expect(cross.tie).toBeLessThanOrEqual(before.excess + 1e-9);
        expect(planProblems(inst, s.assign)).toEqual([]);
      }
    }
  });
});

describe("areaMove", () => {
  it("areaMove: carrying a split area's units over keeps every footprint connected and within bounds, and its energy is the state's", async () => {
    const { areaMove } = await import("../../src/optimise/moves.js");
    let applied = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const inst = gridInstance({ rows: 5, cols: 6, k: 4, seed, providers: 10, areas: 14 });
      const plan = optimise(inst, { seed, iterations: 3_000, footprints: { min: 4, max: 4 } }).assignment;
      const s = stateOf(inst, plan, 4, { start: plan, objective: { weights: { split: 1 } } });
      const split = s.energy.term("split") as import("../../src/optimise/energy/shares.js").ShareTerm;
      const sc = new ResplitScratch(s);
      const rng = createRng(seed);
      const pair = Int32Array.of(-1, -1);
      for (let t = 0; t < 40; t++) {
        const g = split.pickCountedPair(rng, pair);
        if (g < 0) break;
        const before = Int32Array.from(s.assign);
        areaMove(s, g, pair[1], pair[0], inst.areas!.offsets, inst.areas!.unit, sc, acceptAll);
        if (s.assign.some((f, u) => f !== before[u])) applied++;
        expect(planProblems(inst, s.assign)).toEqual([]);
        const e = s.energy.value(s);
        s.recompute();
        expect(s.energy.value(s)).toBeCloseTo(e, 9);
      }
    }
    expect(applied).toBeGreaterThan(10);
  });
});
