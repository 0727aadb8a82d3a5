import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { provenance, provenanceLines } from "../../src/app/provenance.js";
import { runCli } from "../helpers/cli.js";
import { gridDataset } from "../helpers/dataset.js";

const dir = mkdtempSync(join(tmpdir(), "stp-prov-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("provenance", () => {
  it("provenance: the command quoted for a shell, each input hashed, the parameters and attribution", async () => {
    const boundaries = join(dir, "units.geojson"), lock = join(dir, "lock file.csv");
    writeFileSync(boundaries, '{"type":"FeatureCollection","features":[]}\n');
    writeFileSync(lock, "unit,footprint\n");
    const dataset = { ...gridDataset(1, 2, [1, 2]), files: { boundaries } };
    const p = await provenance({ boundaries, attribution: "© Someone" }, dataset, { version: "9.9.9", argv: ["map", "--title", "A & B's map", "--out", "x.svg"] }, [{ role: "lock", file: lock }], new Date("2026-01-02T03:04:05.678Z"));
    expect(p.command).toBe(`stp-footprint map --title 'A & B'\\''s map' --out x.svg`);
    expect(p.date).toBe("2026-01-02T03:04:05Z");
    expect(p.inputs.map((i) => i.role)).toEqual(["boundaries", "lock"]);
    expect(p.inputs[1].sha256).toBe(createHash("sha256").update(readFileSync(lock)).digest("hex"));
    expect(p.inputs[1].bytes).toBe(15);
    expect(p.parameters).toMatchObject({ populationMin: 100, populationMax: 1000, threshold: 0.05, adjacency: "rook", links: 0 });
    const lines = provenanceLines(p);
    expect(lines[0]).toBe(`Made by stp-footprint 9.9.9 on 2026-01-02: ${p.command}`);
    expect(lines.at(-1)).toBe("© Someone");
  });

  it("map and --geojson: every map and GeoJSON says how it was made", async () => {
    const svg = join(dir, "m.svg"), geojson = join(dir, "m.geojson");
    const r = await runCli(["map", "--out", svg, "--out", geojson]);
    expect(r.code).toBe(0);
    const text = readFileSync(svg, "utf8");
    expect(text).toContain("Made by stp-footprint 0.0.0-test on ");
    expect(text).toMatch(/Inputs \(SHA-256\): manifest stp-footprint\.json [0-9a-f]{12}/);
    expect(text).toContain('<metadata id="map-provenance">');
    const fc = JSON.parse(readFileSync(geojson, "utf8")) as { provenance: { inputs: { role: string }[]; attribution: string }; features: { id: string }[] };
    expect(fc.provenance.inputs.map((i) => i.role)).toContain("boundaries");
    expect(fc.provenance.attribution).toMatch(/synthetic/i);
    expect(fc.features[0].id).toBe("F01");
  }, 60_000);
});
