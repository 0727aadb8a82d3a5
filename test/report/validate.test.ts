import { describe, expect, it } from "vitest";
import type { ValidateResult } from "../../src/app/validate.js";
import { palette } from "../../src/report/text.js";
import { validateReporters } from "../../src/report/validate.js";
import { geometryChecks } from "../../src/rules/dataset/geometryChecks.js";
import { collect } from "../helpers/sink.js";

const result: ValidateResult = {
  ok: false,
  file: "units.geojson",
  units: 1234,
  populationTotal: 56_286_961,
  fixed: "fixed.geojson",
  findings: [
    { rule: "closed-rings", severity: "error", message: "feature 3: ring 0 is not closed", units: ["E1"] },
    { rule: "closed-rings", severity: "error", message: "feature 9: ring 1 is not closed", units: ["E2"] },
    { rule: "gaps", severity: "warning", message: "a 12 m² gap", units: ["E1", "E3"] },
    { rule: "gaps", severity: "warning", message: "a 15 m² gap", units: ["E5"] },
    { rule: "population-missing", severity: "error", message: "E4 has no population", file: "pop.csv" },
  ],
};

function render(format: keyof typeof validateReporters, r: ValidateResult = result): string {
  const out = collect();
  validateReporters[format](r, out, palette(false));
  return out.text();
}

describe("validate reporters", () => {
  it("validate text: the file, units and population, the findings by rule, the verdict and where repairs went", () => {
    const text = render("text");
    expect(text.startsWith("units.geojson: 1,234 units, population 56,286,961 in all\n")).toBe(true);
    expect(text).toContain("\nclosed-rings (2 findings)\n  error   feature 3: ring 0 is not closed\n");
    expect(text.endsWith("\nFAIL 3 errors, 2 warnings\nrepaired boundaries written to fixed.geojson (validate that file to see what is left)\n")).toBe(true);
    const clean = render("text", { ok: true, file: "units.geojson", units: 2, findings: [] });
    expect(clean).toBe("units.geojson: 2 units\n\nPASS 0 errors, 0 warnings\n");
  });

  it("validate json: the result as it is", () => {
    expect(JSON.parse(render("json"))).toEqual(result);
  });

  it("validate junit: a suite per geometry check, a case per unit with findings; github annotations name each finding's file", () => {
    const xml = render("junit");
    const suites = [...xml.matchAll(/<testsuite name="([^"]+)"/g)].map((m) => m[1]);
    expect(suites.slice(0, Object.keys(geometryChecks).length)).toEqual(Object.keys(geometryChecks));
    expect(suites).toContain("population-missing");
    expect(xml).toContain('<testsuite name="closed-rings" tests="2" failures="2"');
    expect(xml).toContain('<testcase classname="validate.gaps" name="E1"><system-out>warning: a 12 m² gap</system-out></testcase>');
    const gh = render("github").split("\n");
    expect(gh[0]).toBe("::error file=units.geojson,title=validate closed-rings::feature 3: ring 0 is not closed");
    // Errors first, then warnings.
    expect(gh[2]).toBe("::error file=pop.csv,title=validate population-missing::E4 has no population");
    expect(gh[3]).toBe("::warning file=units.geojson,title=validate gaps::a 12 m² gap");
  });

  it("validate markdown: the verdict, the counts and the findings", () => {
    const md = render("markdown");
    expect(md.startsWith("## stp-footprint validate: ❌ fail\n\n**units.geojson**: 1234 units; 3 errors, 2 warnings.\n")).toBe(true);
    expect(md).toContain("### `gaps` (2)");
  });
});
