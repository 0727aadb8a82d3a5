import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { readDatasetTables } from "../../src/io/readDatasetTables.js";
import { repoRoot } from "../helpers/shared.js";
import { tempFiles } from "../helpers/tempFiles.js";

const tiny = (f: string) => resolve(repoRoot, "fixtures/tiny", f);
const file = tempFiles("stp-tables-");

describe("readDatasetTables", () => {
  it("readDatasetTables: every file of the spec is read into a plain table, nothing joined to the units", async () => {
    const population = file("pop.csv", "unit,population\nT1,5\nNOT-A-UNIT,7\n");
    const { tables, files, boundaryFile } = await readDatasetTables({
      boundaries: tiny("units.geojson"),
      population,
      providers: tiny("providers.csv"),
      links: tiny("links.csv"),
      plan: tiny("plan.csv"),
    });
    expect(tables.boundaries.features.map((f) => f.id)).toEqual(["T1", "T2", "T3", "T4", "T5", "T6"]);
    expect(tables.boundaries.idField).toBe(boundaryFile.idField);
    // A row naming no unit is still in the table: the join (and its issue) is buildDataset's.
    expect(tables.population).toEqual({ file: population, source: population, rows: [{ unit: "T1", value: 5, line: 2 }, { unit: "NOT-A-UNIT", value: 7, line: 3 }] });
    expect(tables.providers?.providers).toEqual(["P1", "P2", "P3"]);
    expect(tables.links?.rows.map((l) => [l.a, l.b])).toEqual([["T1", "T6"]]);
    expect(tables.areas).toBeNull();
    expect(tables.plan?.rows).toHaveLength(6);
    expect(Object.keys(files).sort()).toEqual(["boundaries", "links", "plan", "population", "providers"]);
  });

  it("readDatasetTables: without a population file the population comes from a boundary property, or is null", async () => {
    const fc = (props: object) => JSON.stringify({ type: "FeatureCollection", features: [{ type: "Feature", properties: { code: "A", ...props }, geometry: { type: "Polygon", coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] } }] });
    const withPop = file("with.geojson", fc({ population: 12 }));
    expect((await readDatasetTables({ boundaries: withPop })).tables.population).toEqual({ file: withPop, source: `${withPop} (population)`, rows: [{ unit: "A", value: 12 }] });
    expect((await readDatasetTables({ boundaries: file("without.geojson", fc({})) })).tables.population).toBeNull();
  });

  it("readDatasetTables: the plan's column names apply only to the plan they were written for; skipPlan reads none", async () => {
    const other = file("other.csv", "unit,footprint\nT1,F9\n");
    const spec = { boundaries: tiny("units.geojson"), plan: other, footprintColumn: "STP17CD", planColumnsFor: tiny("plan.csv") };
    expect((await readDatasetTables(spec)).tables.plan?.rows[0].footprint).toBe("F9");
    await expect(readDatasetTables({ ...spec, planColumnsFor: undefined })).rejects.toThrow(/has no column "STP17CD"/);
    expect((await readDatasetTables(spec, { skipPlan: true })).tables.plan).toBeNull();
  });
});
