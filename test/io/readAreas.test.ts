import { describe, expect, it } from "vitest";
import { readAreas } from "../../src/io/readAreas.js";
import { tempFiles } from "../helpers/tempFiles.js";

const file = tempFiles("stp-areas-");

describe("readAreas", () => {
  it("readAreas: the unit column (boundary id first), the area's ONS code and name, and the weight are detected", async () => {
    const p = file("a.csv", "CCG16CD,LAD16CD,LAD16NM,pop_mid2019,n_lsoa\nE1,L1,Lee,100,3\nE2,L1,Lee,50,2\n");
    expect(await readAreas(p, "CCG16CD")).toEqual([
      { area: "L1", name: "Lee", unit: "E1", weight: 100 },
      { area: "L1", name: "Lee", unit: "E2", weight: 50 },
    ]);
  });

  it("readAreas: named columns; two candidate area codes are an InputError naming --area-column", async () => {
    const rows = await readAreas(file("n.csv", "u,a,w\nE1,L1,2\n"), undefined, { unitColumn: "u", areaColumn: "a", weightColumn: "w" });
    expect(rows).toEqual([{ area: "L1", unit: "E1", weight: 2 }]);
    await expect(readAreas(file("two.csv", "unit,LAD16CD,LAD21CD,weight\nE1,L1,L2,1\n"))).rejects.toThrow(/two\.csv: line 1: cannot tell which column is the area: "LAD16CD", "LAD21CD"; choose one with --area-column/);
  });
});
