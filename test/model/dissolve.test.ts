import { area } from "@turf/turf";
import type { Polygon } from "geojson";
import { describe, expect, it } from "vitest";
import { dissolveFootprints } from "../../src/model/dissolve.js";
import { gridCollection } from "../helpers/geometry.js";

describe("dissolveFootprints", () => {
  // 3 x 3 squares of 0.01 degree near lon 10, lat 50; footprint 1 is the centre, 0 the ring around it:
  //   0 0 0
  //   0 1 0
  //   0 0 0
  const fc = gridCollection(3, 3, 0.01);
  for (const f of fc.features) for (const ring of f.geometry.coordinates) for (const p of ring) (p[0] += 10), (p[1] += 50);
  const geoms = fc.features.map((f) => f.geometry as Polygon);

  it("dissolveFootprints: one MultiPolygon per footprint; an enclosed footprint is a hole of the other", () => {
    const out = dissolveFootprints(geoms, Int32Array.of(0, 0, 0, 0, 1, 0, 0, 0, 0), ["A", "B"], true);
    expect(out.features.map((f) => f.properties?.footprint)).toEqual(["A", "B"]);
    const [a, b] = out.features;
    expect(a.geometry.coordinates).toHaveLength(1);
    expect(a.geometry.coordinates[0]).toHaveLength(2); // shell and one hole: the centre square is ~1.2 km2, no sliver
    expect(b.geometry.coordinates[0]).toHaveLength(1);
    const total = geoms.reduce((t, g) => t + area(g), 0);
    expect(area(a) + area(b)).toBeCloseTo(total, -3);
    expect(area(b) / total).toBeCloseTo(1 / 9, 3);
  });

  it("dissolveFootprints: unassigned units are left out and properties come from the callback", () => {
    const out = dissolveFootprints(geoms, Int32Array.of(0, 0, 0, -1, -1, -1, 1, 1, 1), ["A", "B"], true, (f) => ({ id: f }));
    expect(out.features.map((f) => f.properties)).toEqual([{ id: 0 }, { id: 1 }]);
    for (const f of out.features) expect(f.geometry.coordinates).toHaveLength(1);
  });
});
