import { readFileSync } from "node:fs";
import path from "node:path";
import { area } from "@turf/turf";
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from "geojson";
import { beforeAll, expect, it } from "vitest";
import { overlaps } from "../../../src/rules/dataset/overlaps.js";
import { gaps } from "../../../src/rules/dataset/gaps.js";
import { repairFeatures } from "../../../src/rules/dataset/repairFeatures.js";
import { selfIntersections } from "../../../src/rules/dataset/selfIntersections.js";
import { validateGeometry, type GeometryItem } from "../../../src/rules/dataset/index.js";
import { describeShared, repoRoot, sharedFile } from "../../helpers/shared.js";

type Fc = FeatureCollection<Polygon | MultiPolygon>;

function read(name: string): Fc {
  return JSON.parse(readFileSync(sharedFile(name), "utf8")) as Fc;
}

function items(fc: Fc, field: string): GeometryItem[] {
  return fc.features.map((f) => ({ id: String(f.properties?.[field]), geometry: f.geometry }));
}

/** The GEOS reference: id -> reason for the invalid units (test/reference/geos_validity.py output). */
function geosInvalid(): Map<string, { reason: string; x: number; y: number }> {
  const csv = readFileSync(path.join(repoRoot, "fixtures/reference/ccg16_geos_validity.csv"), "utf8");
  const out = new Map<string, { reason: string; x: number; y: number }>();
  for (const line of csv.split("\n")) {
    if (!line || line.startsWith("#") || line.startsWith("id,")) continue;
    const [id, valid, reason, x, y] = line.split(",");
    if (valid === "false") out.set(id, { reason, x: Number(x), y: Number(y) });
  }
  return out;
}

describeShared("dataset geometry on the England data", () => {
  let ccg16: Fc;
  let ccg16Items: GeometryItem[];
  beforeAll(() => {
    ccg16 = read("ccg16_boundaries_from_lsoa_bsc.geojson");
    ccg16Items = items(ccg16, "CCG16CD");
  }, 30_000);

  it("selfIntersections: CCG16 finds >= 120 of the 127 units GEOS calls invalid and <= 5 others, each located", () => {
    const reference = geosInvalid();
    expect(reference.size).toBe(127);
    expect([...reference.values()].filter((r) => r.reason === "Ring Self-intersection")).toHaveLength(116);
    const findings = selfIntersections(ccg16Items);
    const found = new Set(findings.map((f) => f.units![0]));
    const agreed = [...found].filter((id) => reference.has(id)).length;
    const others = [...found].filter((id) => !reference.has(id)).length;
    expect(agreed).toBeGreaterThanOrEqual(120);
    expect(others).toBeLessThanOrEqual(5);
    for (const f of findings) {
      expect(f.location).toBeDefined();
      expect(f.message).toMatch(/\((Ring )?Self-intersection\)/);
    }
  }, 30_000);

  it("selfIntersections: CCG16 messages name the kind GEOS reports for each unit", () => {
    const reference = geosInvalid();
    let named = 0;
    for (const f of selfIntersections(ccg16Items)) {
      const ref = reference.get(f.units![0]);
      if (ref && f.message.includes(`(${ref.reason})`)) named++;
    }
    expect(named).toBeGreaterThanOrEqual(120);
  }, 30_000);

  it("repairFeatures: repaired CCG16 has no self-intersection and keeps every unit's area within 0.1%", () => {
    const before = JSON.stringify(ccg16.features[0]);
    const fixed = repairFeatures(ccg16.features);
    expect(JSON.stringify(ccg16.features[0])).toBe(before);
    const fixedItems = fixed.map((f) => ({ id: String(f.properties?.CCG16CD), geometry: f.geometry }));
    expect(selfIntersections(fixedItems)).toEqual([]);
    expect(validateGeometry(fixedItems).filter((f) => f.severity === "error")).toEqual([]);
    ccg16.features.forEach((f, i) => {
      const a = area(f as Feature<Polygon | MultiPolygon>);
      const b = area(fixed[i] as Feature<Polygon | MultiPolygon>);
      expect(Math.abs(b - a) / a).toBeLessThan(0.001);
    });
  }, 30_000);

  it("overlaps: the CCG16 layer's ~1 m buffer strips are not reported with the default tolerances", () => {
    expect(overlaps(ccg16Items)).toEqual([]);
    // The strips are there: with no width tolerance they are reported by the hundred.
    expect(overlaps(ccg16Items, { overlapWidth: 0 }).length).toBeGreaterThan(100);
  }, 30_000);

  it("gaps: the CCG16 layer's rounding holes are all under 20 m², so none is reported by default", () => {
    expect(gaps(ccg16Items)).toEqual([]);
    const dust = gaps(ccg16Items, { gapMinArea: 0 });
    expect(dust.length).toBeGreaterThan(10);
    for (const f of dust) expect(f.location).toBeDefined();
  }, 30_000);

  it.each([
    ["ccg20_boundaries_buc.geojson", "CCG20CD"],
    ["ccg21_boundaries_buc.geojson", "CCG21CD"],
    ["msoa11_boundaries_bsc_england.geojson", "MSOA11CD"],
  ])("selfIntersections: %s has none", (file, field) => {
    expect(selfIntersections(items(read(file), field))).toEqual([]);
  }, 30_000);

  it("validateGeometry: LSOA11 has exactly one self-intersection, E01019828 near (-1.44235, 53.20399), and no overlap or gap", () => {
    const lsoa = items(read("lsoa11_boundaries_bsc_england.geojson"), "LSOA11CD");
    const findings = validateGeometry(lsoa);
    const si = findings.filter((f) => f.rule === "self-intersections");
    expect(si).toHaveLength(1);
    expect(si[0].units).toEqual(["E01019828"]);
    expect(si[0].location![0]).toBeCloseTo(-1.44235, 4);
    expect(si[0].location![1]).toBeCloseTo(53.20399, 4);
    expect(findings.filter((f) => f.rule === "overlaps" || f.rule === "gaps")).toEqual([]);
  }, 30_000);
});
