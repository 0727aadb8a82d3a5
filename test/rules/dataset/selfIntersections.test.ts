import type { Polygon, MultiPolygon } from "geojson";
import { describe, expect, it } from "vitest";
import { selfIntersections } from "../../../src/rules/dataset/selfIntersections.js";

const poly = (...rings: number[][][]): Polygon => ({ type: "Polygon", coordinates: rings });
const run = (g: Polygon | MultiPolygon) => selfIntersections([{ id: "A", geometry: g }]);

describe("selfIntersections", () => {
  it("selfIntersections: a simple square has none", () => {
    expect(run(poly([[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]))).toEqual([]);
  });

  it("selfIntersections: a bow-tie crosses itself (Self-intersection) at the crossing point", () => {
    const f = run(poly([[0, 0], [2, 2], [2, 0], [0, 2], [0, 0]]));
    expect(f).toHaveLength(1);
    expect(f[0].message).toMatch(/\(Self-intersection\)/);
    expect(f[0].location).toEqual([1, 1]);
    expect(f[0].units).toEqual(["A"]);
  });

  it("selfIntersections: a ring through one of its vertices twice is a Ring Self-intersection there", () => {
    const f = run(poly([[0, 0], [4, 0], [4, 4], [2, 4], [3, 2], [1, 2], [2, 4], [0, 4], [0, 0]]));
    expect(f).toHaveLength(1);
    expect(f[0].message).toMatch(/touches itself at 1 point \(Ring Self-intersection\)/);
    expect(f[0].location).toEqual([2, 4]);
  });

  it("selfIntersections: a vertex touching the inside of another segment of its ring counts too", () => {
    // The ring comes down to (2, 0), inside its own bottom edge, and goes back up.
    const g = run(poly([[0, 0], [4, 0], [4, 4], [3, 4], [2, 0], [1, 4], [0, 4], [0, 0]]));
    expect(g).toHaveLength(1);
    expect(g[0].message).toMatch(/Ring Self-intersection/);
    expect(g[0].location).toEqual([2, 0]);
  });

  it("selfIntersections: a spike going back along itself is a Self-intersection (GEOS: collinear)", () => {
    const f = run(poly([[0, 0], [2, 0], [3, 0], [2, 0], [2, 2], [0, 2], [0, 0]]));
    expect(f).toHaveLength(1);
    expect(f[0].message).toMatch(/\(Self-intersection\)/);
  });

  it("selfIntersections: repeated consecutive points are not intersections", () => {
    expect(run(poly([[0, 0], [2, 0], [2, 0], [2, 2], [0, 2], [0, 2], [0, 0]]))).toEqual([]);
  });

  it("selfIntersections: a hole touching its shell at one point is valid", () => {
    expect(run(poly([[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]], [[2, 0], [1, 1], [3, 1], [2, 0]]))).toEqual([]);
  });

  it("selfIntersections: a hole crossing its shell is a Self-intersection", () => {
    const f = run(poly([[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]], [[1, -1], [3, -1], [3, 1], [1, 1], [1, -1]].reverse()));
    expect(f).toHaveLength(1);
    expect(f[0].message).toMatch(/\(Self-intersection\)/);
  });

  it("selfIntersections: two parts of a MultiPolygon meeting at a corner are valid, sharing an edge is not", () => {
    const corner: MultiPolygon = { type: "MultiPolygon", coordinates: [[[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]], [[[1, 1], [2, 1], [2, 2], [1, 2], [1, 1]]]] };
    expect(run(corner)).toEqual([]);
    const edge: MultiPolygon = { type: "MultiPolygon", coordinates: [[[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]], [[[1, 0], [2, 0], [2, 1], [1, 1], [1, 0]]]] };
    expect(run(edge)[0].message).toMatch(/\(Self-intersection\)/);
  });

  it("selfIntersections: two rings crossing only at shared vertices are a Self-intersection", () => {
    // A diamond through vertices (4, 1) and (4, 3) of the square's east edge, half inside it.
    const g: MultiPolygon = {
      type: "MultiPolygon",
      coordinates: [[[[0, 0], [4, 0], [4, 1], [4, 3], [4, 4], [0, 4], [0, 0]]], [[[4, 1], [5, 2], [4, 3], [3, 2], [4, 1]]]],
    };
    const f = run(g);
    expect(f).toHaveLength(1);
    expect(f[0].message).toMatch(/\(Self-intersection\)/);
    expect([[4, 1], [4, 3]]).toContainEqual(f[0].location);
  });

  it("selfIntersections: malformed geometries are skipped (other rules report them)", () => {
    expect(selfIntersections([{ id: "A", geometry: null }, { id: "B", geometry: { type: "Point", coordinates: [0, 0] } }])).toEqual([]);
  });
});
