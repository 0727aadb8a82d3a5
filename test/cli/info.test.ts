import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { gridCollection } from "../helpers/geometry.js";
import { describeShared, sharedFile } from "../helpers/shared.js";

const dir = mkdtempSync(join(tmpdir(), "stp-info-"));
const grid = join(dir, "grid.geojson");
// 2 x 3 grid of 1 km squares in projected metres, population 100 per unit, plus an island.
const fc = gridCollection(2, 3, 1000, 0, () => ({ population: 100 }));
fc.features.push({ type: "Feature", properties: { code: "island", population: 50 }, geometry: { type: "Polygon", coordinates: [[[9000, 0], [9500, 0], [9500, 500], [9000, 500], [9000, 0]]] } });
writeFileSync(grid, JSON.stringify(fc));

describe("info", () => {
  it("info: reports units, population, pairs and the isolated island as JSON", async () => {
    const r = await runCli(["info", grid, "--format", "json"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s.units).toBe(7);
    expect(s.population.total).toBe(650);
    expect(s.adjacency.pairs).toBe(7);
    expect(s.adjacency.isolated).toEqual([{ id: "island", name: "" }]);
    expect(s.adjacency.components).toBe(2);
  });

  it("info: a links file joins the island; text output hints at links only when needed", async () => {
    const links = join(dir, "links.csv");
    writeFileSync(links, "unit_a,unit_b,kind\nisland,r0c2,ferry\n");
    const joined = await runCli(["info", grid, "--links", links]);
    expect(joined.code).toBe(0);
    expect(joined.stdout).toMatch(/adjacency\s+8 rook pairs \(1 from links\), 1 connected piece/);
    expect(joined.stdout).toMatch(/isolated\s+none/);
    const alone = await runCli(["info", grid]);
    expect(alone.stdout).toMatch(/isolated\s+1 unit with no neighbour: island/);
    expect(alone.stdout).toContain("hint:");
  });

  it("info: bad input exits 2 with one line naming the file and where", async () => {
    const broken = join(dir, "broken.geojson");
    writeFileSync(broken, '{"type": "FeatureCollection",\n "features": [');
    const cases: [string[], RegExp][] = [
      [["info", join(dir, "missing.geojson")], /missing\.geojson: no such file/],
      [["info", broken], /broken\.geojson: line 2: not valid JSON/],
      [["info", grid, "--id-field", "nope"], /grid\.geojson: has no field "nope" \(--id-field\)/],
      [["info", grid, "--population", writeTemp("pop.csv", "code,population\nr0c0,12x\n")], /pop\.csv: line 2: "population": "12x" is not a number/],
      [["info", grid, "--population", writeTemp("nocol.csv", "a,b\n1,2\n")], /nocol\.csv: line 1: has no unit column/],
      [["info", grid, "--threshold", "1.5"], /--threshold: must be at most 1/],
      [["info", grid, "--bogus"], /unknown option '--bogus'/],
    ];
    for (const [args, message] of cases) {
      const r = await runCli(args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(r.stdout).toBe("");
    }
  });
});

function writeTemp(name: string, content: string): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

describeShared("info on England data", () => {
  const ccg16 = sharedFile("ccg16_boundaries_from_lsoa_bsc.geojson");
  it("info: CCG16 has 209 units, 522 to 532 rook pairs and one isolated unit, the Isle of Wight", async () => {
    const r = await runCli(["info", ccg16, "--format", "json"]);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s.units).toBe(209);
    expect(s.adjacency.pairs).toBeGreaterThanOrEqual(522);
    expect(s.adjacency.pairs).toBeLessThanOrEqual(532);
    expect(s.adjacency.isolated.map((u: { id: string }) => u.id)).toEqual(["E38000087"]);
    expect(s.population.total).toBe(56_286_961);
  });

  it("info: with the ferry links no CCG16 unit is isolated", async () => {
    const r = await runCli(["info", ccg16, "--links", sharedFile("ccg16_links.csv"), "--format", "json"]);
    const s = JSON.parse(r.stdout);
    expect(s.adjacency.isolated).toEqual([]);
    expect(s.adjacency.components).toBe(1);
    expect(s.adjacency.linkedPairs).toBe(2);
  });

  it("info: the LSOA file (32,844 units) detects LSOA11CD and reports its adjacency", async () => {
    const r = await runCli(["info", sharedFile("lsoa11_boundaries_bsc_england.geojson"), "--format", "json"]);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s.units).toBe(32_844);
    // Every LSOA but islands has neighbours; about 2.8 rook pairs per unit in a planar tiling.
    expect(s.adjacency.pairs).toBeGreaterThan(85_000);
    expect(s.adjacency.pairs).toBeLessThan(100_000);
    expect(s.adjacency.isolated.length).toBeLessThan(10);
  }, 60_000);
});
