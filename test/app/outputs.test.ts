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

  it("Outputs: an option naming several outputs writes each by its path, and says which were left", async () => {
    const outputs = await prepareOutputs(null, [{ option: "--out", path: at("r1.svg") }, { option: "--out", path: at("r2.png") }]);
    expect(outputs.paths("--out")).toEqual([at("r1.svg"), at("r2.png")]);
    expect(() => outputs.write("--out", "x")).toThrow(/--out names 2 outputs/);
    outputs.write("--out", "<svg/>\n", at("r1.svg"));
    expect(outputs.abandon()).toEqual({ written: [], untouched: [at("r1.svg"), at("r2.png")] });
    expect(existsSync(at("r1.svg"))).toBe(false);
    const again = await prepareOutputs(null, [{ option: "--out", path: at("r1.svg") }, { option: "--out", path: at("r2.png") }]);
    again.write("--out", "<svg/>\n", at("r1.svg"));
    again.write("--out", "png", at("r2.png"));
    expect(again.commit()).toEqual([at("r1.svg"), at("r2.png")]);
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

describe("folder outputs (optimise --frontier DIR, prepare --out DIR)", () => {
  const files = /^frontier(-\d+)?\.csv$/;

  it("prepareOutputs: an input in the folder under a name the command writes there is refused; other files there are not", async () => {
    mkdirSync(at("f1"));
    writeFileSync(at("f1/frontier-02.csv"), "a plan\n");
    writeFileSync(at("f1/notes.csv"), "mine\n");
    await expect(prepareOutputs(null, [{ option: "--frontier", path: at("f1"), folderFiles: files }], [{ path: at("f1/frontier-02.csv"), what: "--start" }])).rejects.toThrow(
      /--frontier: .*f1\/frontier-02\.csv is an input file \(--start\)/,
    );
    // The same file reached through a symbolic link to the folder, or a hard link.
    symlinkSync(at("f1"), at("f1-link"));
    await expect(prepareOutputs(null, [{ option: "--frontier", path: at("f1-link"), folderFiles: files }], [{ path: at("f1/frontier-02.csv"), what: "--start" }])).rejects.toThrow(/is an input file/);
    linkSync(at("f1/frontier-02.csv"), at("start-hard.csv"));
    await expect(prepareOutputs(null, [{ option: "--frontier", path: at("f1"), folderFiles: files }], [{ path: at("start-hard.csv"), what: "--start" }])).rejects.toThrow(/frontier-02\.csv is an input file \(--start\)/);
    await expect(prepareOutputs(null, [{ option: "--frontier", path: at("f1"), folderFiles: files }], [{ path: at("f1/notes.csv"), what: "--lock" }])).resolves.toBeDefined();
    expect(readFileSync(at("f1/frontier-02.csv"), "utf8")).toBe("a plan\n");
  });

  it("prepareOutputs: a file output that the folder output may write is refused, in either order", async () => {
    await expect(prepareOutputs(null, [{ option: "--frontier", path: at("f2"), folderFiles: files }, { option: "--out", path: at("f2/frontier.csv") }])).rejects.toThrow(
      /--out: .*f2\/frontier\.csv is in the --frontier folder/,
    );
    await expect(prepareOutputs(null, [{ option: "--out", path: at("f2/frontier-01.csv") }, { option: "--frontier", path: at("f2"), folderFiles: files }])).rejects.toThrow(/--out: cannot write/);
    mkdirSync(at("f2"));
    await expect(prepareOutputs(null, [{ option: "--out", path: at("f2/frontier-01.csv") }, { option: "--frontier", path: at("f2"), folderFiles: files }])).rejects.toThrow(
      /--frontier: .*f2 holds the --out output .*frontier-01\.csv/,
    );
    await expect(prepareOutputs(null, [{ option: "--out", path: at("f2/plan.csv") }, { option: "--frontier", path: at("f2"), folderFiles: files }])).resolves.toBeDefined();
  });

  it("prepareOutputs: a folder output that is a file, holds a directory of a written name, or has no writable parent is refused", async () => {
    await expect(prepareOutputs(null, [{ option: "--frontier", path: at("units.geojson"), folderFiles: files }])).rejects.toThrow(/--frontier: .*units\.geojson is not a folder/);
    mkdirSync(at("f3/frontier.csv"), { recursive: true });
    await expect(prepareOutputs(null, [{ option: "--frontier", path: at("f3"), folderFiles: files }])).rejects.toThrow(/--frontier: .*f3\/frontier\.csv is a directory/);
    await expect(prepareOutputs(null, [{ option: "--frontier", path: at("units.geojson/sub"), folderFiles: files }])).rejects.toThrow(/--frontier: cannot make the folder .*units\.geojson is not a folder/);
    if (existsSync("/sys/kernel")) await expect(prepareOutputs(null, [{ option: "--frontier", path: "/sys/f/g", folderFiles: files }])).rejects.toThrow(/--frontier: cannot write \/sys\/f\/g: the folder \/sys is not writable/);
  });

  it("Outputs: a missing folder is made when its files are written, and removed again when they are abandoned", async () => {
    const outputs = await prepareOutputs(null, [{ option: "--frontier", path: at("new/deeper"), folderFiles: files }]);
    expect(existsSync(at("new"))).toBe(false);
    outputs.writeIn("--frontier", "frontier-01.csv", "a\n");
    expect(() => outputs.writeIn("--frontier", "plan.csv", "b\n")).toThrow(/not prepared for a file named plan\.csv/);
    expect(readdirSync(at("new/deeper")).filter((f) => !f.endsWith(".tmp"))).toEqual([]);
    expect(outputs.abandon()).toEqual({ written: [], untouched: [at("new/deeper")] });
    expect(existsSync(at("new"))).toBe(false);

    const again = await prepareOutputs(null, [{ option: "--frontier", path: at("new/deeper"), folderFiles: files }, { option: "--out", path: at("o9.csv") }]);
    again.writeIn("--frontier", "frontier-01.csv", "a\n");
    again.writeIn("--frontier", "frontier.csv", "table\n");
    again.write("--out", "o\n");
    expect(again.commit()).toEqual([at("new/deeper/frontier-01.csv"), at("new/deeper/frontier.csv"), at("o9.csv")]);
    expect(readdirSync(at("new/deeper")).sort()).toEqual(["frontier-01.csv", "frontier.csv"]);
  });

  it("Outputs: a folder that replaces its set loses the earlier set's extra files on commit (not others, not when nothing is written, not without replaceSet)", async () => {
    mkdirSync(at("f4"));
    for (const n of ["frontier-01.csv", "frontier-02.csv", "frontier-03.csv", "frontier.csv", "notes.csv"]) writeFileSync(at(`f4/${n}`), "old\n");
    const kept = await prepareOutputs(null, [{ option: "--frontier", path: at("f4"), folderFiles: files, replaceSet: true }]);
    kept.writeIn("--frontier", "frontier-01.csv", "new\n");
    kept.abandon();
    expect(readdirSync(at("f4")).sort()).toEqual(["frontier-01.csv", "frontier-02.csv", "frontier-03.csv", "frontier.csv", "notes.csv"]);
    expect(readFileSync(at("f4/frontier-01.csv"), "utf8")).toBe("old\n");

    const plain = await prepareOutputs(null, [{ option: "--frontier", path: at("f4"), folderFiles: files }]);
    plain.writeIn("--frontier", "frontier.csv", "t\n");
    plain.commit();
    expect(readdirSync(at("f4")).sort()).toEqual(["frontier-01.csv", "frontier-02.csv", "frontier-03.csv", "frontier.csv", "notes.csv"]);

    const outputs = await prepareOutputs(null, [{ option: "--frontier", path: at("f4"), folderFiles: files, replaceSet: true }]);
    outputs.writeIn("--frontier", "frontier-01.csv", "new\n");
    outputs.writeIn("--frontier", "frontier.csv", "table\n");
    expect(outputs.commit()).toEqual([at("f4/frontier-01.csv"), at("f4/frontier.csv")]);
    expect(readdirSync(at("f4")).sort()).toEqual(["frontier-01.csv", "frontier.csv", "notes.csv"]);
    expect(readFileSync(at("f4/frontier-01.csv"), "utf8")).toBe("new\n");
  });
});

describe("one way to write", () => {
  // Two writers are not outputs of a command, and are left out: the demo generator (a build tool,
  // npm run make-demo) and cli/stepSummary.ts, which appends to the file GitHub Actions names in
  // GITHUB_STEP_SUMMARY (GitHub's own file, appended to as GitHub documents, never replaced).
  it("outputs: only io/writeFileAtomic.ts writes files, and only app/outputs.ts calls it (the demo generator and the GitHub step summary aside)", async () => {
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
    const writers = files.filter((f) => !f.startsWith("demo/") && f !== "cli/stepSummary.ts" && /\b(writeFile|writeSync|createWriteStream|rename|renameSync|appendFile|copyFile|mkdir)(Sync)?\(|\bopen(Sync)?\([^)]*"[wa]/.test(code(f)));
    expect(writers.sort()).toEqual(["app/outputs.ts", "io/writeFileAtomic.ts"]);
    const stagers = files.filter((f) => /from "[./]*\/?(io\/)?writeFileAtomic\.js"/.test(code(f)));
    expect(stagers).toEqual(["app/outputs.ts"]);
  });
});
