import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { long } from "../helpers/budget.js";
import { runCli } from "../helpers/cli.js";
import { describeShared, repoRoot, sharedFile } from "../helpers/shared.js";

const dir = mkdtempSync(join(tmpdir(), "stp-opt-"));
const out = (name: string) => join(dir, name);

interface Summary {
  start: { crossFootprintProviders: number; errors: number } | null;
  result: { crossFootprintProviders: number; providerFootprintPairs: number; footprints: number; population: { min: number; max: number }; errors: number };
  unitsMoved: number;
  moves: { unit: string; from: string; to: string }[];
  search: { feasible: boolean; stopped: boolean };
  frontier: { maxMoves: number | null; crossFootprintProviders: number | null; unitsMoved: number | null }[] | null;
}

async function optimiseJson(args: string[]): Promise<{ code: number; summary: Summary; stderr: string }> {
  const r = await runCli(["optimise", "--quiet", "--format", "json", ...args]);
  return { code: r.code, summary: r.stdout ? JSON.parse(r.stdout) : null, stderr: r.stderr };
}

function planRows(file: string): Map<string, string> {
  const [, ...rows] = readFileSync(file, "utf8").trim().split("\n");
  return new Map(rows.map((l) => l.split(",") as [string, string]));
}

describe("optimise on the synthetic demo", () => {
  it("optimise: a footprint count no plan can have is refused before any search (exit 2)", async () => {
    // The demo's 50 million people need at least 18 footprints of at most 2.8 million.
    const r = await runCli(["optimise", "--quiet", "--footprints", "1", "--iterations", "2000", "--threads", "1", "--out", out("one.csv")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--footprints: 1 footprints hold at most 2,800,000 people, fewer than the .* \(at least 18 are needed\)/);
    expect(existsSync(out("one.csv"))).toBe(false);
    const many = await runCli(["optimise", "--quiet", "--footprints", "5000", "--iterations", "2000"]);
    expect(many.code).toBe(2);
    expect(many.stderr).toMatch(/--footprints: 5000 footprints asked for, but there are only \d+ units/);
  });

  it("optimise: exits 1 when no plan meets the search's limits, even if check finds no rule error", async () => {
    // No split area at all is out of reach in 2,000 proposals from the demo's start.
    const r = await runCli(["optimise", "--quiet", "--max-split-areas", "0", "--iterations", "2000", "--threads", "1", "--out", out("cap.csv")]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/the result breaks the search's limits: \d+ split areas, more than the cap of 0/);
    expect(r.stdout).toMatch(/FAIL the result has 0 rule errors .* but breaks the search's limits above/);
  });

  it("optimise: the result passes check, and its figures are check's figures", async () => {
    const { code, summary } = await optimiseJson(["--iterations", "300000", "--seed", "5", "--threads", "1", "--out", out("a.csv")]);
    expect(code).toBe(0);
    expect(summary.search.feasible).toBe(true);
    expect(summary.start!.errors).toBeGreaterThan(0);
    expect(summary.result.errors).toBe(0);
    expect(summary.result.crossFootprintProviders).toBeLessThan(summary.start!.crossFootprintProviders);
    const check = await runCli(["check", out("a.csv"), "--format", "json"]);
    expect(check.code).toBe(0);
    const m = JSON.parse(check.stdout).metrics;
    expect(m.crossFootprintProviders).toBe(summary.result.crossFootprintProviders);
    expect(m.providerFootprintPairs).toBe(summary.result.providerFootprintPairs);
    expect(m.footprints).toBe(summary.result.footprints);
    expect(m.population.min).toBe(summary.result.population.min);
    expect(m.population.max).toBe(summary.result.population.max);
  }, 120_000);

  it("optimise: with --iterations and --seed the plan file is byte-identical on every run and for any --threads", async () => {
    const args = ["--iterations", "100000", "--seed", "11", "--replicas", "2"];
    await optimiseJson([...args, "--threads", "1", "--out", out("r1.csv")]);
    await optimiseJson([...args, "--threads", "1", "--out", out("r2.csv")]);
    await optimiseJson([...args, "--threads", "2", "--out", out("r3.csv")]);
    const first = readFileSync(out("r1.csv"));
    expect(readFileSync(out("r2.csv")).equals(first)).toBe(true);
    expect(readFileSync(out("r3.csv")).equals(first)).toBe(true);
    await optimiseJson(["--iterations", "100000", "--seed", "12", "--replicas", "2", "--threads", "2", "--out", out("r4.csv")]);
    expect(readFileSync(out("r4.csv")).equals(first)).toBe(false);
  }, 120_000);

  it("optimise: --max-moves bounds the units moved, and the moves listed are the plan's differences", async () => {
    const { summary } = await optimiseJson(["--iterations", "200000", "--seed", "2", "--threads", "1", "--max-moves", "6", "--out", out("m.csv")]);
    expect(summary.unitsMoved).toBeLessThanOrEqual(6);
    const start = planRows(resolve(repoRoot, "data/demo/plan.csv"));
    const result = planRows(out("m.csv"));
    const differ = [...result].filter(([u, f]) => start.get(u) !== f).map(([u]) => u).sort();
    expect(summary.moves.map((m) => m.unit).sort()).toEqual(differ);
  }, 120_000);

  it("optimise: --geojson writes one dissolved polygon per footprint, with the plan's figures", async () => {
    const { summary } = await optimiseJson(["--iterations", "100000", "--seed", "6", "--threads", "1", "--out", out("g.csv"), "--geojson", out("g.geojson")]);
    const fc = JSON.parse(readFileSync(out("g.geojson"), "utf8"));
    expect(fc.features).toHaveLength(summary.result.footprints);
    const plan = planRows(out("g.csv"));
    for (const f of fc.features) {
      expect(f.geometry.type).toBe("MultiPolygon");
      expect(f.properties.units).toBe([...plan.values()].filter((x) => x === f.properties.footprint).length);
    }
    expect(Math.min(...fc.features.map((f: { properties: { population: number } }) => f.properties.population))).toBe(summary.result.population.min);
  }, 120_000);

  it("optimise: locked units stay in their footprint", async () => {
    const start = planRows(resolve(repoRoot, "data/demo/plan.csv"));
    const locked = [...start].slice(0, 30);
    writeFileSync(out("lock.csv"), "unit,footprint\n" + locked.map(([u, f]) => `${u},${f}`).join("\n") + "\n");
    const { summary } = await optimiseJson(["--iterations", "200000", "--seed", "4", "--threads", "1", "--lock", out("lock.csv"), "--out", out("l.csv")]);
    expect(summary.result.errors).toBe(0);
    const result = planRows(out("l.csv"));
    for (const [u, f] of locked) expect(result.get(u), u).toBe(f);
  }, 120_000);

  it("optimise: --frontier writes non-dominated plans whose figures are check's figures", async () => {
    const dirF = out("frontier");
    const { code, summary } = await optimiseJson(["--iterations", long ? "240000" : "60000", "--seed", "3", "--threads", "2", "--frontier", dirF]);
    expect(code).toBe(0);
    const rows = (summary as unknown as { frontier: { file: string; crossFootprintProviders: number; splitAreas: number; unitsMoved: number; footprints: number }[] }).frontier;
    expect(rows.length).toBeGreaterThan(1);
    const table = readFileSync(join(dirF, "frontier.csv"), "utf8").trim().split("\n");
    expect(table).toHaveLength(rows.length + 1);
    const start = planRows(resolve(repoRoot, "data/demo/plan.csv"));
    // Every row in npm run test:long; the first, last and a few between in npm test.
    for (const row of long ? rows : [...new Set([rows[0], rows[rows.length >> 1], rows[rows.length - 1], ...rows.slice(1, 3)])]) {
      const check = await runCli(["check", join(dirF, row.file), "--format", "json"]);
      expect(check.code, row.file).toBe(0);
      const m = JSON.parse(check.stdout).metrics;
      expect([m.crossFootprintProviders, m.splitAreas, m.footprints], row.file).toEqual([row.crossFootprintProviders, row.splitAreas, row.footprints]);
      const plan = planRows(join(dirF, row.file));
      expect([...plan].filter(([u, f]) => start.get(u) !== f).length, row.file).toBe(row.unitsMoved);
    }
    // No row is beaten by another on every figure.
    for (const a of rows)
      for (const b of rows) {
        if (a === b) continue;
        const le = b.crossFootprintProviders <= a.crossFootprintProviders && b.splitAreas <= a.splitAreas && b.unitsMoved <= a.unitsMoved;
        const lt = b.crossFootprintProviders < a.crossFootprintProviders || b.splitAreas < a.splitAreas || b.unitsMoved < a.unitsMoved;
        expect(le && lt, `${b.file} dominates ${a.file}`).toBe(false);
      }
  }, 300_000);

  it("optimise: an output path that is an input is refused before any work", async () => {
    const r = await runCli(["optimise", "--out", resolve(repoRoot, "data/demo/plan.csv")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--out: .*plan\.csv is an input file/);
  });

  it("optimise: Ctrl-C (SIGINT) stops the search and still writes a complete, valid plan", async () => {
    const plan = out("sigint.csv");
    const child = spawn(process.execPath, [resolve(repoRoot, "bin/stp-footprint.js"), "optimise", "--time", "120s", "--threads", "1", "--out", plan, "--format", "json"], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    child.stdout.on("data", (d) => (stdout += d));
    await new Promise((r) => setTimeout(r, 2500));
    child.kill("SIGINT");
    const code = await new Promise<number | null>((r) => child.on("exit", r));
    expect(code).toBe(0);
    expect(existsSync(plan)).toBe(true);
    expect(JSON.parse(stdout).search.stopped).toBe(true);
    const check = await runCli(["check", plan, "--format", "json"]);
    expect(check.code).toBe(0);
    expect(JSON.parse(check.stdout).metrics.units).toBe(200);
  }, 60_000);
});

describeShared("optimise on the England 2016 instance", () => {
  const dataset = () => [
    "--boundaries", sharedFile("ccg16_boundaries_from_lsoa_bsc.geojson"),
    "--population", sharedFile("ccg16_stp_lookup_population.csv"),
    "--providers", sharedFile("trust_ccg16_catchment_2019.csv"),
    "--links", sharedFile("ccg16_links.csv"),
    "--start", sharedFile("ccg16_stp_lookup_population.csv"), "--footprint-column", "STP17CD_primary",
    "--min", "300000", "--max", "2800000", "--threshold", "0.05",
  ];
  it("optimise: from the 2016 plan (78 cross-footprint providers, Greater Manchester over) to a valid plan with fewer", async () => {
    const { code, summary } = await optimiseJson([...dataset(), "--iterations", long ? "2000000" : "500000", "--seed", "1", "--threads", "1", "--out", out("england.csv")]);
    expect(summary.start!.crossFootprintProviders).toBe(78);
    expect(summary.start!.errors).toBe(1);
    expect(code).toBe(0);
    expect(summary.result.errors).toBe(0);
    expect(summary.result.footprints).toBe(44);
    expect(summary.result.crossFootprintProviders).toBeLessThan(78);
    const check = await runCli(["check", out("england.csv"), ...dataset().slice(0, 8), "--links", sharedFile("ccg16_links.csv"), "--format", "json"]);
    expect(check.code).toBe(0);
    expect(JSON.parse(check.stdout).metrics.crossFootprintProviders).toBe(summary.result.crossFootprintProviders);
  }, 300_000);

  it("optimise: --max-moves 10 gives a valid plan within 10 units of the start, with its count reported", async () => {
    const { code, summary } = await optimiseJson([...dataset(), "--max-moves", "10", "--iterations", long ? "1000000" : "300000", "--seed", "2", "--threads", "1"]);
    expect(code).toBe(0);
    expect(summary.unitsMoved).toBeLessThanOrEqual(10);
    expect(summary.result.errors).toBe(0);
    expect(summary.result.crossFootprintProviders).toBeLessThanOrEqual(78);
  }, 300_000);
});
