import type { Feature, MultiPolygon, Polygon } from "geojson";
import { describe, expect, it } from "vitest";
import { repairFeatures } from "../../../src/rules/dataset/repairFeatures.js";
import { validateGeometry } from "../../../src/rules/dataset/validateGeometry.js";

const feature = (coordinates: number[][][]): Feature<Polygon> => ({ type: "Feature", properties: { code: "A" }, geometry: { type: "Polygon", coordinates } });

/** Planar area of a Polygon/MultiPolygon (shells minus holes), for checking that nothing moved. */
function area(g: Polygon | MultiPolygon): number {
  const ring = (r: number[][]) => {
    let s = 0;
    for (let i = 0; i + 1 < r.length; i++) s += r[i][0] * r[i + 1][1] - r[i + 1][0] * r[i][1];
    return Math.abs(s) / 2;
  };
  const polys = g.type === "Polygon" ? [g.coordinates] : g.coordinates;
  return polys.reduce((t, p) => t + ring(p[0]) - p.slice(1).reduce((h, r) => h + ring(r), 0), 0);
}

const findings = (fs: Feature[]) => validateGeometry(fs.map((f) => ({ id: String(f.properties?.code), geometry: f.geometry })), { geographic: false });

describe("repairFeatures", () => {
  it("repairFeatures: closes rings, drops repeated points and rewinds, leaving a clean feature", () => {
    const input = feature([[[0, 0], [0, 2], [0, 2], [2, 2], [2, 0]]]);
    expect(findings([input]).map((f) => f.rule).sort()).toEqual(["closed-rings", "repeated-points", "winding-order"]);
    const [out] = repairFeatures([input]);
    expect(out.geometry).toEqual({ type: "Polygon", coordinates: [[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]] });
    expect(out.properties).toEqual({ code: "A" });
    expect(findings([out])).toEqual([]);
  });

  it("repairFeatures: never modifies its input", () => {
    const input = feature([[[0, 0], [0, 2], [2, 2], [2, 0]]]);
    const copy = structuredClone(input);
    const [out] = repairFeatures([input]);
    expect(input).toEqual(copy);
    expect(out).not.toBe(input);
  });

  it("repairFeatures: a ring touching itself around an inner loop becomes a shell with a hole", () => {
    const input = feature([[[0, 0], [4, 0], [4, 4], [2, 4], [3, 2], [1, 2], [2, 4], [0, 4], [0, 0]]]);
    const [out] = repairFeatures([input]);
    const g = out.geometry as Polygon;
    expect(g.type).toBe("Polygon");
    expect(g.coordinates).toHaveLength(2);
    expect(area(g)).toBeCloseTo(16 - 2, 12);
    expect(findings([out])).toEqual([]);
  });

  it("repairFeatures: a figure-of-eight touching at a vertex becomes two polygons", () => {
    const input = feature([[[0, 0], [2, 0], [2, 2], [4, 2], [4, 4], [2, 4], [2, 2], [0, 2], [0, 0]]]);
    expect(findings([input]).map((f) => f.rule)).toEqual(["self-intersections"]);
    const [out] = repairFeatures([input]);
    expect(out.geometry!.type).toBe("MultiPolygon");
    expect((out.geometry as MultiPolygon).coordinates).toHaveLength(2);
    expect(area(out.geometry as MultiPolygon)).toBeCloseTo(8, 12);
    expect(findings([out])).toEqual([]);
  });

  it("repairFeatures: a spike out and back along one line is dropped", () => {
    const input = feature([[[0, 0], [2, 0], [3, 0], [2, 0], [2, 2], [0, 2], [0, 0]]]);
    const [out] = repairFeatures([input]);
    expect(out.geometry).toEqual({ type: "Polygon", coordinates: [[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]] });
  });

  it("repairFeatures: a vertex touching its own edge is noded and split off", () => {
    const input = feature([[[0, 0], [4, 0], [4, 4], [3, 4], [2, 0], [1, 4], [0, 4], [0, 0]]]);
    const [out] = repairFeatures([input]);
    expect(out.geometry!.type).toBe("MultiPolygon");
    expect(area(out.geometry as MultiPolygon)).toBeCloseTo(area(input.geometry), 12);
    expect(findings([out])).toEqual([]);
  });

  it("repairFeatures: features without polygon geometry pass through as copies", () => {
    const point: Feature = { type: "Feature", properties: { code: "P" }, geometry: { type: "Point", coordinates: [1, 2] } };
    const [out] = repairFeatures([point]);
    expect(out).toEqual(point);
    expect(out).not.toBe(point);
  });
});
