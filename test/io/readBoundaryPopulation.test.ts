import { describe, expect, it } from "vitest";
import type { BoundaryFile } from "../../src/io/readBoundaries.js";
import { readBoundaryPopulation } from "../../src/io/readBoundaryPopulation.js";

function boundaries(properties: Record<string, unknown>[]): BoundaryFile {
  const features = properties.map((p, index) => ({ index, id: String(p.code), name: "", geometry: null, properties: p }));
  return { file: "b.geojson", format: "geojson", idField: "code", nameField: undefined, features };
}

describe("readBoundaryPopulation", () => {
  it("readBoundaryPopulation: the one pop... property is detected; numbers written as text are read strictly", () => {
    const t = readBoundaryPopulation(boundaries([{ code: "A", pop_mid2019: 10 }, { code: "B", pop_mid2019: "20" }]));
    expect(t).toEqual({ file: "b.geojson", source: "b.geojson (pop_mid2019)", rows: [{ unit: "A", value: 10 }, { unit: "B", value: 20 }] });
  });

  it("readBoundaryPopulation: null when no property holds population; a named field that is missing, or text that is not a number, is an InputError", () => {
    expect(readBoundaryPopulation(boundaries([{ code: "A", area: 3 }]))).toBeNull();
    expect(() => readBoundaryPopulation(boundaries([{ code: "A" }]), "people")).toThrow(/b\.geojson: has no field "people" \(--population-field\)/);
    expect(() => readBoundaryPopulation(boundaries([{ code: "A", population: "1,000" }]))).toThrow(/"population": "1,000" is not a number/);
  });
});
