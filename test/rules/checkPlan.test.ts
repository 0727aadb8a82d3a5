import { describe, expect, it } from "vitest";
import { checkPlan } from "../../src/rules/checkPlan.js";
import { gridDataset, planOf } from "../helpers/dataset.js";

// A 2 x 3 grid, populations in brackets:
//   r1c0 [100]  r1c1 [100]  r1c2 [100]
//   r0c0 [100]  r0c1 [100]  r0c2 [100]
const pops = [100, 100, 100, 100, 100, 100];
const rules = (r: ReturnType<typeof checkPlan>) => r.findings.map((f) => f.rule);

describe("checkPlan", () => {
  it("checkPlan: a plan that keeps every rule passes with two footprints of 300", () => {
    const ds = gridDataset(2, 3, pops);
    const r = checkPlan(ds, planOf("r0c0:A r1c0:A r0c1:A r1c1:B r0c2:B r1c2:B"));
    expect(r.ok).toBe(true);
    expect(r.findings).toEqual([]);
    expect(r.metrics.population).toEqual({ min: 300, max: 300, total: 600 });
    expect(r.footprints.map((f) => [f.id, f.units.length, f.components, f.status])).toEqual([
      ["A", 3, 1, "ok"],
      ["B", 3, 1, "ok"],
    ]);
  });

  it("unknown-unit: a plan row for a unit not in the boundaries, with its line", () => {
    const r = checkPlan(gridDataset(2, 3, pops), planOf("r0c0:A r1c0:A r0c1:A r1c1:B r0c2:B r1c2:B zz:B"));
    expect(rules(r)).toEqual(["unknown-unit"]);
    expect(r.findings[0].message).toBe('the plan (line 8) puts "zz" in B, but "zz" is not a unit of the boundaries');
    expect(r.ok).toBe(false);
  });

  it("unassigned: units in no footprint are listed in one finding", () => {
    const r = checkPlan(gridDataset(2, 3, pops, { min: 0 }), planOf("r0c0:A r1c0:A r0c1:A r1c1:B"));
    expect(rules(r)).toEqual(["unassigned"]);
    expect(r.findings[0].units).toEqual(["r0c2", "r1c2"]);
    expect(r.findings[0].message).toBe("2 units are in no footprint: r0c2, r1c2");
  });

  it("overlap: a unit listed for two footprints names both, with their lines", () => {
    const r = checkPlan(gridDataset(2, 3, pops), planOf("r0c0:A r1c0:A r0c1:A r1c1:B r0c2:B r1c2:B r0c1:B"));
    expect(rules(r)).toEqual(["overlap"]);
    expect(r.findings[0].message).toBe("r0c1 is in 2 footprints: A (line 4), B (line 8)");
    expect(r.findings[0].units).toEqual(["r0c1"]);
  });

  it("population-min / population-max: say by how much a footprint is out of bounds", () => {
    const r = checkPlan(gridDataset(2, 3, [100, 100, 100, 100, 100, 700], { min: 150, max: 800 }), planOf("r0c0:A r0c1:B r1c0:B r1c1:B r0c2:B r1c2:B"));
    expect(rules(r).sort()).toEqual(["population-max", "population-min"]);
    const max = r.findings.find((f) => f.rule === "population-max")!;
    expect(max.message).toBe("B has 1,100 people, over the maximum 800 by 300");
    const min = r.findings.find((f) => f.rule === "population-min")!;
    expect(min.message).toBe("A has 100 people, under the minimum 150 by 50");
  });

  it("contiguity: a footprint split in two lists both pieces; a link joins them", () => {
    // A = r0c0 + r0c2 (not touching), B = the rest.
    const plan = planOf("r0c0:A r0c2:A r0c1:B r1c0:B r1c1:B r1c2:B");
    const r = checkPlan(gridDataset(2, 3, pops, { min: 0 }), plan);
    expect(rules(r)).toEqual(["contiguity"]);
    expect(r.findings[0].message).toBe("A is in 2 pieces: piece 1: r0c0; piece 2: r0c2");
    expect(r.findings[0].pieces).toEqual([["r0c0"], ["r0c2"]]);
    expect(r.footprints[0].components).toBe(2);
    const linked = checkPlan(gridDataset(2, 3, pops, { min: 0, links: [["r0c0", "r0c2"]] }), plan);
    expect(rules(linked)).toEqual([]);
  });

  it("cross-footprint-provider: shares at or above the threshold in two footprints, listed", () => {
    const providers = [
      { provider: "P1", unit: "r0c0", value: 90 },
      { provider: "P1", unit: "r1c1", value: 10 },
      { provider: "P2", unit: "r0c0", value: 96 },
      { provider: "P2", unit: "r1c1", value: 4 },
    ];
    const r = checkPlan(gridDataset(2, 3, pops, { providers }), planOf("r0c0:A r1c0:A r0c1:A r1c1:B r0c2:B r1c2:B"));
    expect(rules(r)).toEqual(["cross-footprint-provider"]);
    expect(r.findings[0].provider).toBe("P1");
    expect(r.findings[0].shares).toEqual({ A: 0.9, B: 0.1 });
    expect(r.findings[0].severity).toBe("warning");
    expect(r.ok).toBe(true);
    expect(r.metrics.crossFootprintProviders).toBe(1);
    expect(r.metrics.providerFootprintPairs).toBe(3);
  });

  it("split-area: an area whose units fall in two footprints, and severity config turns it off", () => {
    const ds = gridDataset(2, 3, pops);
    ds.areas = [
      { area: "LA1", name: "Northtown", unit: "r0c1", weight: 80 },
      { area: "LA1", name: "Northtown", unit: "r1c1", weight: 20 },
      { area: "LA2", unit: "r0c2", weight: 5 },
    ];
    const plan = planOf("r0c0:A r1c0:A r0c1:A r1c1:B r0c2:B r1c2:B");
    const r = checkPlan(ds, plan);
    expect(rules(r)).toEqual(["split-area"]);
    expect(r.findings[0].message).toBe("LA1 (Northtown) is split across 2 footprints: A 80.0%, B 20.0%");
    expect(r.metrics.splitAreas).toBe(1);
    ds.params.severity = { "split-area": "off", contiguity: "warning" };
    expect(checkPlan(ds, plan).findings).toEqual([]);
  });
});
