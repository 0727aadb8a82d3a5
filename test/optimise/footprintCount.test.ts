import { describe, expect, it } from "vitest";
import { planProblems } from "../../src/optimise/evaluate.js";
import { adjustCount } from "../../src/optimise/footprintCount.js";
import { createRng } from "../../src/optimise/random.js";
import { optimise } from "../../src/optimise/search.js";
import { gridInstance } from "./generate.js";

describe("footprint count", () => {
  it("adjustCount: splits and merges reach the target count, every footprint contiguous, locked units in place", () => {
    for (let seed = 1; seed <= 12; seed++) {
      const inst = gridInstance({ rows: 5, cols: 6, k: 5, seed, providers: 8 });
      const plan = optimise(inst, { seed, iterations: 2_000, footprints: { min: 5, max: 5 } }).assignment;
      for (const target of [3, 4, 6, 8]) {
        const assign = Int32Array.from(plan);
        const lock = new Int32Array(inst.n).fill(-1);
        lock[seed] = assign[seed];
        const ok = adjustCount(inst, assign, 8, target, lock, createRng(seed));
        expect(ok, `seed ${seed} target ${target}`).toBe(true);
        expect(new Set(assign).size).toBe(target);
        expect(assign[seed]).toBe(lock[seed]);
        // Contiguity (bounds are repaired later): only "pieces" problems would show here.
        expect(planProblems({ ...inst, min: 0, max: Infinity }, assign)).toEqual([]);
      }
    }
  });

  it("search: --footprints both ways: from a 5-footprint start the search returns valid plans of 4 and of 7", () => {
    const inst = gridInstance({ rows: 6, cols: 6, k: 5, seed: 4, providers: 10 });
    inst.min = Math.floor(inst.min * 0.5);
    inst.max = Math.ceil(inst.max * 1.4);
    const start = optimise(inst, { seed: 1, iterations: 4_000, footprints: { min: 5, max: 5 } }).assignment;
    expect(new Set(start).size).toBe(5);
    for (const c of [4, 7]) {
      const r = optimise(inst, { start, seed: 2, iterations: 20_000, footprints: { min: c, max: c } });
      expect(r.problems).toEqual([]);
      expect(r.footprintCount).toBe(c);
    }
  });
});
