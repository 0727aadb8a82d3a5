import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "../../src/io/writeCsv.js";
import { writeFileAtomic } from "../../src/io/writeFileAtomic.js";
import { planToCsv } from "../../src/io/writePlan.js";
import { readPlan } from "../../src/io/readPlan.js";

const dir = mkdtempSync(join(tmpdir(), "stp-write-"));

describe("writing files", () => {
  it("csvCell: quotes commas and quotes, defuses formulas, keeps negative numbers", () => {
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("=SUM(A1)")).toBe("'=SUM(A1)");
    expect(csvCell("+44 20")).toBe("'+44 20");
    expect(csvCell("@cmd")).toBe("'@cmd");
    expect(csvCell("-x")).toBe("'-x");
    expect(csvCell("-12.5")).toBe("-12.5");
    expect(csvCell(7)).toBe("7");
    expect(toCsv(["a", "b"], [["1", "x,y"]])).toBe('a,b\n1,"x,y"\n');
  });

  it("writeFileAtomic: replaces the file whole and leaves no temporary file", async () => {
    const p = join(dir, "out.csv");
    writeFileSync(p, "old\n");
    await writeFileAtomic(p, "new\n");
    expect(readFileSync(p, "utf8")).toBe("new\n");
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    await expect(writeFileAtomic(join(dir, "no/such/dir/x.csv"), "x")).rejects.toThrow(/cannot write: the folder .* does not exist/);
  });

  it("planToCsv: a plan survives a write and read round trip, formula-like and awkward names included", async () => {
    const plan = { rows: [{ unit: "007", footprint: "F1", line: 2, share: 1 }, { unit: "B,2", footprint: "=F2", line: 3, share: 1 }], names: new Map([["F1", 'North "One"'], ["=F2", "Two"]]), source: "x" };
    const p = join(dir, "plan.csv");
    writeFileSync(p, planToCsv(plan));
    const back = await readPlan(p);
    expect(back.rows.map((r) => [r.unit, r.footprint])).toEqual([["007", "F1"], ["B,2", "=F2"]]);
    expect(back.names.get("F1")).toBe('North "One"');
  });
});
