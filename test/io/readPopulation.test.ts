import { describe, expect, it } from "vitest";
import { readPopulation } from "../../src/io/readPopulation.js";
import { tempFiles } from "../helpers/tempFiles.js";

const file = tempFiles("stp-pop-");

describe("readPopulation", () => {
  it("readPopulation: detects the unit column (the boundary id field first) and the population column; rows keep their lines", async () => {
    const p = file("pop.csv", "CCG16NM,CCG16CD,pop_mid2019\nA town,E1,100\nB town,E2,250.5\n");
    expect(await readPopulation(p, "CCG16CD")).toEqual([
      { unit: "E1", value: 100, line: 2 },
      { unit: "E2", value: 250.5, line: 3 },
    ]);
  });

  it("readPopulation: named columns win over detection; rows naming no unit are kept (joining is the model's job)", async () => {
    const p = file("named.csv", "code,population,people\nX,1,7\nNOT-A-UNIT,2,8\n");
    const rows = await readPopulation(p, undefined, { unitColumn: "code", valueColumn: "people" });
    expect(rows.map((r) => [r.unit, r.value])).toEqual([["X", 7], ["NOT-A-UNIT", 8]]);
  });

  it("readPopulation: an empty unit code, a value that is not a number and a missing named column are InputErrors with the line", async () => {
    await expect(readPopulation(file("e.csv", "unit,population\n,5\n"))).rejects.toThrow(/e\.csv: line 2: "unit": empty unit code/);
    await expect(readPopulation(file("n.csv", "unit,population\nA,1 000\n"))).rejects.toThrow(/n\.csv: line 2: "population": "1 000" is not a number \(remove the spaces\)/);
    await expect(readPopulation(file("c.csv", "unit,population\nA,1\n"), undefined, { valueColumn: "pop" })).rejects.toThrow(/c\.csv: line 1: has no column "pop" \(--population-column\)/);
  });
});
