import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect } from "vitest";
import { runCli } from "../helpers/cli.js";
import { describeShared, itShared, repoRoot } from "../helpers/shared.js";

const dir = mkdtempSync(join(tmpdir(), "stp-geojson-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const manifest = join(repoRoot, "fixtures/england/stp-footprint.json");

interface CheckJson {
  ok: boolean;
  footprints: { id: string; units: string[] }[];
  findings: { rule: string; severity: string; message: string }[];
}

describeShared("England 2016 footprints as GeoJSON", () => {
  const file = join(dir, "stp16.geojson");

  itShared("map --out .geojson: the dissolved 2016 footprints pass validate with no error finding", async () => {
    const w = await runCli(["map", "--dataset", manifest, "--out", file]);
    expect(w.stderr).toBe("");
    expect(w.code).toBe(0);
    const fc = JSON.parse(readFileSync(file, "utf8")) as { features: { id: string; geometry: { coordinates: number[][][][] } }[] };
    expect(fc.features).toHaveLength(44);
    // 6 decimals by default.
    const decimals = fc.features.flatMap((f) => f.geometry.coordinates.flat(3)).map((v) => (String(v).split(".")[1] ?? "").length);
    expect(Math.max(...decimals)).toBe(6);
    const v = await runCli(["validate", file, "--format", "json"]);
    const result = JSON.parse(v.stdout) as { ok: boolean; findings: { rule: string; severity: string; message: string }[] };
    expect(result.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(result.ok).toBe(true);
    expect(v.code).toBe(0);
  }, 60_000);

  itShared("check: the dissolved footprints as a polygon plan put every unit where the CSV plan does", async () => {
    const polygons = await runCli(["check", file, "--dataset", manifest, "--format", "json"]);
    const csv = await runCli(["check", "--dataset", manifest, "--format", "json"]);
    const a = JSON.parse(polygons.stdout) as CheckJson, b = JSON.parse(csv.stdout) as CheckJson;
    const assignment = (r: CheckJson) => new Map(r.footprints.flatMap((f) => f.units.map((u) => [u, f.id] as const)));
    expect([...assignment(a)].sort()).toEqual([...assignment(b)].sort());
    expect(a.findings.filter((f) => f.rule === "overlap" || f.rule === "unassigned")).toEqual([]);
  }, 60_000);
});
