import { describe, expect, it } from "vitest";
import { contractGroups, expandAssignment } from "../../src/optimise/contract.js";
import { evaluate } from "../../src/optimise/evaluate.js";
import { checkInstance } from "../../src/optimise/instance.js";
import { createRng } from "../../src/optimise/random.js";
import { gridInstance } from "./generate.js";

describe("contractGroups", () => {
  it("contractGroups: a contracted plan has the objective of its expansion, and groups are single units", () => {
    for (let seed = 1; seed <= 10; seed++) {
      const inst = gridInstance({ rows: 4, cols: 5, k: 4, seed, providers: 10, areas: 6 });
      // Groups: two horizontal pairs (grid rows are connected left to right).
      const groupOf = new Int32Array(inst.n).fill(-1);
      groupOf[0] = groupOf[1] = 0;
      groupOf[7] = groupOf[8] = groupOf[9] = 1;
      const c = contractGroups(inst, groupOf);
      checkInstance(c.inst);
      expect(c.inst.n).toBe(inst.n - 3);
      expect(c.of[0]).toBe(c.of[1]);
      expect(c.of[7]).toBe(c.of[9]);
      let total = 0;
      for (const p of c.inst.population) total += p;
      expect(total).toBeCloseTo(inst.population.reduce((a, b) => a + b, 0), 6);
      const rng = createRng(seed);
      for (let t = 0; t < 20; t++) {
        const assign = Int32Array.from({ length: c.inst.n }, () => Math.floor(rng() * 3));
        const full = expandAssignment(c, assign);
        const a = evaluate(c.inst, assign, null);
        const b = evaluate(inst, full, null);
        expect(a.cross).toBe(b.cross);
        expect(a.tie).toBeCloseTo(b.tie, 9);
        expect(a.split).toBe(b.split);
      }
    }
  });
});
