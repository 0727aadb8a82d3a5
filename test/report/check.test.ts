import { describe, expect, it } from "vitest";
import type { CheckResult } from "../../src/rules/checkPlan.js";
import { checkReporters } from "../../src/report/check.js";
import { mapSummary } from "../../src/report/mapSummary.js";
import { palette } from "../../src/report/text.js";
import { collect } from "../helpers/sink.js";

function result(ok: boolean): CheckResult {
  return {
    ok,
    metrics: { units: 5, footprints: 2, population: { min: 250_000, max: 2_900_000, total: 3_150_000 }, crossFootprintProviders: 3, providerFootprintPairs: 7, splitAreas: 2 },
    footprints: [
      { id: "F1", name: "North | East", population: 2_900_000, units: ["U1", "U2", "U3"], components: 2, status: ok ? "warning" : "error" },
      { id: "F2", name: "South", population: 250_000, units: ["U4", "U5"], components: 1, status: "ok" },
    ],
    findings: ok
      ? [{ rule: "cross-footprint-provider", severity: "warning", message: "P1 serves F1 and F2", footprint: "F1" }]
      : [
          { rule: "population-max", severity: "error", message: "F1 is over", footprint: "F1" },
          { rule: "contiguity", severity: "error", message: "F1 is in 2 pieces", footprint: "F1" },
          { rule: "cross-footprint-provider", severity: "warning", message: "P1 serves F1 and F2", footprint: "F1" },
          { rule: "cross-footprint-provider", severity: "warning", message: "P2 serves F1 and F2", footprint: "F2" },
        ],
  };
}

function render(format: keyof typeof checkReporters, r: CheckResult): string {
  const out = collect();
  checkReporters[format]({ result: r, title: "Demo: plan.csv", planFile: "plan.csv" }, out, palette(false));
  return out.text();
}

describe("check reporters", () => {
  it("check text: a row per footprint (pieces shown), the findings, then the metrics and a FAIL verdict with counts", () => {
    const lines = render("text", result(false)).split("\n");
    expect(lines.slice(0, 5)).toEqual([
      "Demo: plan.csv",
      "",
      "footprint  name          units  population  status",
      "F1         North | East      3   2,900,000  error (2 pieces)",
      "F2         South             2     250,000  ok",
    ]);
    expect(lines).toContain("population-max (1 finding)");
    expect(lines.slice(-3)).toEqual([
      "2 footprints, 5 units, population 250,000 to 2,900,000; 3 cross-footprint providers; 2 split areas",
      "FAIL 2 errors, 2 warnings",
      "",
    ]);
  });

  it("check text: PASS when the result has no error", () => {
    expect(render("text", result(true))).toMatch(/\nPASS 0 errors, 1 warning\n$/);
  });

  it("check json: the result as it is (the README's JSON output)", () => {
    const r = result(false);
    expect(JSON.parse(render("json", r))).toEqual(r);
  });

  it("check markdown: the verdict, the metrics, a table row per footprint with pipes escaped, the findings", () => {
    const md = render("markdown", result(false));
    expect(md.startsWith("## stp-footprint check: ❌ fail\n")).toBe(true);
    expect(md).toContain("**Demo: plan.csv**: 2 footprints, 5 units, population 250,000 to 2,900,000, 3 cross-footprint providers, 2 split areas; 2 errors, 2 warnings.");
    expect(md).toContain("| F1 | North \\| East | 3 | 2,900,000 | error (2 pieces) |");
    expect(md).toContain("| F2 | South | 2 | 250,000 | ok |");
    expect(md).toContain("### `contiguity` (1)");
    expect(render("markdown", result(true)).startsWith("## stp-footprint check: ✅ pass\n")).toBe(true);
  });

  it("check junit: every plan rule is a suite and every footprint a case; annotations name the plan file", () => {
    const xml = render("junit", result(false));
    expect(xml).toContain('<testsuite name="population-max" tests="2" failures="1"');
    expect(xml).toContain('<testsuite name="unknown-unit" tests="2" failures="0"');
    expect(xml).toContain('<testcase classname="check.population-max" name="F2 (South)" />');
    const gh = render("github", result(false)).split("\n");
    expect(gh[0]).toBe("::error file=plan.csv,title=check population-max::F1 is over");
  });

  it("mapSummary: one line with the file, the footprints, the population range, the findings and the sites read", () => {
    const out = collect();
    mapSummary({ file: "plan.svg", result: result(false), providerSites: 1234 }, out);
    expect(out.text()).toBe("wrote plan.svg: 2 footprints, population 250,000 to 2,900,000; 2 errors, 2 warnings; 1,234 provider sites read\n");
    const none = collect();
    mapSummary({ file: "plan.svg", result: result(true), providerSites: null }, none);
    expect(none.text()).toBe("wrote plan.svg: 2 footprints, population 250,000 to 2,900,000; 0 errors, 1 warning\n");
  });
});
