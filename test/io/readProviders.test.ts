import { describe, expect, it } from "vitest";
import { readProviders } from "../../src/io/readProviders.js";
import { tempFiles } from "../helpers/tempFiles.js";

const file = tempFiles("stp-prov-");

describe("readProviders", () => {
  it("readProviders: a long CSV becomes a provider table with interned codes, each unit code with its first line", async () => {
    const p = file("p.csv", "trust_code,CCG16CD,catchment_pop,share_of_trust\nR1,E1,10,0.5\nR2,E9,5,1\nR1,E2,10,0.5\nR1,E9,1,0\n");
    const t = await readProviders(p, "CCG16CD");
    expect(t.file).toBe(p);
    expect(t.length).toBe(4);
    expect(t.providers).toEqual(["R1", "R2"]);
    expect(t.units).toEqual(["E1", "E9", "E2"]);
    expect(t.unitLine).toEqual([2, 3, 4]);
    expect(Array.from(t.provider)).toEqual([0, 1, 0, 0]);
    expect(Array.from(t.unit)).toEqual([0, 1, 2, 1]);
    expect(Array.from(t.value)).toEqual([10, 5, 10, 1]);
  });

  it("readProviders: named columns; a negative value or an empty provider code is an InputError with the line", async () => {
    const t = await readProviders(file("n.csv", "who,where,how_many\nA,U1,3\n"), undefined, { providerColumn: "who", unitColumn: "where", valueColumn: "how_many" });
    expect([t.providers, t.units, Array.from(t.value)]).toEqual([["A"], ["U1"], [3]]);
    await expect(readProviders(file("neg.csv", "provider,unit,value\nA,U1,-1\n"))).rejects.toThrow(/neg\.csv: line 2: "value": value -1 is negative/);
    await expect(readProviders(file("empty.csv", "provider,unit,value\n,U1,1\n"))).rejects.toThrow(/empty\.csv: line 2: "provider": empty provider code/);
  });

  it("readProviders: 20,000 rows fill the typed arrays past their first size", async () => {
    const lines = ["provider,unit,value", ...Array.from({ length: 20_000 }, (_, i) => `P${i % 13},U${i % 101},${i}`)];
    const t = await readProviders(file("big.csv", lines.join("\n") + "\n"));
    expect(t.length).toBe(20_000);
    expect(t.providers.length).toBe(13);
    expect(t.units.length).toBe(101);
    expect(t.value[19_999]).toBe(19_999);
    expect(t.units[t.unit[19_999]]).toBe(`U${19_999 % 101}`);
  });
});
