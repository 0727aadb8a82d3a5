import { itLong } from "../helpers/budget.js";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { describeShared, sharedFile } from "../helpers/shared.js";

const dir = mkdtempSync(join(tmpdir(), "stp-bounds-"));

type Feature = { properties: Record<string, unknown>; geometry: { type: string; coordinates: number[][][] | number[][][][] } };

/** The CCG16 boundaries with one ring of one unit changed by `edit`, written to a temporary file. */
function ccg16With(name: string, feature: number, edit: (ring: number[][]) => void): string {
  const fc = JSON.parse(readFileSync(sharedFile("ccg16_boundaries_from_lsoa_bsc.geojson"), "utf8")) as { features: Feature[] };
  const g = fc.features[feature].geometry;
  edit((g.type === "Polygon" ? g.coordinates[0] : g.coordinates[0][0]) as number[][]);
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(fc));
  return file;
}

async function validateJson(file: string): Promise<{ code: number; seconds: number; rules: Record<string, number>; findings: { rule: string; units?: string[] }[] }> {
  const started = performance.now();
  const r = await runCli(["validate", file, "--format", "json"]);
  const findings = JSON.parse(r.stdout).findings as { rule: string; units?: string[] }[];
  const rules: Record<string, number> = {};
  for (const f of findings) rules[f.rule] = (rules[f.rule] ?? 0) + 1;
  return { code: r.code, seconds: (performance.now() - started) / 1000, rules, findings };
}

describeShared("bad coordinates on England 2016", () => {
  it("validate: a vertex at 1e308 is one coordinate-range finding, and no overlap (it gave 16,666 in 187 s)", async () => {
    const file = ccg16With("vertex-1e308.geojson", 5, (ring) => (ring[3] = [1e308, ring[3][1]]));
    const r = await validateJson(file);
    expect(r.code).toBe(1);
    expect(r.findings.filter((f) => f.rule === "coordinate-range")).toEqual([expect.objectContaining({ units: ["E38000006"] })]);
    expect(r.rules.overlaps ?? 0).toBe(0);
    expect(r.rules.gaps ?? 0).toBe(0);
    // The unit is left out of the other checks: it is neither self-intersecting nor isolated here.
    expect(r.findings.filter((f) => f.rule !== "coordinate-range" && f.units?.includes("E38000006"))).toEqual([]);
    expect(r.seconds).toBeLessThan(30);
    const info = await runCli(["info", file]);
    expect(info.code).toBe(2);
    expect(info.stderr).toMatch(/feature 5: unit "E38000006" has a coordinate out of any map's range \(\[1e\+308,/);
  }, 120_000);

  itLong("a unit spanning the globe is one finding for validate and refused by info, in seconds (it took 2.4 GB)", async () => {
    const file = ccg16With("globe.geojson", 7, (ring) => {
      ring[3] = [179.9, 89.9];
      ring[4] = [-179.9, -89.9];
    });
    const r = await validateJson(file);
    expect(r.code).toBe(1);
    expect(r.findings.filter((f) => f.rule === "coordinate-range").map((f) => f.units)).toEqual([["E38000008"]]);
    expect(r.rules.overlaps ?? 0).toBe(0);
    expect(r.seconds).toBeLessThan(30);
    const info = await runCli(["info", file]);
    expect(info.code).toBe(2);
    expect(info.stderr).toMatch(/feature 7: unit "E38000008" spans 359\.8° of longitude, more than half the globe/);
  }, 120_000);

  itLong("a unit stretched across 170° (under the limit) costs its length, not its box: info and validate stay fast", async () => {
    const file = ccg16With("stretched.geojson", 7, (ring) => {
      ring[3] = [170, 80];
      ring[4] = [-1.5, -5];
    });
    // Timed against the same commands on the file as published, so that load on the machine
    // cancels out. Before the sparse grid: info 20 to 43 s and 1.2 GB, validate 34 s (the
    // published file: about 1.5 s each); now about the same as the published file.
    const seconds = async (args: string[]) => {
      const started = performance.now();
      const r = await runCli(args);
      expect(r.code).toBeLessThan(2);
      return (performance.now() - started) / 1000;
    };
    const published = sharedFile("ccg16_boundaries_from_lsoa_bsc.geojson");
    for (const command of ["info", "validate"]) {
      const base = await seconds([command, published, "--format", "json"]);
      expect(await seconds([command, file, "--format", "json"])).toBeLessThan(3 * base + 2);
    }
  }, 120_000);
});

describe("deep nesting", () => {
  it("validate: coordinates nested 5,000 deep are one line naming the feature, not a stack overflow", async () => {
    const file = join(dir, "nested.geojson");
    writeFileSync(file, `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"A"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[0,1],[0,0]]]}},{"type":"Feature","properties":{"code":"B"},"geometry":{"type":"MultiPolygon","coordinates":${"[".repeat(5000)}${"]".repeat(5000)}}}]}`);
    for (const command of ["validate", "info", "check"]) {
      const r = await runCli([command, ...(command === "check" ? [file, "--boundaries"] : []), file]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/nested\.geojson: feature 1: nests more than 256 levels deep[^\n]*\n$/);
    }
  });
});
