import { describe, expect, it } from "vitest";
import { projectUnits } from "../../src/map/projectUnits.js";
import type { Units } from "../../src/model/types.js";
import { square } from "../helpers/geometry.js";

function unitsOf(geographic: boolean, ...squares: [number, number, number][]): Units {
  const ids = squares.map((_, i) => `u${i}`);
  return { ids, names: ids, index: new Map(ids.map((id, i) => [id, i])), geometries: squares.map(([x, y, s]) => square(x, y, s)), geographic };
}

const extent: [[number, number], [number, number]] = [[0, 0], [500, 2000]];

describe("projectUnits", () => {
  it("projectUnits: projected data keeps its shape, north up, fitted to the box's width at its top", () => {
    const p = projectUnits(unitsOf(false, [0, 0, 1000], [0, 1000, 1000]), { extent });
    const [x0, y0, x1, y1] = p.bounds;
    expect(x0).toBeCloseTo(0, 6);
    expect(x1).toBeCloseTo(500, 6);
    expect(y0).toBeCloseTo(0, 6);
    expect(y1).toBeCloseTo(1000, 6);
    // u1 lies north of u0, so it is drawn above it (smaller y).
    const top = (u: number) => Math.min(...p.shapes[u][0][0].filter((_, i) => i % 2 === 1));
    expect(top(1)).toBeLessThan(top(0));
  });

  it("projectUnits: a degree square from 51.5°N is as wide as cos(51.5°) of its height at its wider southern edge", () => {
    const p = projectUnits(unitsOf(true, [-2.5, 51.5, 1]), { extent });
    const [x0, y0, x1, y1] = p.bounds;
    expect((x1 - x0) / (y1 - y0)).toBeCloseTo(Math.cos((51.5 * Math.PI) / 180), 2);
    expect(p.projection).toMatch(/transverse Mercator, central meridian -2\.0/);
  });

  it("projectUnits: vertices closer than the filter are dropped, but a unit never vanishes", () => {
    // A ring with 1000 vertices along its bottom edge, and a unit far smaller than a pixel.
    const dense: [number, number][] = [];
    for (let i = 0; i <= 1000; i++) dense.push([i, 0]);
    const units = unitsOf(false, [0, 0, 1000], [5000, 5000, 0.001]);
    units.geometries[0] = { type: "Polygon", coordinates: [[...dense, [1000, 1000], [0, 1000], [0, 0]]] };
    const p = projectUnits(units, { extent, simplify: 1 });
    expect(p.shapes[0][0][0].length / 2).toBeLessThan(200);
    expect(p.shapes[1]).toHaveLength(1);
  });
});
