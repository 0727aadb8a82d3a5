import type { Polygon } from "geojson";
import { describe, expect, it } from "vitest";
import { components } from "../../src/demo/components.js";
import { growRegions } from "../../src/demo/growRegions.js";
import { createHexGrid } from "../../src/demo/hexGrid.js";
import { toLonLat } from "../../src/demo/projection.js";
import { sharedEdgeAdjacency } from "../../src/demo/sharedEdgeAdjacency.js";
import { traceRings } from "../../src/demo/traceRings.js";
import { signedArea2 } from "../../src/demo/unitGeometry.js";

const square = (x: number, y: number): Polygon => ({
  type: "Polygon",
  coordinates: [[[x, y], [x + 1, y], [x + 1, y + 1], [x, y + 1], [x, y]]],
});

describe("demo parts", () => {
  it("sharedEdgeAdjacency: squares sharing an edge are neighbours, corner-only contact is not", () => {
    //     +--+--+
    //     |0 |1 |      0 meets 2 and 3 only at a corner
    //  +--+--+--+
    //  |3 |  |2 |
    //  +--+  +--+
    const polygons = [square(0, 1), square(1, 1), square(1, 0), square(-1, 0)];
    expect(sharedEdgeAdjacency(polygons)).toEqual([[1], [0, 2], [1], []]);
  });

  it("components: splits a set along missing edges", () => {
    // 0 - 1 - 2 - 3 as a path; {0, 1, 3} is two pieces.
    expect(components([0, 1, 3], [[1], [0, 2], [1, 3], [2]])).toEqual([[0, 1], [3]]);
  });

  it("growRegions: balances weights and reaches every connected unit", () => {
    // A path 0-1-2-3-4-5 grown from both ends with equal weights meets in the middle.
    const neighbors = [[1], [0, 2], [1, 3], [2, 4], [3, 5], [4]];
    const region = growRegions([0, 5], neighbors, [1, 1, 1, 1, 1, 1], [0, 1, 2, 3, 4, 5], [0, 0, 0, 0, 0, 0]);
    expect([...region]).toEqual([0, 0, 0, 1, 1, 1]);
  });

  it("hexGrid: neighbours are symmetric and share both corners of their common edge", () => {
    const grid = createHexGrid({ side: 1, x0: 0, x1: 10, y0: 0, y1: 10, jitter: 0.3, seed: 5 });
    let checked = 0;
    for (let c = 0; c < grid.size; c++) {
      for (let k = 0; k < 6; k++) {
        const n = grid.neighbor(c, k);
        if (n < 0) continue;
        const back = (k + 3) % 6;
        expect(grid.neighbor(n, back)).toBe(c);
        expect(grid.cornerKey(c, k)).toBe(grid.cornerKey(n, (back + 1) % 6));
        expect(grid.cornerKey(c, (k + 1) % 6)).toBe(grid.cornerKey(n, back));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it("traceRings: a block of cells has one counter-clockwise ring; a ring of cells has a clockwise hole", () => {
    const grid = createHexGrid({ side: 1, x0: 0, x1: 12, y0: 0, y1: 12, jitter: 0.3, seed: 9 });
    const centre = Math.floor(grid.rows / 2) * grid.cols + Math.floor(grid.cols / 2);
    const cellUnit = new Int32Array(grid.size).fill(-1);
    for (let k = 0; k < 6; k++) cellUnit[grid.neighbor(centre, k)] = 0;
    const toXY = (ring: number[]) => ring.map((key) => grid.cornerPosition(key));
    const annulus = traceRings(grid, cellUnit, 1)[0];
    expect(annulus.length).toBe(2);
    expect(annulus.map((r) => Math.sign(signedArea2(toXY(r)))).sort()).toEqual([-1, 1]);
    cellUnit[centre] = 0;
    const block = traceRings(grid, cellUnit, 1)[0];
    expect(block.length).toBe(1);
    expect(block[0].length).toBe(18); // 7 hexagons: 6 outer cells x 3 outer corners
    expect(signedArea2(toXY(block[0]))).toBeGreaterThan(0);
  });

  it("toLonLat: the local origin is 30 W 45 N and output has 5 decimals", () => {
    expect(toLonLat(0, 0)).toEqual([-30, 45]);
    const [lon, lat] = toLonLat(12.3456789, -98.7654321);
    expect(Math.round(lon * 1e5) / 1e5).toBe(lon);
    expect(Math.round(lat * 1e5) / 1e5).toBe(lat);
    expect(lon).toBeGreaterThan(-30);
    expect(lat).toBeLessThan(45);
  });
});
