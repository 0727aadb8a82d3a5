import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { describeShared, repoRoot, sharedFile } from "../helpers/shared.js";

const fixture = (name: string) => path.join(repoRoot, "fixtures/validate", name);
const tmp = mkdtempSync(path.join(tmpdir(), "stp-validate-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Json {
  ok: boolean;
  file: string;
  units: number;
  findings: { rule: string; severity: string; message: string; units?: string[]; location?: [number, number] }[];
  fixed?: string;
}

async function validateJson(args: string[]): Promise<{ code: number; json: Json; stderr: string }> {
  const r = await runCli(["validate", ...args, "--format", "json"]);
  return { code: r.code, json: JSON.parse(r.stdout) as Json, stderr: r.stderr };
}

describe("validate command", () => {
  it("validate: a clean file passes with exit code 0", async () => {
    const r = await runCli(["validate", fixture("valid/clean.geojson")]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/PASS 0 errors, 0 warnings/);
  }, 30_000);

  it("validate: an error finding exits 1 and names the rule, a warning alone exits 0", async () => {
    const bad = await validateJson([fixture("invalid/self-intersection.geojson")]);
    expect(bad.code).toBe(1);
    expect(bad.json.ok).toBe(false);
    expect(bad.json.findings.map((f) => f.rule)).toEqual(["self-intersections"]);
    expect(bad.json.findings[0].units).toEqual(["A"]);
    const warn = await validateJson([fixture("invalid/wrong-winding.geojson")]);
    expect(warn.code).toBe(0);
    expect(warn.json.findings.map((f) => [f.rule, f.severity])).toEqual([["winding-order", "warning"]]);
  }, 30_000);

  it("validate: --fix writes repaired boundaries that validate clean", async () => {
    const out = path.join(tmp, "fixed.geojson");
    const first = await validateJson([fixture("invalid/self-intersection.geojson"), "--fix", out]);
    expect(first.json.fixed).toBe(out);
    const fc = JSON.parse(readFileSync(out, "utf8")) as { features: { properties: { code: string } }[] };
    expect(fc.features.map((f) => f.properties.code)).toEqual(["A", "B"]);
    const again = await validateJson([out]);
    expect(again.json.findings).toEqual([]);
    expect(again.code).toBe(0);
  }, 30_000);

  it("validate: the overlap tolerances are options", async () => {
    const strict = await validateJson([fixture("invalid/overlap.geojson")]);
    expect(strict.json.findings.map((f) => f.rule)).toEqual(["overlaps"]);
    const lax = await validateJson([fixture("invalid/overlap.geojson"), "--overlap-width", "100"]);
    expect(lax.json.findings).toEqual([]);
    const bad = await runCli(["validate", fixture("invalid/overlap.geojson"), "--overlap-width", "-1"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--overlap-width/);
  }, 30_000);

  it("validate: tables joined to the units are checked too (a population row for an unknown unit)", async () => {
    const r = await validateJson([fixture("valid/clean.geojson"), "--population", fixture("population-unknown-unit.csv")]);
    expect(r.json.findings.map((f) => [f.rule, f.severity, f.units])).toEqual([["population-unknown-unit", "warning", ["Z"]]]);
    expect(r.code).toBe(0);
    // Not attempted when the geometry cannot be loaded as units; the geometry findings still come.
    const broken = await validateJson([fixture("invalid/point-geometry.geojson"), "--population", fixture("population-unknown-unit.csv")]);
    expect(broken.json.findings.map((f) => f.rule)).toEqual(["geometry-type", "isolated-units"]);
  });

  it("validate: a missing file is bad input (exit 2, one line)", async () => {
    const r = await runCli(["validate", path.join(tmp, "nope.geojson")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no such file/);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  }, 30_000);

  it("validate: junit and github formats report the finding", async () => {
    const junit = await runCli(["validate", fixture("invalid/overlap.geojson"), "--format", "junit"]);
    expect(junit.stdout).toMatch(/<testsuite name="overlaps" tests="1" failures="1"/);
    const gh = await runCli(["validate", fixture("invalid/overlap.geojson"), "--format", "github"]);
    expect(gh.stdout).toMatch(/^::error .*title=validate overlaps::units A and B overlap/m);
  });
});

describeShared("validate command on the England data", () => {
  it("validate: CCG16 with its ferry links: 127 self-intersections, no overlap, no isolated unit", async () => {
    const r = await validateJson([sharedFile("ccg16_boundaries_from_lsoa_bsc.geojson"), "--links", sharedFile("ccg16_links.csv")]);
    expect(r.code).toBe(1);
    const count = (rule: string) => r.json.findings.filter((f) => f.rule === rule).length;
    expect(count("self-intersections")).toBe(127);
    expect(count("overlaps")).toBe(0);
    expect(count("isolated-units")).toBe(0);
  }, 30_000);

  it("validate: CCG16 without links warns that the Isle of Wight is isolated", async () => {
    const r = await validateJson([sharedFile("ccg16_boundaries_from_lsoa_bsc.geojson")]);
    const isolated = r.json.findings.filter((f) => f.rule === "isolated-units");
    expect(isolated.map((f) => f.units)).toEqual([["E38000087"]]);
  }, 30_000);

  it("validate: CCG16 with its population table: no table finding", async () => {
    const r = await validateJson([sharedFile("ccg16_boundaries_from_lsoa_bsc.geojson"), "--population", sharedFile("ccg16_stp_lookup_population.csv")]);
    expect(r.json.findings.filter((f) => f.rule.startsWith("population"))).toEqual([]);
  }, 30_000);

  it("validate: CCG21 (ONS BUC) passes", async () => {
    const r = await validateJson([sharedFile("ccg21_boundaries_buc.geojson")]);
    expect(r.json.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(r.code).toBe(0);
  }, 30_000);
});
