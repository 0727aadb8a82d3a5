import { describe, expect, it } from "vitest";
import { readLinks } from "../../src/io/readLinks.js";
import { tempFiles } from "../helpers/tempFiles.js";

const file = tempFiles("stp-links-");

describe("readLinks", () => {
  it("readLinks: unit_a and unit_b wherever they are, with kind and note; rows keep their lines", async () => {
    const p = file("l.csv", "note,unit_b,kind,unit_a\nferry to the island,B,ferry,A\n,D,,C\n");
    expect(await readLinks(p)).toEqual([
      { a: "A", b: "B", kind: "ferry", note: "ferry to the island", line: 2 },
      { a: "C", b: "D", line: 3 },
    ]);
  });

  it("readLinks: without those names the first two columns are the pair; one column or an empty code is an InputError", async () => {
    expect(await readLinks(file("plain.csv", "from,to\nA,B\n"))).toEqual([{ a: "A", b: "B", line: 2 }]);
    await expect(readLinks(file("one.csv", "unit\nA\n"))).rejects.toThrow(/one\.csv: line 1: needs two columns/);
    await expect(readLinks(file("gap.csv", "unit_a,unit_b\nA,\n"))).rejects.toThrow(/gap\.csv: line 2: a link needs two unit codes/);
  });
});
