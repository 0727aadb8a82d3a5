import { describe, expect, it } from "vitest";
import { evaluate } from "../../src/optimise/evaluate.js";
import { createRng } from "../../src/optimise/random.js";
import { State } from "../../src/optimise/state.js";
import { TwoWay } from "../../src/optimise/twoWay.js";
import { gridInstance } from "./generate.js";

describe("twoWay", () => {
  it("twoWay: after random flips between two footprints, its objective equals a recomputation of the plan", () => {
    let checked = 0;
    for (let seed = 1; seed <= 30; seed++) {
      const inst = gridInstance({ rows: 4, cols: 6, k: 4, seed, providers: 16 });
      const rng = createRng(seed);
      const k = 3 + (seed % 3);
      const plan = Int32Array.from({ length: inst.n }, () => Math.floor(rng() * k));
      const start = Int32Array.from({ length: inst.n }, () => Math.floor(rng() * k));
      const s = new State(inst, plan, k, start, null, Infinity);
      const two = new TwoWay(s);
      const fa = seed % k;
      const fb = (fa + 1) % k;
      const units = new Int32Array(31);
      let r = 0;
      for (let u = 0; u < inst.n && r < 31; u++) if (plan[u] === fa || plan[u] === fb) units[r++] = u;
      two.load(s, fa, fb, units, r);
      const moved = Int32Array.from(plan);
      for (let step = 0; step < 40 && r > 0; step++) {
        const i = Math.floor(rng() * r);
        two.flip(s, i);
        const u = units[i];
        moved[u] = moved[u] === fa ? fb : fa;
        const full = evaluate(inst, moved, start);
        const ref = new State(inst, moved, k, start, null, Infinity);
        expect(two.cross).toBe(full.cross);
        expect(two.excess).toBeCloseTo(full.tie, 9);
        expect(two.moved).toBe(full.moved);
        expect(two.herf).toBeCloseTo(ref.herf, 9);
        expect(two.popA).toBeCloseTo(ref.pop[fa], 6);
        expect(two.popB).toBeCloseTo(ref.pop[fb], 6);
        checked++;
      }
      // The state itself is never changed.
      expect(Array.from(s.assign)).toEqual(Array.from(plan));
    }
    expect(checked).toBeGreaterThan(1000);
  });
});
