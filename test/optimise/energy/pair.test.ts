import { describe, expect, it } from "vitest";
import { EnergyPair } from "../../../src/optimise/energy/energy.js";
import { evaluate } from "../../../src/optimise/evaluate.js";
import { createRng } from "../../../src/optimise/random.js";
import { gridInstance, stateOf } from "../generate.js";

const objective = { weights: { cross: 1, split: 0.5, moved: 0.1 }, caps: { split: 2 } };

describe("EnergyPair", () => {
  it("EnergyPair: after random flips between two footprints, its key and energy equal a recomputation of the plan", () => {
    let checked = 0;
    for (let seed = 1; seed <= 30; seed++) {
      const inst = gridInstance({ rows: 4, cols: 6, k: 4, seed, providers: 16, areas: 10 });
      const rng = createRng(seed);
      const k = 3 + (seed % 3);
      const plan = Int32Array.from({ length: inst.n }, () => Math.floor(rng() * k));
      const start = Int32Array.from({ length: inst.n }, () => Math.floor(rng() * k));
      const s = stateOf(inst, plan, k, { start, objective });
      // A second state shares the evaluator: it must read that state's terms, not the first's.
      const other = stateOf(inst, start, k, { start, objective });
      const two = new EnergyPair(other, other.energy);
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
        const ref = stateOf(inst, moved, k, { start, objective });
        expect(two.primary()).toBeCloseTo(full.cross + 0.5 * full.split! + 0.1 * full.moved, 9);
        expect(two.tie()).toBeCloseTo(ref.energy.tie(), 9);
        expect(two.capExcess()).toBe(Math.max(0, full.split! - 2));
        expect(two.value()).toBeCloseTo(ref.energy.value(ref), 9);
        expect(two.moved).toBe(full.moved);
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
