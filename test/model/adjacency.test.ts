import { describe, expect, it } from "vitest";
import { buildAdjacency, countPairs } from "../../src/model/adjacency.js";
import type { Polygon } from "geojson";
import { gridCollection, square } from "../helpers/geometry.js";

const geoms = (fc: ReturnType<typeof gridCollection>) => fc.features.map((f) => f.geometry);

describe("buildAdjacency", () => {
  // 3 x 3 squares of 1 km (projected metres), indexes row-major from the bottom left:
  //   6 7 8
  //   3 4 5
  //   0 1 2
  it("adjacency: rook on a 3x3 grid has the 12 edge-sharing pairs, queen adds the 8 corner pairs", () => {
    const g = geoms(gridCollection(3, 3));
    const rook = buildAdjacency(g, { geographic: false });
    expect(countPairs(rook)).toBe(12);
    expect(rook.neighbors[4]).toEqual([1, 3, 5, 7]);
    expect(rook.neighbors[0]).toEqual([1, 3]);
    const queen = buildAdjacency(g, { geographic: false, kind: "queen" });
    expect(countPairs(queen)).toBe(20);
    expect(queen.neighbors[4]).toEqual([0, 1, 2, 3, 5, 6, 7, 8]);
  });

  it("adjacency: a 2 m gap between neighbours is bridged by the 5 m default tolerance, not by 1 m", () => {
    const g = geoms(gridCollection(2, 2, 1000, 2));
    expect(countPairs(buildAdjacency(g, { geographic: false }))).toBe(4);
    expect(countPairs(buildAdjacency(g, { geographic: false, tolerance: 1 }))).toBe(0);
  });

  it("adjacency: neighbours whose edges have different vertices (a T-junction) are found", () => {
    // A is one tall square; B and C are stacked halves beside it: A's right edge has no vertex
    // at the point where B meets C.
    const a = square(0, 0, 1000);
    const b = square(1000, 0, 500);
    const c = square(1000, 500, 500);
    const g = buildAdjacency([a, b, c], { geographic: false });
    expect(g.neighbors).toEqual([[1, 2], [0, 2], [0, 1]]);
  });

  it("adjacency: invalid polygons (a self-crossing bow tie) still get their neighbours", () => {
    const bowtie: Polygon = { type: "Polygon", coordinates: [[[0, 0], [1000, 1000], [1000, 0], [0, 1000], [0, 0]]] };
    const right = square(1000, 0, 1000);
    const g = buildAdjacency([bowtie, right], { geographic: false });
    expect(g.neighbors).toEqual([[1], [0]]);
  });

  it("adjacency: units far apart are isolated until a link joins them; links are listed", () => {
    const g = buildAdjacency([square(0, 0, 10), square(1e6, 0, 10)], { geographic: false }, [[1, 0]]);
    expect(g.neighbors).toEqual([[1], [0]]);
    expect(g.linked).toEqual([[0, 1]]);
    const none = buildAdjacency([square(0, 0, 10), square(1e6, 0, 10)], { geographic: false });
    expect(countPairs(none)).toBe(0);
  });

  it("adjacency: longitude/latitude input is measured in metres (a 0.00002 degree gap is about 2 m)", () => {
    const deg = (x: number, y: number, s: number): Polygon => square(x, y, s);
    const g = [deg(-1, 52, 0.01), deg(-0.98998, 52, 0.01)];
    expect(countPairs(buildAdjacency(g, { geographic: true }))).toBe(1);
    expect(countPairs(buildAdjacency(g, { geographic: true, tolerance: 0.5 }))).toBe(0);
  });
});
