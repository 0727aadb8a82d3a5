import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { repoRoot } from "../helpers/shared.js";

const dir = mkdtempSync(join(tmpdir(), "stp-refusals-"));
const tiny = join(dir, "tiny");
cpSync(resolve(repoRoot, "fixtures/tiny"), tiny, { recursive: true });
const manifest = join(tiny, "stp-footprint.json");

describe("names that are object keys", () => {
  // Footprints `__proto__` and `constructor`, both holding 5% or more of provider __proto__.
  const plan = join(dir, "proto-plan.csv");
  writeFileSync(plan, "unit,footprint\nT1,__proto__\nT2,__proto__\nT4,__proto__\nT3,constructor\nT5,constructor\nT6,constructor\n");
  const providers = join(dir, "proto-providers.csv");
  writeFileSync(providers, "provider,unit,value\n__proto__,T1,500\n__proto__,T3,500\nP2,T6,100\n");

  it("check: a footprint named __proto__ keeps its share in the JSON findings", async () => {
    const r = await runCli(["check", plan, "--dataset", manifest, "--providers", providers, "--format", "json"]);
    expect(r.stderr).toBe("");
    const finding = JSON.parse(r.stdout).findings.find((f: { rule: string }) => f.rule === "cross-footprint-provider");
    expect(finding.provider).toBe("__proto__");
    expect(Object.keys(finding.shares).sort()).toEqual(["__proto__", "constructor"]);
    expect(finding.shares.constructor).toBe(0.5);
    expect(Object.getOwnPropertyDescriptor(finding.shares, "__proto__")?.value).toBe(0.5);
  });

  it("optimise: footprints named __proto__ and constructor come through to the plan and the GeoJSON", async () => {
    const out = join(dir, "proto-out.csv"), geojson = join(dir, "proto-out.geojson");
    const r = await runCli(["optimise", "--dataset", manifest, "--start", plan, "--providers", providers, "--min", "1", "--iterations", "2000", "--threads", "1", "--quiet", "--out", out, "--geojson", geojson]);
    expect(r.stderr).toBe("");
    const ids = new Set(readFileSync(out, "utf8").trim().split("\n").slice(1).map((l) => l.split(",")[1]));
    expect([...ids].sort()).toEqual(["__proto__", "constructor"]);
    const fc = JSON.parse(readFileSync(geojson, "utf8"));
    expect(fc.features.map((f: { properties: { footprint: string } }) => f.properties.footprint).sort()).toEqual(["__proto__", "constructor"]);
  });
});

describe("usage errors", () => {
  const cases: string[][] = [
    [],
    ["chek"],
    ["--no-such-option"],
    ["check", "a.csv", "b.csv"],
    ["check", "--formt", "json"],
    ["check", "--format"],
    ["check", "--format", "xml"],
    ["info", "--dataset"],
    ["validate", "--fix"],
    ["validate", "--overlap-area", "-1"],
    ["optimise", "--seed", "x"],
    ["optimise", "--footprints", "5-3"],
    ["optimise", "--time", "forever"],
    ["map"],
    ["map", "--out", "x.gif"],
    ["diff"],
    ["diff", "a.csv"],
  ];
  for (const args of cases) {
    it(`usage: stp-footprint ${args.join(" ")} is one line on stderr, exit 2`, async () => {
      const r = await runCli(args);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).toMatch(/^stp-footprint[^\n]*\n$/);
    });
  }
});
