import { cpSync, existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { repoRoot } from "../helpers/shared.js";
import { smallAreaFiles } from "../helpers/smallAreas.js";

// The tiny dataset with every kind of input file named by its manifest.
const dir = mkdtempSync(join(tmpdir(), "stp-outputs-cli-"));
const at = (name: string) => join(dir, name);
cpSync(resolve(repoRoot, "fixtures/tiny"), dir, { recursive: true });
writeFileSync(at("areas.csv"), "area,unit,weight\nA1,T1,10\nA1,T2,5\n");
writeFileSync(at("sites.csv"), "provider,lon,lat\nP1,0.1,51.1\n");
writeFileSync(at("lock.csv"), "unit,footprint\nT1,F1\n");
writeFileSync(
  at("stp-footprint.json"),
  JSON.stringify({
    name: "tiny",
    boundaries: "units.geojson",
    population: "population.csv",
    providers: "providers.csv",
    providerSites: "sites.csv",
    links: "links.csv",
    areas: "areas.csv",
    plan: "plan.csv",
  }),
);
const manifest = at("stp-footprint.json");
const inputs = ["stp-footprint.json", "units.geojson", "population.csv", "providers.csv", "sites.csv", "links.csv", "areas.csv", "plan.csv"];
const snapshot = () => inputs.map((f) => readFileSync(at(f), "utf8"));
const before = snapshot();

/** Each command's outputs, as [option, a fresh file name with the extension it needs]. */
const commands: { args: string[]; outputs: [string, string][]; extra?: [string, string][] }[] = [
  { args: ["optimise", "--iterations", "500", "--threads", "1", "--quiet"], outputs: [["--out", "csv"], ["--geojson", "geojson"], ["--map", "svg"]], extra: [["--lock", "lock.csv"]] },
  { args: ["map"], outputs: [["--out", "svg"]] },
  { args: ["validate"], outputs: [["--fix", "geojson"]] },
];

describe("no command writes over its inputs", () => {
  for (const c of commands) {
    for (const [option, ext] of c.outputs) {
      it(`${c.args[0]} ${option}: every input file of the dataset, the manifest included, is refused as the output`, async () => {
        const extra = (c.extra ?? []).flatMap(([o, f]) => [o, at(f)]);
        for (const input of [...inputs, ...(c.extra ?? []).map(([, f]) => f)]) {
          // A map must end in .svg: it is given a link with that name to the input.
          let out = input;
          if (ext === "svg") {
            out = `${input}.link.svg`;
            if (!existsSync(at(out))) symlinkSync(input, at(out));
          }
          const r = await runCli([...c.args, "--dataset", manifest, ...extra, option, at(out)]);
          expect(r.code, `${option} ${input}`).toBe(2);
          expect(r.stderr).toMatch(new RegExp(`^stp-footprint: \\[${c.args[0]}\\] ${option}: .*${out.replace(/\./g, "\\.")} is an input file \\(.*\\); write the output somewhere else\\n$`));
        }
        expect(snapshot()).toEqual(before);
      });
    }
  }

  it("optimise: a hard link or a symbolic link to an input is the input", async () => {
    symlinkSync(at("areas.csv"), at("areas-link.csv"));
    const { linkSync } = await import("node:fs");
    linkSync(at("providers.csv"), at("providers-hard.csv"));
    for (const out of ["areas-link.csv", "providers-hard.csv"]) {
      const r = await runCli(["optimise", "--dataset", manifest, "--iterations", "500", "--quiet", "--out", at(out)]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/--out: .* is an input file/);
    }
    expect(snapshot()).toEqual(before);
  });

  it("optimise: --out P --geojson P and --out P --map P are refused", async () => {
    for (const other of ["--geojson", "--map"]) {
      const r = await runCli(["optimise", "--dataset", manifest, "--iterations", "500", "--quiet", "--out", at("p.svg"), other, at("p.svg")]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`${other}: .*p\\.svg is also the --out output`));
    }
    expect(existsSync(at("p.svg"))).toBe(false);
  });

  it("optimise: the --groups and --exceptions files are inputs too", async () => {
    writeFileSync(at("groups.csv"), "group,unit\nG,T1\nG,T2\n");
    writeFileSync(at("exceptions.csv"), "footprint,min,max\nF1,1,3000000\n");
    for (const [option, file] of [["--groups", "groups.csv"], ["--exceptions", "exceptions.csv"]]) {
      const before = readFileSync(at(file), "utf8");
      const r = await runCli(["optimise", "--dataset", manifest, "--iterations", "500", "--quiet", option, at(file), "--geojson", at(file)]);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`--geojson: .*${file.replace(".", "\\.")} is an input file \\(the ${option.slice(2)}\\)`));
      expect(readFileSync(at(file), "utf8")).toBe(before);
    }
  });

  it("optimise --frontier DIR: a start plan or another output among the files it writes there is refused before the search", async () => {
    const dirF = at("frontier-out");
    const { mkdirSync } = await import("node:fs");
    mkdirSync(dirF);
    writeFileSync(join(dirF, "frontier-01.csv"), readFileSync(at("plan.csv")));
    const start = await runCli(["optimise", "--dataset", manifest, "--iterations", "100000000", "--quiet", "--start", join(dirF, "frontier-01.csv"), "--frontier", dirF]);
    expect(start.code).toBe(2);
    expect(start.stderr).toMatch(/--frontier: .*frontier-out\/frontier-01\.csv is an input file \(--start\); write the output somewhere else\n$/);
    const out = await runCli(["optimise", "--dataset", manifest, "--iterations", "100000000", "--quiet", "--out", join(dirF, "frontier.csv"), "--frontier", dirF]);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/--out: .*frontier-out\/frontier\.csv is in the --frontier folder, which may write a file of that name/);
    expect(readdirSync(dirF)).toEqual(["frontier-01.csv"]);
    // A folder not there yet is made only when its files are written.
    const fresh = await runCli(["optimise", "--dataset", manifest, "--iterations", "500", "--threads", "1", "--quiet", "--frontier", at("made/here")]);
    expect(fresh.code, fresh.stderr).toBe(0);
    expect(readdirSync(at("made/here"))).toContain("frontier.csv");
  });

  it("prepare --out DIR: an input among the dataset files it writes there is refused before any work", async () => {
    const f = smallAreaFiles(2, 4);
    const { copyFileSync } = await import("node:fs");
    copyFileSync(f.lookup, join(f.dir, "population.csv"));
    const before = readFileSync(join(f.dir, "population.csv"), "utf8");
    const r = await runCli(["prepare", "--lookup", join(f.dir, "population.csv"), "--unit", "CCG16CD", "--small-area-boundaries", f.smallAreaBoundaries, "--out", f.dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^stp-footprint: \[prepare\] --out: .*population\.csv is an input file \(--lookup\); write the output somewhere else\n$/);
    expect(readFileSync(join(f.dir, "population.csv"), "utf8")).toBe(before);
    expect(existsSync(join(f.dir, "stp-footprint.json"))).toBe(false);
    const missing = await runCli(["prepare", "--lookup", f.lookup, "--unit", "CCG16CD", "--small-area-boundaries", f.smallAreaBoundaries, "--out", join(f.lookup, "dataset")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--out: cannot make the folder .*lookup\.csv is not a folder\n$/);
  });

  it("diff --out: a plan compared, or a file of the dataset, is refused as a report file, before anything is read", async () => {
    writeFileSync(at("b-plan.csv"), readFileSync(at("plan.csv")));
    // plan.csv is the dataset's plan too, which is named first.
    for (const [out, what] of [["b-plan.csv", "plan B"], ["plan.csv", "the plan"], ["population.csv", "the population"]]) {
      // A report must end in .html, .md, .svg, .png or .json: a link with that name to the input.
      const link = `${out}.link.md`;
      if (!existsSync(at(link))) symlinkSync(out, at(link));
      const r = await runCli(["diff", at("plan.csv"), at("b-plan.csv"), "--dataset", manifest, "--out", at("report.html"), "--out", at(link)]);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`^stp-footprint: \\[diff\\] --out: .*${link.replace(/\./g, "\\.")} is an input file \\(${what}\\)`));
    }
    expect(existsSync(at("report.html"))).toBe(false);
    expect(snapshot()).toEqual(before);
  });

  it("map --out and optimise --map, given several times: two names of one file are refused; each file is written", async () => {
    symlinkSync("twice.svg", at("twice-link.svg")); // a link to a file not there yet
    const r = await runCli(["map", "--dataset", manifest, "--out", at("twice.svg"), "--out", at("twice-link.svg")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--out: .*twice-link\.svg is also the --out output/);
    const o = await runCli(["optimise", "--dataset", manifest, "--iterations", "500", "--quiet", "--map", at("m1.svg"), "--map", at("plan.csv.link.svg")]);
    expect(o.code).toBe(2);
    expect(o.stderr).toMatch(/--map: .*plan\.csv\.link\.svg is an input file/);
    expect(existsSync(at("m1.svg"))).toBe(false);
    const both = await runCli(["map", "--dataset", manifest, "--out", at("both.svg"), "--out", at("both.geojson")]);
    expect(both.code, both.stderr).toBe(0);
    expect(readFileSync(at("both.svg"), "utf8")).toMatch(/^<svg /);
    expect(JSON.parse(readFileSync(at("both.geojson"), "utf8")).type).toBe("FeatureCollection");
    expect(snapshot()).toEqual(before);
  });

  it("outputs are checked before any work: a missing folder is reported before a bad input file is read", async () => {
    writeFileSync(at("bad-pop.csv"), "unit,population\nT1,-5\n");
    for (const args of [
      ["optimise", "--iterations", "100000000", "--out", at("nowhere/plan.csv")],
      ["map", "--out", at("nowhere/map.png")],
      ["validate", "--fix", at("nowhere/fixed.geojson")],
      ["diff", at("plan.csv"), at("plan.csv"), "--out", at("nowhere/report.html")],
    ]) {
      const r = await runCli([...args, "--dataset", manifest, "--population", at("bad-pop.csv")]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/: cannot write .*: the folder .*nowhere does not exist\n$/);
    }
  });

  it("map: a symbolic link as --out is written through to its target, and stays a link", async () => {
    writeFileSync(at("real.svg"), "old");
    symlinkSync("real.svg", at("latest.svg"));
    const r = await runCli(["map", "--dataset", manifest, "--out", at("latest.svg")]);
    expect(r.code).toBe(0);
    expect(lstatSync(at("latest.svg")).isSymbolicLink()).toBe(true);
    expect(readFileSync(at("real.svg"), "utf8")).toMatch(/^<svg /);
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});
