import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { FeatureCollection } from "geojson";
import { describe, expect, it } from "vitest";
import { geometryChecks, validateGeometry, type GeometryItem } from "../../../src/rules/dataset/index.js";
import { repoRoot } from "../../helpers/shared.js";

const dir = path.join(repoRoot, "fixtures/validate");

function load(file: string): GeometryItem[] {
  const fc = JSON.parse(readFileSync(file, "utf8")) as FeatureCollection;
  return fc.features.map((f) => ({ id: (f.properties?.code as string | null) ?? null, geometry: f.geometry }));
}

describe("validateGeometry fixtures", () => {
  const expected = JSON.parse(readFileSync(path.join(dir, "invalid/expected.json"), "utf8")) as Record<string, string>;
  const files = readdirSync(path.join(dir, "invalid")).filter((f) => f.endsWith(".geojson"));

  it("expected.json: names every invalid fixture and only known rules", () => {
    expect(Object.keys(expected).sort()).toEqual(files.sort());
    for (const rule of Object.values(expected)) expect(Object.keys(geometryChecks)).toContain(rule);
  });

  it("validateGeometry: the clean fixture yields no finding", () => {
    expect(validateGeometry(load(path.join(dir, "valid/clean.geojson")))).toEqual([]);
  });

  for (const file of files) {
    it(`validateGeometry: ${file} yields exactly one ${expected[file]} finding`, () => {
      const findings = validateGeometry(load(path.join(dir, "invalid", file)), { file });
      expect(findings.map((f) => f.rule)).toEqual([expected[file]]);
      const f = findings[0];
      expect(f.message).not.toMatch(/\u001b/);
      if (f.location) {
        expect(f.location.every(Number.isFinite)).toBe(true);
      }
    });
  }

  it("validateGeometry: severity overrides change or silence a rule", () => {
    const items = load(path.join(dir, "invalid/overlap.geojson"));
    expect(validateGeometry(items, { severity: { overlaps: "warning" } }).map((f) => f.severity)).toEqual(["warning"]);
    expect(validateGeometry(items, { severity: { overlaps: "off" } })).toEqual([]);
  });
});
