import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { describeShared, itShared, repoRoot, sharedFile } from "../helpers/shared.js";
import { elements, labels } from "../helpers/svg.js";

const dir = mkdtempSync(join(tmpdir(), "stp-report-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface ReportJson {
  provenance: { version: string; command: string; inputs: { role: string; file: string; sha256: string }[]; attribution: string | null };
  a: { metrics: Record<string, unknown>; errors: number };
  b: { metrics: Record<string, unknown>; errors: number };
  moved: { unit: string; name: string; from: string; fromName: string; to: string; toName: string; transfer: number; population: number }[];
  transfers: { number: number; units: string[] }[];
  footprints: { id: string; name: string; change: string }[];
  providers: { provider: string; name: string; change: string }[];
  areas: { area: string; name: string }[];
}

/** A copy of a plan CSV (unit, footprint, name columns at the given indexes) with some units moved. */
function movedPlan(source: string, cols: [number, number, number], moves: Record<string, [string, string]>, file: string): void {
  const [head, ...rows] = readFileSync(source, "utf8").trim().split(/\r?\n/);
  const cells = (l: string) => l.match(/("[^"]*"|[^,]*)(,|$)/g)!.slice(0, -1).map((c) => c.replace(/,$/, "").replace(/^"|"$/g, ""));
  void head;
  const out = ["unit,footprint,footprint_name"];
  for (const r of rows.map(cells)) {
    const [u, f, n] = [r[cols[0]], r[cols[1]], r[cols[2]]];
    const m = moves[u];
    out.push([u, m ? m[0] : f, m ? m[1] : n].map((c) => (c.includes(",") ? `"${c}"` : c)).join(","));
  }
  writeFileSync(file, out.join("\n") + "\n");
}

describe("diff --out: the before/after report on the demo", () => {
  const start = join(repoRoot, "data/demo/plan.csv");
  const proposal = join(dir, "demo-b.csv");
  // One unit of F01 goes to a footprint that is not in the start, with a name of its own.
  const demoUnits = readFileSync(start, "utf8").trim().split("\n").slice(1).map((l) => l.split(","));
  const f01 = demoUnits.filter((r) => r[1] === "F01").map((r) => r[0]);
  movedPlan(start, [0, 1, 2], { [f01[0]]: ["NEW01", "Harbour New Town"] }, proposal);

  it("diff --out: html, md, json, svg: moved units with names, figures as check reports them, provenance with hashes", async () => {
    const out = (ext: string) => join(dir, `demo.${ext}`);
    const r = await runCli(["diff", start, proposal, "--out", out("html"), "--out", out("md"), "--out", out("json"), "--out", out("svg")]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const json = JSON.parse(readFileSync(out("json"), "utf8")) as ReportJson;
    expect(json.moved.map((m) => [m.unit, m.from, m.to, m.toName])).toEqual([[f01[0], "F01", "NEW01", "Harbour New Town"]]);
    expect(json.moved[0].name).not.toBe("");
    expect(json.moved[0].fromName).not.toBe("");
    expect(json.footprints.find((f) => f.id === "NEW01")).toMatchObject({ change: "new", name: "Harbour New Town" });
    for (const [plan, side] of [[start, json.a], [proposal, json.b]] as const) {
      const c = JSON.parse((await runCli(["check", plan, "--format", "json"])).stdout) as { metrics: Record<string, unknown> };
      expect(side.metrics).toEqual(c.metrics);
    }
    // Every provider in the report has its name (the demo names all of them).
    expect(json.providers.length).toBeGreaterThan(0);
    expect(json.providers.filter((p) => p.name === "")).toEqual([]);
    expect(json.areas.filter((a) => a.name === "")).toEqual([]);
    // Provenance: the version, the command, each input's SHA-256, the attribution.
    expect(json.provenance.version).toBe("0.0.0-test");
    expect(json.provenance.command).toMatch(/^stp-footprint diff /);
    const planB = json.provenance.inputs.find((i) => i.role === "plan B (proposal)")!;
    expect(planB.sha256).toBe(createHash("sha256").update(readFileSync(proposal)).digest("hex"));
    expect(json.provenance.inputs.map((i) => i.role)).toEqual(expect.arrayContaining(["manifest", "boundaries", "population", "providers", "areas", "provider names", "plan A (start)"]));
    expect(json.provenance.attribution).toMatch(/synthetic/i);
    const md = readFileSync(out("md"), "utf8");
    expect(md).toContain("Harbour New Town (NEW01)");
    expect(md).toContain(planB.sha256);
    expect(md.length).toBeLessThan(65_000);
    const svg = readFileSync(out("svg"), "utf8");
    expect(elements(svg, "g", "marker")).toHaveLength(json.transfers.length);
    expect(svg).toContain('class="before-boundary"');
    expect(labels(svg).get("NEW01")).toMatch(/Harbour New Town .*\(new\)/);
    expect(svg).toContain("<metadata");
    const html = readFileSync(out("html"), "utf8");
    expect(html).toContain(planB.sha256);
    expect(html.match(/<tr data-unit=/g)).toHaveLength(1);
  }, 60_000);

  it("diff --out: an unknown extension or a file named twice is a usage error", async () => {
    expect((await runCli(["diff", start, proposal, "--out", join(dir, "x.pdf")])).code).toBe(2);
    const twice = await runCli(["diff", start, proposal, "--out", join(dir, "x.md"), "--out", join(dir, "x.md")]);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain("--out");
  });
});

describeShared("diff --out on England 2016", () => {
  itShared("diff --out: names every moved CCG, its footprints, new footprints and every cross-footprint trust", async () => {
    const manifest = join(repoRoot, "fixtures/england/stp-footprint.json");
    const proposal = join(dir, "england-b.csv");
    // Bolton to Lancashire; the Isle of Wight to a new footprint with its own name.
    movedPlan(sharedFile("ccg16_stp_lookup_population.csv"), [0, 4, 5], { E38000016: ["E54000048", "Lancashire and South Cumbria"], E38000087: ["NEW01", "Isle of Wight"] }, proposal);
    const file = join(dir, "england.json");
    const r = await runCli(["diff", sharedFile("ccg16_stp_lookup_population.csv"), proposal, "--dataset", manifest, "--out", file]);
    expect(r.stderr).toBe("");
    const json = JSON.parse(readFileSync(file, "utf8")) as ReportJson;
    expect(json.moved.map((m) => m.unit).sort()).toEqual(["E38000016", "E38000087"]);
    for (const m of json.moved) {
      expect(m.name).toMatch(/^NHS .* CCG$/);
      expect(m.fromName).not.toBe("");
      expect(m.toName).not.toBe("");
    }
    expect(json.footprints.find((f) => f.id === "NEW01")).toMatchObject({ change: "new", name: "Isle of Wight" });
    expect(json.providers.length).toBeGreaterThanOrEqual(78);
    expect(json.providers.filter((p) => p.name === "")).toEqual([]);
    expect(json.a.metrics.crossFootprintProviders).toBe(78);
    expect(json.areas.length).toBeGreaterThan(0);
    expect(json.areas.filter((a) => a.name === "")).toEqual([]);
    // The trust names file lists trusts with no catchment rows: a note in the report, not a broken one.
    expect((json as unknown as { notes: string[] }).notes.join("\n")).toMatch(/80 of 218 provider names are for codes with no provider rows/);
  }, 60_000);
});
