import { describe, expect, it } from "vitest";
import type { PlanComparison, PlanSide } from "../../src/rules/comparePlans.js";
import { diffReporters } from "../../src/report/diff.js";
import { palette } from "../../src/report/text.js";
import { collect } from "../helpers/sink.js";

const side = (cross: number, errors: number, findings: Record<string, number>): PlanSide => ({
  source: "x",
  ok: errors === 0,
  metrics: { units: 5, footprints: 2, population: { min: 300_000, max: 2_000_000, total: 2_300_000 }, crossFootprintProviders: cross, providerFootprintPairs: 2 * cross, splitAreas: 0 },
  errors,
  warnings: cross,
  findings,
});

const comparison: PlanComparison = {
  a: side(5, 1, { "population-max": 1, "cross-footprint-provider": 5 }),
  b: side(3, 0, { "cross-footprint-provider": 3 }),
  diff: {
    moved: [
      { unit: "U1", name: "Bury", from: "F1", to: "F2" },
      { unit: "U9", name: "New | town", from: null, to: "F2" },
    ],
    created: [{ footprint: "F3", name: "Coast", units: ["U7", "U8"] }],
    removed: [],
    changed: [{ footprint: "F2", name: "", gained: ["U1", "U9"], lost: [] }],
    unchanged: 4,
  },
};

function render(format: keyof typeof diffReporters): string {
  const out = collect();
  diffReporters[format]({ comparison, nameA: "a.csv", nameB: "b.csv" }, out, palette(false));
  return out.text();
}

describe("diff reporters", () => {
  it("diff text: metrics side by side with the change, the units moved, the footprints created and changed", () => {
    const lines = render("text").split("\n");
    expect(lines.slice(0, 3)).toEqual(["plan A a.csv", "plan B b.csv", ""]);
    expect(lines).toContain("metric                              A          B  change");
    expect(lines).toContain("cross-footprint providers           5          3      -2");
    expect(lines).toContain("  population-max                    1          0      -1");
    expect(lines).toContain("footprints                          2          2        ");
    expect(lines).toContain("2 units moved");
    expect(lines).toContain("U9    New | town  (none)  F2");
    expect(lines).toContain("footprints: 1 created, 0 removed, 1 changed, 4 unchanged");
    expect(lines).toContain("  + F3 (Coast): 2 units");
    expect(lines).toContain("  ~ F2: gains U1, U9");
  });

  it("diff markdown: the same as tables, with pipes in names escaped", () => {
    const md = render("markdown");
    expect(md.startsWith("## stp-footprint diff: 2 units moved\n")).toBe(true);
    expect(md).toContain("| cross-footprint providers | 5 | 3 | -2 |");
    expect(md).toContain("| U9 | New \\| town | (none) | F2 |");
    expect(md).toContain("- ➕ F3 Coast (2 units)");
  });

  it("diff json: the comparison with the two plans' names", () => {
    expect(JSON.parse(render("json"))).toEqual({ planA: "a.csv", planB: "b.csv", ...comparison });
  });
});
