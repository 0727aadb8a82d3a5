import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { InputError } from "../../src/errors.js";
import { writeFileAtomic } from "../../src/io/writeFileAtomic.js";

const tmp = mkdtempSync(join(tmpdir(), "stp-atomic-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("writeFileAtomic", () => {
  it("writeFileAtomic: replaces a file and leaves no temporary file behind", async () => {
    const file = join(tmp, "out.svg");
    writeFileSync(file, "old");
    await writeFileAtomic(file, "new");
    expect(readFileSync(file, "utf8")).toBe("new");
    expect(readdirSync(tmp)).toEqual(["out.svg"]);
  });

  it("writeFileAtomic: a missing folder is an InputError naming the file", async () => {
    const file = join(tmp, "no", "such", "out.png");
    await expect(writeFileAtomic(file, Buffer.from([1, 2, 3]))).rejects.toThrow(InputError);
    await expect(writeFileAtomic(file, "x")).rejects.toThrow(/out\.png: cannot write: the folder .* does not exist/);
  });

  it("writeFileAtomic: writing over a directory fails and keeps it, without leftovers", async () => {
    const dir = join(tmp, "adir");
    await import("node:fs").then((fs) => fs.mkdirSync(dir));
    await expect(writeFileAtomic(dir, "x")).rejects.toThrow(InputError);
    expect(readdirSync(tmp).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});
