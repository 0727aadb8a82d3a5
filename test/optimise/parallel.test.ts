import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
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
});
