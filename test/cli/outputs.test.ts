import { cpSync, existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { repoRoot } from "../helpers/shared.js";

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

  it("outputs are checked before any work: a missing folder is reported before a bad input file is read", async () => {
    writeFileSync(at("bad-pop.csv"), "unit,population\nT1,-5\n");
    for (const args of [
      ["optimise", "--iterations", "100000000", "--out", at("nowhere/plan.csv")],
      ["map", "--out", at("nowhere/map.png")],
      ["validate", "--fix", at("nowhere/fixed.geojson")],
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
