import type { Polygon } from "geojson";
import { describe, expect, it } from "vitest";
import { gaps } from "../../../src/rules/dataset/gaps.js";
import { isolatedUnits } from "../../../src/rules/dataset/isolatedUnits.js";
import { overlaps } from "../../../src/rules/dataset/overlaps.js";
import type { GeometryItem } from "../../../src/rules/dataset/geometryItem.js";

// Projected coordinates in metres (geographic: false), so areas can be checked by hand.
const rect = (x0: number, y0: number, x1: number, y1: number): number[][] => [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];
const unit = (id: string, ...rings: number[][][]): GeometryItem => ({ id, geometry: { type: "Polygon", coordinates: rings } as Polygon });
const opts = { geographic: false } as const;

describe("overlaps", () => {
  //  A: 0..100 x 0..100, B: 90..200 x 0..100 -> overlap 10 x 100 = 1000 m², mean width 2*1000/220 = 9.1 m
  it("overlaps: two squares overlapping by a 10 m band: area and width measured", () => {
    const f = overlaps([unit("A", rect(0, 0, 100, 100)), unit("B", rect(90, 0, 200, 100))], opts);
    expect(f).toHaveLength(1);
    expect(f[0].units).toEqual(["A", "B"]);
    expect(f[0].message).toMatch(/overlap by 1000 m² \(mean width 9\.1 m\)/);
  });

  it("overlaps: a band thinner than the width tolerance is not reported, however long", () => {
    const items = [unit("A", rect(0, 0, 100, 10_000)), unit("B", rect(99, 0, 200, 10_000))];
    expect(overlaps(items, opts)).toEqual([]);
    expect(overlaps(items, { ...opts, overlapWidth: 0.5 })).toHaveLength(1);
  });

  it("overlaps: neighbours sharing an edge exactly, or through T-junctions, do not overlap", () => {
    expect(overlaps([unit("A", rect(0, 0, 100, 100)), unit("B", rect(100, 0, 200, 100))], opts)).toEqual([]);
    const b = [[100, 0], [200, 0], [200, 100], [100, 100], [100, 50], [100, 0]];
    expect(overlaps([unit("A", rect(0, 0, 100, 100)), unit("B", b)], opts)).toEqual([]);
  });

  it("overlaps: a unit inside another is one overlap of its whole area", () => {
    const f = overlaps([unit("A", rect(0, 0, 100, 100)), unit("B", rect(20, 20, 60, 60))], opts);
    expect(f).toHaveLength(1);
    expect(f[0].message).toMatch(/overlap by 1600 m²/);
  });

  it("overlaps: an enclave in a hole, overlapping it by a ring-shaped band, is one piece net of its hole", () => {
    // A has a hole 40..60; B (the enclave) is 38..62: the overlap is 24² - 20² = 176 m², width 2*176/(96+80) = 2 m.
    const f = overlaps([unit("A", rect(0, 0, 100, 100), rect(40, 40, 60, 60).reverse()), unit("B", rect(38, 38, 62, 62))], { ...opts, overlapArea: 0, overlapWidth: 1 });
    expect(f).toHaveLength(1);
    expect(f[0].message).toMatch(/overlap by 176 m² \(mean width 2\.0 m\)/);
  });
});

describe("gaps", () => {
  it("gaps: a sliver enclosed by three units is reported with its area and units", () => {
    // A and B leave a 1 m slot between x = 100 and 101, closed at the top by C.
    const f = gaps([unit("A", rect(0, 0, 100, 100)), unit("B", rect(101, 0, 200, 100)), unit("C", rect(0, 100, 200, 200)), unit("D", rect(0, -100, 200, 0))], opts);
    expect(f).toHaveLength(1);
    expect(f[0].message).toMatch(/gap of 100 m²/);
    expect(f[0].units).toEqual(["A", "B", "C", "D"]);
    expect(f[0].location).toBeDefined();
  });

  it("gaps: a notch open to the outside is not a gap, nor is a hole bigger than the tolerance", () => {
    expect(gaps([unit("A", rect(0, 0, 100, 100)), unit("B", rect(101, 0, 200, 100))], opts)).toEqual([]);
    const holey = unit("A", rect(0, 0, 1000, 1000), rect(100, 100, 300, 300).reverse());
    expect(gaps([holey], opts)).toEqual([]);
    expect(gaps([holey], { ...opts, gapArea: 50_000 })).toHaveLength(1);
  });

  it("gaps: holes smaller than gapMinArea are rounding dust", () => {
    const items = [unit("A", rect(0, 0, 100, 100), rect(10, 10, 12, 12).reverse())];
    expect(gaps(items, opts)).toEqual([]);
    expect(gaps(items, { ...opts, gapMinArea: 1 })).toHaveLength(1);
  });
});

describe("isolatedUnits", () => {
  it("isolatedUnits: a unit with no neighbour gets a warning with a hint to add a link", () => {
    const items = [unit("A", rect(0, 0, 1, 1)), unit("B", rect(1, 0, 2, 1)), unit("C", rect(5, 5, 6, 6))];
    const f = isolatedUnits(items, { neighbors: [[1], [0], []] });
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ rule: "isolated-units", severity: "warning", units: ["C"], location: [5.5, 5.5] });
    expect(f[0].suggestion).toMatch(/link/);
  });

  it("isolatedUnits: without an adjacency it finds nothing", () => {
    expect(isolatedUnits([unit("C", rect(5, 5, 6, 6))])).toEqual([]);
  });
});
