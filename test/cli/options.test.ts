import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { resolveDatasetSpec } from "../../src/cli/options.js";
import { parseCommandOptions } from "../../src/cli/parseOptions.js";
import { repoRoot } from "../helpers/shared.js";
import { tempFiles } from "../helpers/tempFiles.js";

const file = tempFiles("stp-options-");
const demo = resolve(repoRoot, "data/demo");

/** Parses `check` flags as commander would hand them over, then resolves the spec. */
const specOf = (raw: Record<string, unknown>) => resolveDatasetSpec(parseCommandOptions("check", raw));

describe("parseCommandOptions and resolveDatasetSpec", () => {
  it("parseCommandOptions: text becomes typed values; options without a manifest key take their table default, dataset options stay unset", () => {
    const o = parseCommandOptions("check", { min: "1e5", rule: ["split-area=error"] });
    expect(o.populationMin).toBe(100_000);
    expect(o.severity).toEqual({ "split-area": "error" });
    expect(o.format).toBe("text");
    expect(o.splitTolerance).toBe(0.01);
    expect(o.threshold).toBeUndefined();
    const opt = parseCommandOptions("optimise", { time: "2m", footprints: "40-48", start: false });
    expect([opt.time, opt.footprints, opt.start, opt.seed, opt.quiet]).toEqual([120_000, { min: 40, max: 48 }, false, 1, false]);
    expect(() => parseCommandOptions("optimise", { time: "1x" })).toThrow(/^--time: "1x" is not a duration/);
  });

  it("resolveDatasetSpec: a flag overrides the manifest; what neither gives is left for the defaults", async () => {
    const spec = await specOf({ dataset: resolve(demo, "stp-footprint.json"), threshold: "0.1" });
    expect(spec.threshold).toBe(0.1);
    expect(spec.populationMax).toBe(2_800_000);
    expect(spec.snapTolerance).toBeUndefined();
    expect(spec.population).toBe(resolve(demo, "population.csv"));
    expect(spec.populationColumn).toBe("population");
  });

  it("resolveDatasetSpec: --unit-column sets the unit column of every table and frees the plan columns for any plan", async () => {
    const spec = await specOf({ dataset: resolve(demo, "stp-footprint.json"), unitColumn: "code" });
    expect([spec.populationUnitColumn, spec.providerUnitColumn, spec.areaUnitColumn, spec.planUnitColumn]).toEqual(["code", "code", "code", "code"]);
    expect(spec.planColumnsFor).toBeUndefined();
    expect((await specOf({ dataset: resolve(demo, "stp-footprint.json") })).planColumnsFor).toBe(resolve(demo, "plan.csv"));
  });

  it("resolveDatasetSpec: --rule is merged into the manifest's severities, rule by rule", async () => {
    const m = file("m.json", JSON.stringify({ boundaries: resolve(demo, "units.geojson"), severity: { "split-area": "off", contiguity: "warning" } }));
    const spec = await specOf({ dataset: m, rule: ["split-area=error", "lock=off"] });
    expect(spec.severity).toEqual({ "split-area": "error", contiguity: "warning", lock: "off" });
  });

  it("resolveDatasetSpec: other boundaries drop the manifest's boundary fields unless restated", async () => {
    const other = file("other.geojson", "{}");
    const spec = await specOf({ dataset: resolve(demo, "stp-footprint.json"), boundaries: other, nameField: "NM" });
    expect([spec.boundaries, spec.idField, spec.nameField]).toEqual([other, undefined, "NM"]);
    expect(spec.populationColumn).toBe("population");
  });

  it("resolveDatasetSpec: a minimum above the maximum blames the flag that was given", async () => {
    const dataset = resolve(demo, "stp-footprint.json");
    await expect(specOf({ dataset, min: "3000000" })).rejects.toThrow(/^--min: the minimum 3000000 is above the maximum 2800000$/);
    await expect(specOf({ dataset, max: "200000" })).rejects.toThrow(/^--max: the maximum 200000 is below the minimum 300000$/);
    await expect(specOf({ dataset, min: "5", max: "4" })).rejects.toThrow(/^--min: /);
  });
});
