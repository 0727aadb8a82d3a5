import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { smallAreaFiles } from "../helpers/smallAreas.js";

function csvRows(file: string): string[][] {
  return readFileSync(file, "utf8").trim().split("\n").map((l) => l.split(","));
}

describe("prepare", () => {
  const f = smallAreaFiles(4, 6);
  const out = join(f.dir, "dataset");
  const base = ["prepare", "--lookup", f.lookup, "--unit", "CCG16CD", "--small-area-boundaries", f.smallAreaBoundaries];

  it("prepare: sums populations and catchments exactly, writes a dataset that info, check, validate and optimise read", async () => {
    const r = await runCli([...base, "--footprint", "STP17CD", "--split-area", "LAD16CD", "--catchment", f.catchment, "--out", out, "--format", "json"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result.ok).toBe(true);
    expect(result.counts).toMatchObject({ smallAreas: 24, units: 6, footprints: 2, providers: 2 });
    // U00 holds small areas 0, 1, 6, 7: 1000 + 1010 + 1060 + 1070.
    const pop = new Map(csvRows(join(out, "population.csv")).slice(1).map((c) => [c[0], Number(c[2])]));
    expect(pop.get("U00")).toBe(4140);
    expect([...pop.values()].reduce((a, b) => a + b, 0)).toBe(Array.from({ length: 24 }, (_, i) => 1000 + 10 * i).reduce((a, b) => a + b, 0));
    // P1 has 0.6 of every person in U00.
    const prov = csvRows(join(out, "providers.csv"));
    expect(prov[0]).toEqual(["trust_code", "CCG16CD", "catchment_pop", "share_of_provider", "share_of_unit"]);
    const p1u00 = prov.find((c) => c[0] === "P1" && c[1] === "U00")!;
    expect(Number(p1u00[2])).toBeCloseTo(0.6 * 4140, 6);
    expect(Number(p1u00[4])).toBeCloseTo(0.6, 6);
    // Units in the west half are in F1; the districts cut U01 (columns 2 and 3) in two.
    const plan = csvRows(join(out, "plan.csv"));
    expect(plan[0]).toEqual(["CCG16CD", "STP17CD", "STP17NM"]);
    expect(plan.filter((c) => c[1] === "F1").map((c) => c[0]).sort()).toEqual(["U00", "U10"]);
    const areas = csvRows(join(out, "areas.csv"));
    expect(areas.filter((c) => c[1] === "U01").map((c) => c[0]).sort()).toEqual(["D1", "D2"]);

    const manifest = join(out, "stp-footprint.json");
    const info = await runCli(["info", "--dataset", manifest, "--format", "json"]);
    expect(info.code).toBe(0);
    const s = JSON.parse(info.stdout);
    expect(s.units).toBe(6);
    expect(s.adjacency.components).toBe(1);
    const validate = await runCli(["validate", "--dataset", manifest, "--format", "json"]);
    expect(JSON.parse(validate.stdout).findings.filter((x: { severity: string }) => x.severity === "error")).toEqual([]);
    expect(validate.code).toBe(0);
    const check = await runCli(["check", "--dataset", manifest, "--min", "0", "--format", "json"]);
    expect(check.code).toBe(0);
    expect(JSON.parse(check.stdout).metrics).toMatchObject({ units: 6, footprints: 2, splitAreas: 1 });
    const opt = await runCli(["optimise", "--dataset", manifest, "--min", "0", "--iterations", "2000", "--threads", "1", "--format", "json", "-q"]);
    expect(opt.stderr).toBe("");
    expect(opt.code).toBe(0);
  });

  it("prepare: groups by any column: districts become the units", async () => {
    const r = await runCli(["prepare", "--lookup", f.lookup, "--unit", "LAD16CD", "--small-area-boundaries", f.smallAreaBoundaries, "--out", join(f.dir, "districts"), "--format", "json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).counts.units).toBe(2);
    const fc = JSON.parse(readFileSync(join(f.dir, "districts", "boundaries.geojson"), "utf8"));
    expect(fc.features.map((x: { properties: { LAD16CD: string } }) => x.properties.LAD16CD)).toEqual(["D1", "D2"]);
  });

  it("prepare: a lookup listing a small area twice in two units is an error finding, and nothing is written", async () => {
    const bad = join(f.dir, "dup.csv");
    const text = readFileSync(f.lookup, "utf8");
    writeFileSync(bad, text + "S3,Area 3,M1,U10,Unit U10,F1,Footprint F1,D1,1030\n");
    const dest = join(f.dir, "dup-out");
    const r = await runCli(["prepare", "--lookup", bad, "--unit", "CCG16CD", "--small-area-boundaries", f.smallAreaBoundaries, "--out", dest]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/lookup-duplicate/);
    expect(r.stdout).toContain("1 small area is listed twice in the lookup, differently: S3 (first at line 5) (line 26)");
    expect(r.stdout).toContain("NOT WRITTEN");
    expect(existsSync(dest)).toBe(false);
  });

  it("prepare: small areas without a population (missing row or empty cell) are an error naming them", async () => {
    const pop = join(f.dir, "pop.csv");
    writeFileSync(pop, "LSOA11CD,population\n" + Array.from({ length: 22 }, (_, i) => `S${i},100`).join("\n") + "\nW01000001,500\n");
    const dest = join(f.dir, "pop-out");
    const r = await runCli([...base, "--population", pop, "--out", dest, "--format", "json"]);
    expect(r.code).toBe(1);
    const findings = JSON.parse(r.stdout).findings;
    const missing = findings.find((x: { rule: string }) => x.rule === "population-missing");
    expect(missing.severity).toBe("error");
    expect(missing.message).toMatch(/^2 small areas of the lookup have no population: S22 \(line 24\), S23 \(line 25\)/);
    const unknown = findings.find((x: { rule: string }) => x.rule === "population-unknown-area");
    expect(unknown.message).toContain("1 population row names no small area of the lookup (500 people left out): W01000001 (line 24)");
    expect(existsSync(dest)).toBe(false);

    const empty = join(f.dir, "empty-pop.csv");
    writeFileSync(empty, readFileSync(f.lookup, "utf8").replace(/,1050\n/, ",\n"));
    const r2 = await runCli(["prepare", "--lookup", empty, "--unit", "CCG16CD", "--small-area-boundaries", f.smallAreaBoundaries, "--out", dest, "--format", "json"]);
    expect(r2.code).toBe(1);
    expect(JSON.parse(r2.stdout).findings.map((x: { rule: string; message: string }) => `${x.rule}: ${x.message}`)).toContain("population-missing: 1 small area of the lookup has no population: S5 (line 7)");
  });

  it("prepare: catchment proportions summing above 1 are an error naming the area and line", async () => {
    const cat = join(f.dir, "over.csv");
    writeFileSync(cat, readFileSync(f.catchment, "utf8") + "M3,P3,0.2\nZ9,P1,0.5\n");
    const dest = join(f.dir, "over-out");
    const r = await runCli([...base, "--catchment", cat, "--out", dest, "--format", "json"]);
    expect(r.code).toBe(1);
    const findings = JSON.parse(r.stdout).findings;
    const over = findings.find((x: { rule: string }) => x.rule === "catchment-over-one");
    expect(over).toMatchObject({ severity: "error", line: 8 });
    expect(over.message).toContain("1 catchment area has proportions summing above 1: M3 sums to 1.1000 (line 8)");
    expect(findings.find((x: { rule: string }) => x.rule === "catchment-unknown-area").message).toContain("Z9 (line 27)");
    expect(existsSync(dest)).toBe(false);
  });

  it("prepare: catchment areas that match no lookup area at all are an error, not a dataset without providers", async () => {
    const r = await runCli([...base, "--catchment", f.catchment, "--catchment-level", "LSOA11CD", "--out", join(f.dir, "nomatch"), "--format", "json"]);
    expect(r.code).toBe(1);
    const findings = JSON.parse(r.stdout).findings;
    expect(findings[0]).toMatchObject({ rule: "catchment-no-match", severity: "error" });
    expect(findings[0].message).toContain("no row of the catchment file names an area of the lookup's LSOA11CD column (12 areas named, e.g. M0, M1, M2)");
  });

  it("prepare: a grouping column that is not there is one line naming the file and the columns (exit 2)", async () => {
    const r = await runCli(["prepare", "--lookup", f.lookup, "--unit", "ICB22CD", "--small-area-boundaries", f.smallAreaBoundaries, "--out", join(f.dir, "x")]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain(`[prepare] ${f.lookup}: line 1: has no column "ICB22CD" (--unit); columns are "LSOA11CD"`);
  });

  it("prepare: small areas without a polygon are an error; an island is reported, and linked with --link-islands", async () => {
    const fc = JSON.parse(readFileSync(f.smallAreaBoundaries, "utf8"));
    const holed = join(f.dir, "holed.geojson");
    writeFileSync(holed, JSON.stringify({ ...fc, features: fc.features.filter((x: { properties: { LSOA11CD: string } }) => x.properties.LSOA11CD !== "S9") }));
    const r = await runCli(["prepare", "--lookup", f.lookup, "--unit", "CCG16CD", "--small-area-boundaries", holed, "--out", join(f.dir, "h"), "--format", "json"]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).findings[0]).toMatchObject({ rule: "small-area-boundary-missing", severity: "error" });

    // Move unit U12 (small areas 16, 17, 22, 23 of a 4 x 6 grid) 0.1 degrees east: an island, whose
    // nearest unit is U02 (0.08 degrees west, corner to corner), not U11 (0.1 degrees west).
    const moved = fc.features.map((x: { properties: { LSOA11CD: string }; geometry: { coordinates: number[][][] } }) =>
      ["S16", "S17", "S22", "S23"].includes(x.properties.LSOA11CD) ? { ...x, geometry: { type: "Polygon", coordinates: [x.geometry.coordinates[0].map(([a, b]) => [a + 0.1, b])] } } : x,
    );
    const island = join(f.dir, "island.geojson");
    writeFileSync(island, JSON.stringify({ ...fc, features: moved }));
    const alone = await runCli(["prepare", "--lookup", f.lookup, "--unit", "CCG16CD", "--small-area-boundaries", island, "--out", join(f.dir, "i1"), "--format", "json"]);
    expect(alone.code).toBe(0);
    expect(JSON.parse(alone.stdout).findings.map((x: { rule: string }) => x.rule)).toEqual(["isolated-units"]);
    const linked = await runCli(["prepare", "--lookup", f.lookup, "--unit", "CCG16CD", "--small-area-boundaries", island, "--link-islands", "--out", join(f.dir, "i2"), "--format", "json"]);
    expect(linked.code).toBe(0);
    expect(csvRows(join(f.dir, "i2", "links.csv"))[1].slice(0, 3)).toEqual(["U12", "U02", "nearest"]);
    const info = await runCli(["info", "--dataset", join(f.dir, "i2", "stp-footprint.json"), "--format", "json"]);
    expect(JSON.parse(info.stdout).adjacency.components).toBe(1);
  });

  it("prepare: writes nothing over an input, and lists what it wrote", async () => {
    const r = await runCli([...base, "--out", f.dir]);
    expect(r.code).toBe(0);
    expect(readdirSync(f.dir)).toContain("stp-footprint.json");
    expect(r.stdout).toMatch(/WRITTEN 0 errors, 0 warnings; 4 files in .*: boundaries.geojson, population.csv, prepare.json, stp-footprint.json/);
  });
});

describe("prepare with ONS-style population estimates", () => {
  it("prepare: a population file with 'LSOA Code' and 'All Ages' columns is read without naming them", async () => {
    const f = smallAreaFiles(2, 4);
    const pop = join(f.dir, "sape.csv");
    writeFileSync(pop, "LSOA Code,LSOA Name,All Ages,0,1\n" + Array.from({ length: 8 }, (_, i) => `S${i},Area ${i},${100 + i},1,1`).join("\n") + "\n");
    const r = await runCli(["prepare", "--lookup", f.lookup, "--unit", "CCG16CD", "--population", pop, "--small-area-boundaries", f.smallAreaBoundaries, "--out", join(f.dir, "o"), "--format", "json"]);
    expect(r.stderr).toBe("");
    const result = JSON.parse(r.stdout);
    expect(result.columns.population).toBe("All Ages");
    expect(result.counts.population).toBe(8 * 100 + 28);
  });
});
