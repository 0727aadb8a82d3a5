import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { frontier } from "../../src/optimise/frontier.js";
import { optimiseParallel } from "../../src/optimise/parallel.js";
import { optimise } from "../../src/optimise/search.js";
import { gridInstance } from "./generate.js";

// The threaded path runs the compiled worker (dist/optimise/worker.js); `npm test` builds first.
const built = existsSync(new URL("../../dist/optimise/worker.js", import.meta.url));
if (!built) console.warn("[tests] dist/ not built: threaded optimiser tests fail (run npm run build; npm test does)");

describe("parallel", () => {
  it("optimiseParallel: the result depends on replicas and seed, not on threads", async () => {
    const inst = gridInstance({ rows: 4, cols: 4, k: 3, seed: 21, providers: 12 });
    const opts = { seed: 9, iterations: 20_000, replicas: 3 };
    const one = await optimiseParallel(inst, { ...opts, threads: 1 });
    const two = await optimiseParallel(inst, { ...opts, threads: 2 });
    expect(Array.from(two.assignment)).toEqual(Array.from(one.assignment));
    expect(two.replica).toBe(one.replica);
    expect(one.feasible).toBe(true);
    // Replica 0 runs with the run's own seed, so one replica equals the in-process search.
    const single = await optimiseParallel(inst, { seed: 9, iterations: 20_000, replicas: 1, threads: 1 });
    expect(Array.from(single.assignment)).toEqual(Array.from(optimise(inst, { seed: 9, iterations: 20_000 }).assignment));
  }, 30_000);

  it("frontier: the best count never rises as the moves limit grows, and each plan keeps its limit", async () => {
    const inst = gridInstance({ rows: 4, cols: 4, k: 4, seed: 3, providers: 12 });
    const start = optimise(inst, { seed: 1, iterations: 2_000, footprints: { min: 4, max: 4 }, objective: { tuning: { tie: 0 } }, schedule: { t0: 50, t1: 40 } }).assignment;
    const points = await frontier(inst, { start, seed: 2, iterations: 20_000, threads: 1 });
    expect(points.map((p) => p.maxMoves)).toEqual([0, 1, 2, 4, 8, 16, 32, Infinity]);
    expect(points[0].cross).not.toBeNull();
    for (const p of points) {
      expect(p.result.feasible).toBe(true);
      expect(p.moved).toBeLessThanOrEqual(p.maxMoves);
    }
    for (let i = 1; i < points.length; i++) expect(points[i].cross!).toBeLessThanOrEqual(points[i - 1].cross!);
  });
});
