import { describe, expect, it } from "vitest";
import { readPlan } from "../../src/io/readPlan.js";
import { tempFiles } from "../helpers/tempFiles.js";

const file = tempFiles("stp-plan-");

describe("readPlan", () => {
  it("readPlan: the footprint column and its ONS name partner are detected; a unit listed twice is kept twice", async () => {
    const p = file("lookup.csv", "CCG16CD,STP17CD,STP17NM\nE1,S1,North\nE2,S1,North\nE1,S2,South\n");
    const plan = await readPlan(p, "CCG16CD");
    expect(plan.rows).toEqual([
      { unit: "E1", footprint: "S1", line: 2, share: 1 },
      { unit: "E2", footprint: "S1", line: 3, share: 1 },
      { unit: "E1", footprint: "S2", line: 4, share: 1 },
    ]);
    expect([...plan.names]).toEqual([["S1", "North"], ["S2", "South"]]);
    expect(plan.source).toBe(p);
  });

  it("readPlan: named columns; an empty footprint, a missing name column and no rows are InputErrors", async () => {
    const plan = await readPlan(file("n.csv", "u,f,label\nA,X,Ex\n"), undefined, { unitColumn: "u", footprintColumn: "f", nameColumn: "label" });
    expect([plan.rows[0].unit, plan.rows[0].footprint, plan.names.get("X")]).toEqual(["A", "X", "Ex"]);
    await expect(readPlan(file("e.csv", "unit,footprint\nA,\n"))).rejects.toThrow(/e\.csv: line 2: "footprint": unit "A" has an empty footprint/);
    await expect(readPlan(file("m.csv", "unit,footprint\nA,X\n"), undefined, { nameColumn: "nm" })).rejects.toThrow(/m\.csv: line 1: has no column "nm" \(--footprint-name-column\)/);
    await expect(readPlan(file("h.csv", "unit,footprint\n"))).rejects.toThrow(/h\.csv: names no units/);
  });
});
