import { describe, expect, it } from "vitest";
import { nonDominated } from "../../src/optimise/archive.js";
import { evaluate, planProblems } from "../../src/optimise/evaluate.js";
import { optimiseParallel } from "../../src/optimise/parallel.js";
import { optimise } from "../../src/optimise/search.js";
import { gridInstance, stateOf } from "./generate.js";

describe("archive", () => {
  it("nonDominated: keeps what no other item beats on every figure, and one of equal items", () => {
    const items = [[3, 1], [2, 2], [3, 3], [1, 5], [2, 2], [4, 0], [4, 1]];
    expect(nonDominated(items, (x) => x)).toEqual([[3, 1], [2, 2], [1, 5], [4, 0]]);
  });

  it("archive: a search's archived plans are valid, measured right (cross, split, moved) and none dominates another", async () => {
    let plans = 0;
    for (const seed of [1, 2, 3]) {
      const inst = gridInstance({ rows: 5, cols: 6, k: 4, seed, providers: 14, areas: 12 });
      const start = optimise(inst, { seed, iterations: 3_000, footprints: { min: 4, max: 4 } }).assignment;
      const r = await optimiseParallel(inst, {
        start,
        seed,
        iterations: 20_000,
        threads: 2,
        replicas: 2,
        archive: { maxSplit: 12, maxMoved: inst.n },
        objective: { measure: ["split"] },
      });
      const archive = r.archive!;
      expect(archive.length).toBeGreaterThan(0);
      for (const a of archive) {
        const e = evaluate(inst, a.assignment, start);
        // Units moved as the result's names count them (a footprint that stops continuing its start counts whole).
        const moved = stateOf(inst, a.assignment, 4, { start, identity: true }).moved;
        expect([e.cross, e.split, moved]).toEqual([a.cross, a.split, a.moved]);
        expect(planProblems(inst, a.assignment)).toEqual([]);
      }
      expect(nonDominated(archive, (p) => [p.cross, p.split, p.moved])).toHaveLength(archive.length);
      plans += archive.length;
    }
    expect(plans).toBeGreaterThan(3);
  }, 60_000);
});
