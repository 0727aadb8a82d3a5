import { describe, expect, it } from "vitest";
import { diffPlans } from "../../src/model/diffPlans.js";
import { comparePlans } from "../../src/rules/comparePlans.js";
import { gridDataset, planOf } from "../helpers/dataset.js";

//   r1:  A  A  B        before          r1:  A  B  B      after: r1c1 moves A -> B,
//   r0:  A  C  C                        r0:  A  D  D      C is renamed D
const before = planOf("r1c0:A r1c1:A r1c2:B r0c0:A r0c1:C r0c2:C");
const after = planOf("r1c0:A r1c1:B r1c2:B r0c0:A r0c1:D r0c2:D");

describe("diffPlans", () => {
  const dataset = gridDataset(2, 3, [100, 100, 100, 100, 100, 100], { min: 100, max: 300 });

  it("diffPlans: units in a different footprint are moved, with from and to", () => {
    const d = diffPlans(dataset.units, before, after);
    expect(d.moved.map((m) => [m.unit, m.from, m.to])).toEqual([
      ["r0c1", "C", "D"],
      ["r0c2", "C", "D"],
      ["r1c1", "A", "B"],
    ]);
  });

  it("diffPlans: footprints created, removed, changed and unchanged", () => {
    const d = diffPlans(dataset.units, before, after);
    expect(d.created).toEqual([{ footprint: "D", name: "", units: ["r0c1", "r0c2"] }]);
    expect(d.removed).toEqual([{ footprint: "C", name: "", units: ["r0c1", "r0c2"] }]);
    expect(d.changed).toEqual([
      { footprint: "A", name: "", gained: [], lost: ["r1c1"] },
      { footprint: "B", name: "", gained: ["r1c1"], lost: [] },
    ]);
    expect(d.unchanged).toBe(0);
  });

  it("diffPlans: a unit left out of plan B moves to null", () => {
    const d = diffPlans(dataset.units, before, planOf("r1c0:A r1c1:A r1c2:B r0c0:A r0c1:C"));
    expect(d.moved).toEqual([{ unit: "r0c2", name: "", from: "C", fromName: "", to: null, toName: "" }]);
  });

  it("comparePlans: both sides' metrics and findings per rule", () => {
    const c = comparePlans(dataset, before, after);
    expect(c.a.metrics.population.max).toBe(300);
    expect(c.b.metrics.population.max).toBe(200);
    expect(c.a.findings).toEqual({});
    expect(c.b.errors).toBe(0);
    expect(c.diff.moved).toHaveLength(3);
  });
});

describe("diffPlans names", () => {
  it("diffPlans: moved units carry both footprints' names, from either plan", () => {
    const dataset = gridDataset(1, 3, [100, 100, 100]);
    const a = planOf("r0c0:A r0c1:A r0c2:B");
    a.names = new Map([["A", "North"], ["B", "South"]]);
    const b = planOf("r0c0:A r0c1:N r0c2:B");
    b.names = new Map([["N", "New Town"]]);
    expect(diffPlans(dataset.units, a, b).moved).toEqual([{ unit: "r0c1", name: "", from: "A", fromName: "North", to: "N", toName: "New Town" }]);
  });
});
