import { describe, expect, it } from "vitest";
import { buildDataset } from "../../src/model/buildDataset.js";
import { providerTableFromRows } from "../../src/model/providerTable.js";
import type { DatasetTables } from "../../src/model/tables.js";
import { gridCollection } from "../helpers/geometry.js";

/*
 * A 1 x 3 grid of 1 km squares, ids r0c0 r0c1 r0c2:
 *   +----+----+----+
 *   |r0c0|r0c1|r0c2|
 *   +----+----+----+
 */
function tables(over: Partial<DatasetTables> = {}): DatasetTables {
  const fc = gridCollection(1, 3);
  const features = fc.features.map((f, index) => ({ index, id: String(f.properties!.code), name: `unit ${index}`, geometry: f.geometry }));
  return { boundaries: { file: "grid.geojson", idField: "code", features }, population: null, providers: null, links: null, areas: null, plan: null, ...over };
}
const opts = { name: "grid", params: { populationMin: 1, populationMax: 10, threshold: 0.05, severity: {} }, adjacency: { kind: "rook" as const, tolerance: 5 }, files: { boundaries: "grid.geojson" } };

describe("buildDataset", () => {
  it("buildDataset: units, population, providers, links and adjacency from tables in memory, without any file", () => {
    const { dataset, issues } = buildDataset(
      tables({
        population: { file: "pop.csv", source: "pop.csv", rows: [{ unit: "r0c0", value: 1 }, { unit: "r0c1", value: 2 }, { unit: "r0c2", value: 3 }] },
        providers: providerTableFromRows([{ provider: "P", unit: "r0c2", value: 4 }], "prov.csv"),
        links: { file: "links.csv", rows: [{ a: "r0c0", b: "r0c2", line: 2 }] },
      }),
      opts,
    );
    expect(issues).toEqual([]);
    expect(dataset.units.ids).toEqual(["r0c0", "r0c1", "r0c2"]);
    expect(Array.from(dataset.population)).toEqual([1, 2, 3]);
    expect(dataset.providers?.ids).toEqual(["P"]);
    expect(dataset.adjacency.neighbors).toEqual([[1, 2], [0, 2], [0, 1]]);
    expect(dataset.adjacency.linked).toEqual([[0, 2]]);
    expect(dataset.params.populationMax).toBe(10);
  });

  it("buildDataset: join problems come back as issues with their file and line, in table order", () => {
    const { dataset, issues } = buildDataset(
      tables({
        population: { file: "pop.csv", source: "pop.csv", rows: [{ unit: "r0c0", value: -1, line: 2 }, { unit: "zz", value: 1, line: 3 }] },
        links: { file: "links.csv", rows: [{ a: "r0c0", b: "nowhere", line: 2 }] },
      }),
      opts,
    );
    expect(issues.map((i) => [i.rule, i.file, i.line])).toEqual([
      ["population-negative", "pop.csv", 2],
      ["population-unknown-unit", "pop.csv", 3],
      ["population-missing", "pop.csv", undefined],
      ["link-unknown-unit", "links.csv", 2],
    ]);
    expect(dataset.adjacency.linked).toEqual([]);
  });

  it("buildDataset: skipAdjacency leaves every unit without neighbours; a bad feature is refused by toUnits", () => {
    const { dataset } = buildDataset(tables(), { ...opts, skipAdjacency: true });
    expect(dataset.adjacency.neighbors).toEqual([[], [], []]);
    const bad = tables();
    bad.boundaries.features[1] = { ...bad.boundaries.features[1], id: "r0c0" };
    expect(() => buildDataset(bad, opts)).toThrow(/grid\.geojson: feature 1: id "r0c0" is used again/);
  });
});
