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

  it("overlaps: a unit lying across the shared edge of two others overlaps each by its own area", () => {
    // A | B share x = 100 exactly; C = 50..150 x 50..150 covers 50 x 50 of each.
    const f = overlaps([unit("A", rect(0, 0, 100, 100)), unit("B", rect(100, 0, 200, 100)), unit("C", rect(50, 50, 150, 150))], opts);
    expect(f.map((x) => [x.units, x.message.match(/by (\d+) m²/)?.[1]])).toEqual([
      [["A", "C"], "2500"],
      [["B", "C"], "2500"],
    ]);
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

describe("coverage properties", () => {
  // A grid of 100 m squares, nx x ny, with optional vertex sharing (T-junctions when not shared).
  const grid = (nx: number, ny: number, skip?: [number, number]): GeometryItem[] => {
    const out: GeometryItem[] = [];
    for (let j = 0; j < ny; j++)
      for (let i = 0; i < nx; i++) {
        if (skip && skip[0] === i && skip[1] === j) continue;
        out.push(unit(`U${i}_${j}`, rect(i * 100, j * 100, (i + 1) * 100, (j + 1) * 100)));
      }
    return out;
  };

  it("coverage: any clean grid has no overlap and no gap; removing an inner square leaves one gap of its area", async () => {
    const fc = await import("fast-check");
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 7 }), fc.integer({ min: 3, max: 7 }), fc.nat(), (nx, ny, seed) => {
        expect(overlaps(grid(nx, ny), opts)).toEqual([]);
        expect(gaps(grid(nx, ny), opts)).toEqual([]);
        const hole: [number, number] = [1 + (seed % (nx - 2)), 1 + (Math.floor(seed / 7) % (ny - 2))];
        const g = gaps(grid(nx, ny, hole), { ...opts, gapArea: 20_000 });
        expect(g).toHaveLength(1);
        expect(g[0].message).toMatch(/gap of 10000 m²/);
        // Bounded by the four edge-neighbours (the diagonal ones only touch its corners).
        expect(g[0].units).toHaveLength(4);
      }),
      { numRuns: 25 },
    );
  });

  it("coverage: shifting one square of a grid by d metres overlaps its neighbour by 100 x d m²", async () => {
    const fc = await import("fast-check");
    fc.assert(
      fc.property(fc.integer({ min: 6, max: 49 }), (d) => {
        const items = grid(3, 3).map((it) => (it.id === "U1_1" ? unit("U1_1", rect(100 + d, 100, 200 + d, 200)) : it));
        const f = overlaps(items, opts);
        expect(f).toHaveLength(1);
        expect(f[0].units).toEqual(["U1_1", "U2_1"]);
        expect(Number(f[0].message.match(/by (\d+) m²/)![1])).toBe(100 * d);
        // The strip left behind is open to nothing: it is enclosed by U0_1, U1_0, U1_2 and U1_1.
        const g = gaps(items, { ...opts, gapArea: 10_000, gapMinArea: 0 });
        expect(g).toHaveLength(1);
        expect(g[0].message).toMatch(new RegExp(`gap of ${100 * d} m²`));
      }),
      { numRuns: 20 },
    );
  });
});
