import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { topology } from "topojson-server";
import { describe, expect, it } from "vitest";
import { readBoundaries } from "../../src/io/readBoundaries.js";
import { toUnits } from "../../src/model/units.js";
import { gridCollection } from "../helpers/geometry.js";
import { writeShapefile } from "../helpers/shapefile.js";

const dir = mkdtempSync(join(tmpdir(), "stp-bnd-"));
const fc = gridCollection(2, 2, 1, 0, (r, c) => ({ LAD21CD: `E0${r}${c}`, LAD21NM: `Area ${r}${c}`, pop: 100 * (r + c + 1) }));

describe("readBoundaries", () => {
  it("readBoundaries: GeoJSON ids come from the ONS code field, names from its NM partner", async () => {
    const p = join(dir, "a.geojson");
    writeFileSync(p, JSON.stringify(fc));
    const b = await readBoundaries(p);
    expect(b.format).toBe("geojson");
    expect(b.idField).toBe("LAD21CD");
    expect(b.nameField).toBe("LAD21NM");
    expect(b.features.map((f) => f.id)).toEqual(["E000", "E001", "E010", "E011"]);
    const units = toUnits(b);
    expect(units.index.get("E011")).toBe(3);
    expect(units.geographic).toBe(true);
  });

  it("readBoundaries: TopoJSON is read through its only object, or the one --layer names", async () => {
    const p = join(dir, "a.topojson");
    writeFileSync(p, JSON.stringify(topology({ areas: fc, other: gridCollection(1, 1) })));
    await expect(readBoundaries(p)).rejects.toThrow(/holds 2 TopoJSON objects \("areas", "other"\); choose one with --layer/);
    const b = await readBoundaries(p, { layer: "areas" });
    expect(b.format).toBe("topojson");
    expect(b.features.map((f) => f.id)).toEqual(["E000", "E001", "E010", "E011"]);
    await expect(readBoundaries(p, { layer: "nope" })).rejects.toThrow(/no TopoJSON object "nope"/);
  });

  it("readBoundaries: a Shapefile with its .dbf gives the same units", async () => {
    const p = join(dir, "a.shp");
    writeShapefile(p, fc.features.map((f) => ({ rings: f.geometry.coordinates, props: { LAD21CD: String(f.properties!.LAD21CD) } })));
    const b = await readBoundaries(p);
    expect(b.format).toBe("shapefile");
    expect(b.idField).toBe("LAD21CD");
    expect(b.features.map((f) => f.id)).toEqual(["E000", "E001", "E010", "E011"]);
    expect(toUnits(b).geometries[0]?.type).toBe("Polygon");
  });

  it("readBoundaries: JSON that is not GeoJSON, and a Point unit, are refused with the feature", async () => {
    const p = join(dir, "x.json");
    writeFileSync(p, JSON.stringify({ hello: 1 }));
    await expect(readBoundaries(p)).rejects.toThrow(/not GeoJSON/);
    const q = join(dir, "pt.geojson");
    writeFileSync(q, JSON.stringify({ type: "FeatureCollection", features: [{ type: "Feature", properties: { code: "A" }, geometry: { type: "Point", coordinates: [0, 0] } }] }));
    const b = await readBoundaries(q);
    expect(() => toUnits(b)).toThrow(/feature 0: unit "A" has a Point/);
  });

  it("toUnits: duplicate ids and non-numeric coordinates name the feature", async () => {
    const dup = { type: "FeatureCollection", features: [fc.features[0], fc.features[0]] };
    const p = join(dir, "dup.geojson");
    writeFileSync(p, JSON.stringify(dup).replaceAll("LAD21CD", "code"));
    expect(() => toUnits({ file: p, idField: "code", features: [{ index: 0, id: "A", name: "", geometry: fc.features[0].geometry }, { index: 1, id: "A", name: "", geometry: fc.features[1].geometry }] })).toThrow(/feature 1: id "A" is used again/);
    const bad = { type: "Polygon", coordinates: [[[0, 0], [1, "x"], [1, 1], [0, 0]]] } as never;
    expect(() => toUnits({ file: "f", idField: "code", features: [{ index: 0, id: "A", name: "", geometry: bad }] })).toThrow(/feature 0: unit "A" has a coordinate that is not a pair of finite numbers/);
  });
});
