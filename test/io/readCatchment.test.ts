import { describe, expect, it } from "vitest";
import { openCatchment } from "../../src/io/readCatchment.js";
import { tempFiles } from "../helpers/tempFiles.js";

const file = tempFiles("stp-catch-");

async function rows(path: string, lookupColumns: string[] = ["MSOA11CD"]) {
  const s = await openCatchment(path, lookupColumns);
  const out = [];
  for await (const r of s.rows) out.push(r);
  return { columns: s.columns, rows: out };
}

describe("openCatchment", () => {
  it("openCatchment: the area column is the one the lookup also has; provider and proportion are detected", async () => {
    const r = await rows(file("c.csv", "trust_code,MSOA11CD,proportion\nR1,E02000001,0.25\nR2,E02000001,0.75\n"));
    expect(r.columns).toEqual({ area: "MSOA11CD", provider: "trust_code", proportion: "proportion" });
    expect(r.rows).toEqual([
      { area: "E02000001", provider: "R1", proportion: 0.25, line: 2 },
      { area: "E02000001", provider: "R2", proportion: 0.75, line: 3 },
    ]);
  });

  it("openCatchment: a negative proportion, an empty provider or an empty area is an error naming the file, line and column", async () => {
    await expect(rows(file("neg.csv", "trust_code,MSOA11CD,proportion\nR1,E02000001,-0.1\n"))).rejects.toThrow(/neg\.csv: line 2: "proportion": proportion -0\.1 is negative/);
    await expect(rows(file("nop.csv", "trust_code,MSOA11CD,proportion\n,E02000001,0.1\n"))).rejects.toThrow(/nop\.csv: line 2: "trust_code": empty provider code/);
    await expect(rows(file("noa.csv", "trust_code,MSOA11CD,proportion\nR1, ,0.1\n"))).rejects.toThrow(/noa\.csv: line 2: "MSOA11CD": empty area code/);
  });
});
