import { area } from "@turf/turf";
import type { Polygon } from "geojson";
import { describe, expect, it } from "vitest";
import { dissolveFootprints } from "../../src/model/dissolve.js";
import { loadGeos } from "../../src/model/geos.js";
import { gridCollection } from "../helpers/geometry.js";

/** Signed area (shoelace) of a ring: positive when counter-clockwise. */
function signedArea(ring: number[][]): number {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) a += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  return a / 2;
}

describe("dissolveFootprints", () => {
  // 3 x 3 squares of 0.01 degree near lon 10, lat 50; footprint 1 is the centre, 0 the ring around it:
  //   0 0 0
  //   0 1 0
  //   0 0 0
  const fc = gridCollection(3, 3, 0.01);
  for (const f of fc.features) for (const ring of f.geometry.coordinates) for (const p of ring) (p[0] += 10), (p[1] += 50);
  const geoms = fc.features.map((f) => f.geometry as Polygon);

  it("dissolveFootprints: one MultiPolygon per footprint; an enclosed footprint is a hole of the other", async () => {
    const out = await dissolveFootprints(geoms, Int32Array.of(0, 0, 0, 0, 1, 0, 0, 0, 0), ["A", "B"], { geographic: true });
    expect(out.features.map((f) => f.properties?.footprint)).toEqual(["A", "B"]);
    const [a, b] = out.features;
    expect(a.geometry.coordinates).toHaveLength(1);
    expect(a.geometry.coordinates[0]).toHaveLength(2); // shell and one hole: the centre square is ~1.2 km2, no sliver
    expect(b.geometry.coordinates[0]).toHaveLength(1);
    const total = geoms.reduce((t, g) => t + area(g), 0);
    expect(area(a) + area(b)).toBeCloseTo(total, -3);
    expect(area(b) / total).toBeCloseTo(1 / 9, 3);
    // RFC 7946: exterior rings counter-clockwise, holes clockwise; rings closed.
    expect(signedArea(a.geometry.coordinates[0][0])).toBeGreaterThan(0);
    expect(signedArea(a.geometry.coordinates[0][1])).toBeLessThan(0);
    for (const ring of a.geometry.coordinates[0]) expect(ring[0]).toEqual(ring[ring.length - 1]);
  });

  it("dissolveFootprints: unassigned units are left out and properties come from the callback", async () => {
    const out = await dissolveFootprints(geoms, Int32Array.of(0, 0, 0, -1, -1, -1, 1, 1, 1), ["A", "B"], { geographic: true, properties: (f) => ({ id: f }) });
    expect(out.features.map((f) => f.properties)).toEqual([{ id: 0 }, { id: 1 }]);
    for (const f of out.features) expect(f.geometry.coordinates).toHaveLength(1);
  });

  it("dissolveFootprints: invalid, overlapping units give valid footprints that do not overlap, on the precision grid", async () => {
    // Unit 0 is two squares in one ring that touches itself at (1, 1) (GEOS: "Ring Self-intersection");
    // unit 1 overlaps unit 0 by a 0.3-wide strip; unit 2 overlaps unit 1.
    const touching: Polygon = { type: "Polygon", coordinates: [[[0, 0], [1, 0], [1, 1], [2, 1], [2, 2], [1, 2], [1, 1], [0, 1], [0, 0]]] };
    const overlapping: Polygon = { type: "Polygon", coordinates: [[[1.7, 0], [3, 0], [3, 1.3], [1.7, 1.3], [1.7, 0]]] };
    const third: Polygon = { type: "Polygon", coordinates: [[[2.5, 1], [4, 1], [4, 3], [2.5, 3], [2.5, 1]]] };
    const geos = await loadGeos();
    expect(geos.isValid(geos.fromGeoJson(touching))).toBe(false);
    const out = await dissolveFootprints([touching, overlapping, third], Int32Array.of(0, 1, 2), ["A", "B", "C"], { geographic: false, decimals: 3 });
    const g = out.features.map((f) => geos.fromGeoJson(f.geometry));
    for (const x of g) expect(geos.validReason(x)).toBe("Valid Geometry");
    // Pairwise: the area of A + B + C equals the area of their union (no overlap left).
    const union = geos.unaryUnion(geos.fromGeoJson({ type: "MultiPolygon", coordinates: out.features.flatMap((f) => f.geometry.coordinates) }), 1e-3);
    const areaOf = (geom: { type: string; coordinates: unknown }) => (geom.type === "Polygon" ? [geom.coordinates] : (geom.coordinates as number[][][][])).reduce((t, poly) => t + (poly as number[][][]).reduce((s, r, i) => s + (i === 0 ? 1 : -1) * Math.abs(signedArea(r)), 0), 0);
    const sum = out.features.reduce((t, f) => t + areaOf(f.geometry), 0);
    expect(sum).toBeCloseTo(areaOf(geos.toGeoJson(union) as never), 6);
    for (const f of out.features) for (const poly of f.geometry.coordinates) for (const ring of poly) for (const p of ring) for (const v of p) expect(Math.abs(v * 1000 - Math.round(v * 1000))).toBeLessThan(1e-9);
  });
});
