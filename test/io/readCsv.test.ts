import { mkdtempSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/errors.js";
import { readCsv } from "../../src/io/readCsv.js";

const dir = mkdtempSync(join(tmpdir(), "stp-csv-"));
function file(name: string, content: string | Buffer): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

describe("readCsv", () => {
  it("readCsv: a BOM, CRLF line ends and quoted fields are read; codes keep leading zeros", async () => {
    const p = file("bom.csv", "\uFEFFunit,name,pop\r\n\"007\",\"Smith, Jones\",12\r\n010,\"say \"\"hi\"\"\",3\r\n");
    const { header, rows } = await readCsv(p);
    expect(header).toEqual(["unit", "name", "pop"]);
    expect(rows.map((r) => r.cells)).toEqual([
      ["007", "Smith, Jones", "12"],
      ["010", 'say "hi"', "3"],
    ]);
    expect(rows.map((r) => r.line)).toEqual([2, 3]);
  });

  it("readCsv: mixed line endings and a missing final newline still give every row", async () => {
    const p = file("mixed.csv", "a,b\n1,2\r\n3,4\n5,6");
    const { rows } = await readCsv(p);
    expect(rows.map((r) => r.cells[0])).toEqual(["1", "3", "5"]);
  });

  it("readCsv: a ragged row is an InputError naming the line", async () => {
    const p = file("ragged.csv", "a,b\n1,2\n3\n");
    const err = await readCsv(p).catch((e) => e);
    expect(err).toBeInstanceOf(InputError);
    expect(err.message).toContain("line 3");
    expect(err.message).toContain("1 field where the header has 2");
  });

  it("readCsv: an empty file, a duplicate header and non-UTF-8 bytes are refused", async () => {
    await expect(readCsv(file("empty.csv", ""))).rejects.toThrow(/empty/);
    await expect(readCsv(file("dup.csv", "a,a\n1,2\n"))).rejects.toThrow(/header names column "a" twice/);
    await expect(readCsv(file("latin1.csv", Buffer.from([0x61, 0x0a, 0xe9, 0x0a])))).rejects.toThrow(/not UTF-8/);
  });

  it("readCsv: a missing file and a directory are InputErrors naming the path", async () => {
    await expect(readCsv(join(dir, "nope.csv"))).rejects.toThrow(/nope\.csv: no such file/);
    await expect(readCsv(dir)).rejects.toThrow(/is a directory/);
  });

  it("readCsv: a file too large to parse whole is streamed with the same rows and line numbers", async () => {
    // Over 4 MB, so openCsv streams it; a quoted line break and a blank line move later lines on.
    const body = Array.from({ length: 200_000 }, (_, i) => `U${i}-a-longer-unit-code,${i}`).join("\n");
    const p = file("big.csv", `unit,value\n"A\nB",1\n\n${body}\nlast,7\n`);
    const { rows } = await readCsv(p);
    expect(rows).toHaveLength(200_002);
    expect(rows[0]).toEqual({ cells: ["A\nB", "1"], line: 2 });
    expect(statSync(p).size).toBeGreaterThan(4 << 20);
    expect(rows[1]).toEqual({ cells: ["U0-a-longer-unit-code", "0"], line: 5 });
    expect(rows[rows.length - 1]).toEqual({ cells: ["last", "7"], line: 200_005 });
    const ragged = file("big-ragged.csv", `unit,value\n${body}\nlast\n`);
    await expect(readCsv(ragged)).rejects.toThrow(/line 200002: has 1 field where the header has 2/);
    const badQuote = file("big-quote.csv", `unit,value\n${body}\n"last,7\n`);
    await expect(readCsv(badQuote)).rejects.toThrow(/not valid CSV: a quoted field is never closed/);
  }, 30_000);
});
