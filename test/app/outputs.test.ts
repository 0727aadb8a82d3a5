import { existsSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { prepareOutputs } from "../../src/app/outputs.js";
import { UsageError } from "../../src/errors.js";

const dir = mkdtempSync(join(tmpdir(), "stp-outputs-"));
const at = (name: string) => join(dir, name);
const spec = { boundaries: at("units.geojson"), population: at("pop.csv"), areas: at("areas.csv"), manifest: at("m.json") };
for (const f of ["units.geojson", "pop.csv", "areas.csv", "m.json"]) writeFileSync(at(f), "input\n");
const noTemps = () => readdirSync(dir).filter((f) => f.endsWith(".tmp"));

describe("prepareOutputs", () => {
  it("prepareOutputs: an output that is an input is refused, by path, symbolic link or hard link", async () => {
    await expect(prepareOutputs(spec, [{ option: "--out", path: at("areas.csv") }])).rejects.toThrow(/--out: .*areas\.csv is an input file \(the areas\)/);
    await expect(prepareOutputs(spec, [{ option: "--out", path: at("m.json") }])).rejects.toThrow(/is an input file \(the dataset manifest\)/);
    symlinkSync(at("pop.csv"), at("pop-link.csv"));
    await expect(prepareOutputs(spec, [{ option: "--map", path: at("pop-link.csv") }])).rejects.toThrow(/--map: .*pop-link\.csv is an input file \(the population\)/);
    linkSync(at("pop.csv"), at("pop-hard.csv"));
    await expect(prepareOutputs(spec, [{ option: "--geojson", path: at("pop-hard.csv") }])).rejects.toThrow(/--geojson: .*pop-hard\.csv is an input file \(the population\)/);
    await expect(prepareOutputs(spec, [{ option: "--out", path: at("plan.csv") }], [{ path: at("plan.csv"), what: "--start" }])).rejects.toThrow(/is an input file \(--start\)/);
    expect(readFileSync(at("pop.csv"), "utf8")).toBe("input\n");
  });

  it("prepareOutputs: two outputs on one file are refused, however they are spelt", async () => {
    await expect(prepareOutputs(null, [{ option: "--out", path: at("o.csv") }, { option: "--geojson", path: at("o.csv") }])).rejects.toThrow(/--geojson: .*o\.csv is also the --out output/);
    await expect(prepareOutputs(null, [{ option: "--out", path: at("o.csv") }, { option: "--map", path: join(dir, ".", "sub", "..", "o.csv") }])).rejects.toThrow(/--map: .* is also the --out output/);
    symlinkSync(at("o2.csv"), at("o2-link.csv"));
    await expect(prepareOutputs(null, [{ option: "--out", path: at("o2-link.csv") }, { option: "--geojson", path: at("o2.csv") }])).rejects.toThrow(/is also the --out output/);
  });

  it("prepareOutputs: a missing or unwritable folder, a directory and a device are refused before any work", async () => {
    await expect(prepareOutputs(null, [{ option: "--out", path: at("no/such/o.csv") }])).rejects.toThrow(/--out: cannot write .*o\.csv: the folder .*no\/such does not exist/);
    await expect(prepareOutputs(null, [{ option: "--out", path: at("units.geojson/o.csv") }])).rejects.toThrow(/--out: cannot write .*: .*units\.geojson is not a folder/);
    mkdirSync(at("adir"));
    await expect(prepareOutputs(null, [{ option: "--fix", path: at("adir") }])).rejects.toThrow(/--fix: .*adir is a directory/);
    await expect(prepareOutputs(null, [{ option: "--out", path: "/dev/null" }])).rejects.toThrow(/--out: \/dev\/null is not a regular file/);
    // /sys refuses new files even to root, so it stands in for a read-only folder.
    if (existsSync("/sys/kernel")) await expect(prepareOutputs(null, [{ option: "--out", path: "/sys/o.csv" }])).rejects.toThrow(/--out: cannot write \/sys\/o\.csv: the folder \/sys is not writable/);
    expect(noTemps()).toEqual([]);
  });

  it("Outputs: nothing is touched until commit; abandon leaves old files and no temporary file", async () => {
    writeFileSync(at("a.csv"), "old a\n");
    const outputs = await prepareOutputs(spec, [{ option: "--out", path: at("a.csv") }, { option: "--map", path: at("b.svg") }]);
    outputs.write("--out", "new a\n");
    expect(readFileSync(at("a.csv"), "utf8")).toBe("old a\n");
    expect(noTemps()).toHaveLength(1);
    expect(outputs.abandon()).toEqual({ written: [], untouched: [at("a.csv"), at("b.svg")] });
    expect(readFileSync(at("a.csv"), "utf8")).toBe("old a\n");
    expect(existsSync(at("b.svg"))).toBe(false);
    expect(noTemps()).toEqual([]);
    expect(() => outputs.write("--out", "x")).toThrow(/already committed or abandoned/);
  });

  it("Outputs: commit renames every written output into place together", async () => {
    const outputs = await prepareOutputs(spec, [{ option: "--out", path: at("c.csv") }, { option: "--geojson", path: at("c.geojson") }]);
    outputs.write("--out", "c\n");
    outputs.write("--geojson", Buffer.from("{}\n"));
    expect(outputs.commit()).toEqual([at("c.csv"), at("c.geojson")]);
    expect(readFileSync(at("c.csv"), "utf8")).toBe("c\n");
    expect(readFileSync(at("c.geojson"), "utf8")).toBe("{}\n");
    expect(outputs.abandon()).toEqual({ written: [at("c.csv"), at("c.geojson")], untouched: [] });
    expect(noTemps()).toEqual([]);
  });

  it("Outputs: a symbolic link given as an output is written through to its target, atomically", async () => {
    mkdirSync(at("plans"));
    writeFileSync(at("plans/2024.csv"), "old\n");
    symlinkSync(join("plans", "2024.csv"), at("latest.csv"));
    symlinkSync(join("plans", "2025.csv"), at("next.csv")); // a link to a file not there yet
    const outputs = await prepareOutputs(null, [{ option: "--out", path: at("latest.csv") }, { option: "--map", path: at("next.csv") }]);
    outputs.write("--out", "new\n");
    outputs.write("--map", "<svg/>\n");
    outputs.commit();
    expect(lstatSync(at("latest.csv")).isSymbolicLink()).toBe(true);
    expect(readFileSync(at("plans/2024.csv"), "utf8")).toBe("new\n");
    expect(lstatSync(at("next.csv")).isSymbolicLink()).toBe(true);
    expect(readFileSync(at("plans/2025.csv"), "utf8")).toBe("<svg/>\n");
    expect(readdirSync(at("plans")).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("prepareOutputs: refusals are UsageErrors (exit 2), one line", async () => {
    const err = await prepareOutputs(spec, [{ option: "--out", path: at("pop.csv") }]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UsageError);
    expect((err as Error).message).not.toContain("\n");
  });
});

describe("one way to write", () => {
  it("outputs: only io/writeFileAtomic.ts writes files, and only app/outputs.ts calls it (the demo generator aside)", async () => {
    const { readdirSync: list, statSync } = await import("node:fs");
    const { relative, resolve: resolvePath } = await import("node:path");
    const src = resolvePath(__dirname, "../../src");
    const files: string[] = [];
    const walk = (d: string) => {
      for (const f of list(d)) {
        const p = join(d, f);
        if (statSync(p).isDirectory()) walk(p);
        else if (p.endsWith(".ts")) files.push(relative(src, p));
      }
    };
    walk(src);
    const code = (f: string) => readFileSync(join(src, f), "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");
    const writers = files.filter((f) => !f.startsWith("demo/") && /\b(writeFile|writeSync|createWriteStream|rename|renameSync|appendFile|copyFile)(Sync)?\(|\bopen(Sync)?\([^)]*"[wa]/.test(code(f)));
    expect(writers.sort()).toEqual(["app/outputs.ts", "io/writeFileAtomic.ts"]);
    const stagers = files.filter((f) => /from "[./]*\/?(io\/)?writeFileAtomic\.js"/.test(code(f)));
    expect(stagers).toEqual(["app/outputs.ts"]);
  });
});
