import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { describeShared, sharedFile } from "../helpers/shared.js";

const tmp = mkdtempSync(join(tmpdir(), "stp-diff-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const base = () => [
  "--boundaries", sharedFile("ccg16_boundaries_from_lsoa_bsc.geojson"),
  "--population", sharedFile("ccg16_stp_lookup_population.csv"),
  "--providers", sharedFile("trust_ccg16_catchment_2019.csv"),
  "--links", sharedFile("ccg16_links.csv"),
  "--footprint-column", "STP17CD_primary",
];

interface DiffJson {
  planA: string;
  planB: string;
  a: { metrics: { footprints: number; crossFootprintProviders: number }; findings: Record<string, number> };
  b: { metrics: { footprints: number; crossFootprintProviders: number }; findings: Record<string, number> };
  diff: {
    moved: { unit: string; from: string | null; to: string | null }[];
    created: { footprint: string }[];
    removed: { footprint: string }[];
    changed: { footprint: string; gained: string[]; lost: string[] }[];
    unchanged: number;
  };
}

describeShared("diff on the England 2016 plan", () => {
  // Plan B: the 2016 plan as plain `unit,footprint` rows, with a few units moved to another footprint.
  const lines = () => readFileSync(sharedFile("ccg16_stp_lookup_population.csv"), "utf8").trim().split(/\r?\n/);
  function planB(moves: Record<string, string>): { file: string; original: Map<string, string> } {
    const rows = lines().map((l) => l.match(/("[^"]*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, "").replace(/^"|"$/g, "")));
    const [head, ...body] = rows;
    const u = head.indexOf("CCG16CD"), f = head.indexOf("STP17CD_primary");
    const original = new Map(body.map((r) => [r[u], r[f]]));
    const out = ["unit,footprint", ...body.map((r) => `${r[u]},${moves[r[u]] ?? r[f]}`)];
    const file = join(tmp, `planB-${Object.keys(moves).length}.csv`);
    writeFileSync(file, out.join("\n") + "\n");
    return { file, original };
  }

  it("diff: lists exactly the units whose footprint differs, with from and to", async () => {
    // Bolton to Lancashire, Calderdale to Greater Manchester, Isle of Wight to Sussex.
    const moves = { E38000016: "E54000048", E38000025: "E54000007", E38000087: "E54000064" };
    const { file, original } = planB(moves);
    const r = await runCli(["diff", sharedFile("ccg16_stp_lookup_population.csv"), file, ...base(), "--format", "json"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as DiffJson;
    const expected = Object.entries(moves)
      .map(([unit, to]) => ({ unit, from: original.get(unit)!, to }))
      .sort((a, b) => a.unit.localeCompare(b.unit));
    expect(json.diff.moved.map(({ unit, from, to }) => ({ unit, from, to })).sort((a, b) => a.unit.localeCompare(b.unit))).toEqual(expected);
    // E54000064 is not a 2016 footprint: it is created, holding the Isle of Wight.
    expect(json.diff.created.map((c) => c.footprint)).toEqual(["E54000064"]);
    expect(json.diff.removed).toEqual([]);
    const changed = new Set(json.diff.changed.map((c) => c.footprint));
    expect(changed).toEqual(new Set(["E54000007", "E54000048", original.get("E38000025"), original.get("E38000087")]));
    expect(json.diff.unchanged).toBe(44 - changed.size);
    expect(json.a.metrics.footprints).toBe(44);
    expect(json.b.metrics.footprints).toBe(45);
    expect(json.a.findings["population-max"]).toBe(1);
  });

  it("diff: a plan against itself moves nothing", async () => {
    const { file } = planB({});
    const r = await runCli(["diff", sharedFile("ccg16_stp_lookup_population.csv"), file, ...base(), "--format", "json"]);
    const json = JSON.parse(r.stdout) as DiffJson;
    expect(json.diff.moved).toEqual([]);
    expect(json.diff.changed).toEqual([]);
    expect(json.diff.unchanged).toBe(44);
    expect(json.b.metrics.crossFootprintProviders).toBe(json.a.metrics.crossFootprintProviders);
  });

  it("diff: text and markdown show the metrics side by side and the moved unit", async () => {
    const { file } = planB({ E38000016: "E54000048" });
    for (const format of ["text", "markdown"]) {
      const r = await runCli(["diff", sharedFile("ccg16_stp_lookup_population.csv"), file, ...base(), "--format", format]);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/cross-footprint providers\s*\|?\s*78/);
      expect(r.stdout).toContain("E38000016");
      expect(r.stdout).toMatch(/1 unit moved/);
    }
  });
});

describe("diff usage", () => {
  it("diff: needs two plans", async () => {
    const r = await runCli(["diff", "a.csv"]);
    expect(r.code).toBe(2);
  });

  it("diff: an unknown format is a usage error", async () => {
    const r = await runCli(["diff", "a.csv", "b.csv", "--boundaries", "x.geojson", "--format", "junit"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--format");
  });
});
