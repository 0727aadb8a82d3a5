import { describe, expect, it } from "vitest";
import { UsageError } from "../../src/errors.js";
import { checkInstance, instanceFromDataset } from "../../src/optimise/instance.js";
import { optimise } from "../../src/optimise/search.js";
import { gridDataset } from "../helpers/dataset.js";

describe("instance", () => {
  // r1c0 r1c1 r1c2
  // r0c0 r0c1 r0c2     (rook adjacency; provider A at home in column 0, B in column 2)
  const providers = [
    { provider: "A", unit: "r0c0", value: 80 },
    { provider: "A", unit: "r1c0", value: 15 },
    { provider: "A", unit: "r0c1", value: 5 },
    { provider: "B", unit: "r0c2", value: 70 },
    { provider: "B", unit: "r1c2", value: 30 },
  ];

  it("instanceFromDataset: CSR adjacency, populations and bounds come from the dataset", () => {
    const ds = gridDataset(2, 3, [100, 100, 100, 100, 100, 100], { providers, min: 150, max: 400 });
    const inst = instanceFromDataset(ds);
    checkInstance(inst);
    expect(inst.n).toBe(6);
    expect(inst.adj.length / 2).toBe(7);
    expect([inst.min, inst.max, inst.threshold]).toEqual([150, 400, 0.05]);
    const r = optimise(inst, { seed: 1, iterations: 5_000, footprints: { min: 2, max: 2 } });
    expect(r.feasible).toBe(true);
    expect(r.objective.cross).toBe(0);
  });

  it("instanceFromDataset: a dataset without providers or populations is a usage error", () => {
    expect(() => instanceFromDataset(gridDataset(1, 2, [1, 2]))).toThrow(UsageError);
    expect(() => instanceFromDataset(gridDataset(1, 2, [1, NaN], { providers }))).toThrow(/no population/);
  });
});
