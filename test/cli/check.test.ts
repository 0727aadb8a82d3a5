import { itLong } from "../helpers/budget.js";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { describeShared, repoRoot, sharedFile } from "../helpers/shared.js";

const base = () => [
  "--boundaries", sharedFile("ccg16_boundaries_from_lsoa_bsc.geojson"),
  "--population", sharedFile("ccg16_stp_lookup_population.csv"),
  "--providers", sharedFile("trust_ccg16_catchment_2019.csv"),
  "--min", "300000", "--max", "2800000", "--threshold", "0.05",
];
const plan2016 = () => [sharedFile("ccg16_stp_lookup_population.csv"), "--footprint-column", "STP17CD_primary"];

interface Json {
  ok: boolean;
  metrics: { units: number; footprints: number; population: { min: number; max: number; total: number }; crossFootprintProviders: number };
  footprints: { id: string; population: number; units: string[]; components: number }[];
  findings: { rule: string; severity: string; message: string; footprint?: string; units?: string[]; provider?: string; pieces?: string[][] }[];
}

async function checkJson(args: string[]): Promise<{ code: number; json: Json }> {
  const r = await runCli(["check", ...args, "--format", "json"]);
  expect(r.stderr).toBe("");
  return { code: r.code, json: JSON.parse(r.stdout) };
}

/** Cross-footprint providers computed straight from the CSVs, sharing no code with the tool. */
function independentCrossCount(threshold: number): { providers: number; cross: number } {
  const parse = (name: string) =>
    readFileSync(sharedFile(name), "utf8")
      .trim()
      .split(/\r?\n/)
      .map((l) => l.match(/("[^"]*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, "").replace(/^"|"$/g, "")));
  const [lh, ...lookup] = parse("ccg16_stp_lookup_population.csv");
  const stpOf = new Map(lookup.map((r) => [r[lh.indexOf("CCG16CD")], r[lh.indexOf("STP17CD_primary")]]));
  const [th, ...rows] = parse("trust_ccg16_catchment_2019.csv");
  const by = new Map<string, Map<string, number>>();
  const totals = new Map<string, number>();
  for (const r of rows) {
    const trust = r[th.indexOf("trust_code")], stp = stpOf.get(r[th.indexOf("CCG16CD")])!, v = Number(r[th.indexOf("catchment_pop")]);
    if (!by.has(trust)) by.set(trust, new Map());
    by.get(trust)!.set(stp, (by.get(trust)!.get(stp) ?? 0) + v);
    totals.set(trust, (totals.get(trust) ?? 0) + v);
  }
  let cross = 0;
  for (const [trust, m] of by) if ([...m.values()].filter((v) => v / totals.get(trust)! >= threshold).length >= 2) cross++;
  return { providers: by.size, cross };
}

describeShared("check on the England 2016 plan", () => {
  it("check: 44 footprints, population 502,990 to 2,869,256, one population-max finding for Greater Manchester", async () => {
    const { code, json } = await checkJson([...plan2016(), ...base()]);
    expect(code).toBe(1);
    expect(json.ok).toBe(false);
    expect(json.metrics.footprints).toBe(44);
    expect(json.metrics.population.min).toBe(502_990);
    expect(json.metrics.population.max).toBe(2_869_256);
    const max = json.findings.filter((f) => f.rule === "population-max");
    expect(max).toHaveLength(1);
    expect(max[0].footprint).toBe("E54000007");
    expect(max[0].message).toContain("Greater Manchester");
    expect(max[0].message).toContain("2,869,256");
    expect(max[0].message).toContain("over the maximum 2,800,000 by 69,256");
    expect(json.findings.filter((f) => f.rule === "population-min")).toHaveLength(0);
  }, 30_000);

  it("check: without links, one contiguity finding: Hampshire and the Isle of Wight, the island its own piece", async () => {
    const { json } = await checkJson([...plan2016(), ...base()]);
    const c = json.findings.filter((f) => f.rule === "contiguity");
    expect(c).toHaveLength(1);
    expect(c[0].footprint).toBe("E54000042");
    expect(c[0].pieces).toHaveLength(2);
    expect(c[0].pieces![1]).toEqual(["E38000087"]);
    const withLinks = await checkJson([...plan2016(), ...base(), "--links", sharedFile("ccg16_links.csv")]);
    expect(withLinks.json.findings.filter((f) => f.rule === "contiguity")).toHaveLength(0);
  }, 30_000);

  it("check: 138 providers, 78 cross-footprint, as an independent computation finds", async () => {
    const { json } = await checkJson([...plan2016(), ...base()]);
    const independent = independentCrossCount(0.05);
    expect(independent.providers).toBe(138);
    expect(json.metrics.crossFootprintProviders).toBe(independent.cross);
    expect(json.metrics.crossFootprintProviders).toBe(78);
    expect(new Set(json.findings.filter((f) => f.rule === "cross-footprint-provider").map((f) => f.provider)).size).toBe(78);
  }, 30_000);

  it("check: the pairs plan puts NHS Cumbria CCG in two footprints: an overlap naming both", async () => {
    const { json } = await checkJson([sharedFile("ccg16_stp17_pairs.csv"), "--footprint-column", "STP17CD", ...base()]);
    const o = json.findings.filter((f) => f.rule === "overlap");
    expect(o).toHaveLength(1);
    expect(o[0].units).toEqual(["E38000041"]);
    expect(o[0].message).toContain("E54000047");
    expect(o[0].message).toContain("E54000048");
  }, 30_000);

  it("check: the STP17 polygon plan gives the CSV plan's populations within 0.5% and Cumbria split", async () => {
    const csv = await checkJson([...plan2016(), ...base()]);
    const poly = await checkJson([sharedFile("stp17_boundaries_from_lsoa_bsc.geojson"), ...base()]);
    expect(poly.json.metrics.footprints).toBe(44);
    const csvPop = new Map(csv.json.footprints.map((f) => [f.id, f.population]));
    for (const f of poly.json.footprints) {
      expect(Math.abs(f.population - csvPop.get(f.id)!) / csvPop.get(f.id)!, f.id).toBeLessThanOrEqual(0.005);
    }
    const split = poly.json.findings.filter((f) => f.rule === "overlap" && f.units?.includes("E38000041"));
    expect(split).toHaveLength(1);
    expect(poly.json.findings.filter((f) => f.rule === "overlap")).toHaveLength(1);
  }, 60_000);

  itLong("check: the LSOA plan (32,844 units) runs and reports per-footprint populations", async () => {
    const { json } = await checkJson([
      sharedFile("lsoa11_lookup_all_vintages.csv"),
      "--boundaries", sharedFile("lsoa11_boundaries_bsc_england.geojson"),
      "--footprint-column", "STP17CD",
    ]);
    expect(json.metrics.units).toBe(32_844);
    expect(json.metrics.footprints).toBe(44);
    expect(json.metrics.population.total).toBe(56_286_961);
    expect(json.footprints.find((f) => f.id === "E54000007")!.population).toBe(2_869_256);
    expect(json.footprints.reduce((t, f) => t + f.units.length, 0)).toBe(32_844);
  }, 120_000);
});

describe("check: plan columns", () => {
  it("check: the manifest's plan column names apply to its own plan; another plan's columns are detected", async () => {
    const dir = mkdtempSync(join(tmpdir(), "stp-check-"));
    const demoPlan = readFileSync(join(repoRoot, "data/demo/plan.csv"), "utf8").trim().split("\n").slice(1);
    // The demo manifest names a footprint_name column; this plan has none.
    const plain = join(dir, "plain.csv");
    writeFileSync(plain, "unit,footprint\n" + demoPlan.map((l) => l.split(",").slice(0, 2).join(",")).join("\n") + "\n");
    const r = await runCli(["check", plain, "--format", "json"]);
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout).metrics.footprints).toBe(40);
    const broken = join(dir, "broken.csv");
    writeFileSync(broken, "unit,footprint\nD00000001,\n");
    const b = await runCli(["check", broken]);
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/broken\.csv: line 2: "footprint": unit "D00000001" has an empty footprint/);
  });
});

describe("check output formats", () => {
  it("check: junit has a testsuite per rule and a testcase per footprint; github and markdown carry the findings", async () => {
    // The embedded demo dataset's starting plan breaks some rules.
    const junit = await runCli(["check", "--format", "junit"]);
    expect(junit.code).toBe(1);
    expect(junit.stdout).toMatch(/^<\?xml/);
    for (const rule of ["unknown-unit", "unassigned", "overlap", "population-min", "population-max", "contiguity", "cross-footprint-provider", "split-area"]) {
      expect(junit.stdout).toContain(`<testsuite name="${rule}"`);
    }
    const json = JSON.parse((await runCli(["check", "--format", "json"])).stdout) as Json;
    const suites = junit.stdout.match(/<testsuite /g)!.length;
    expect(junit.stdout.match(/<testcase /g)!.length).toBe(suites * json.footprints.length);
    expect(junit.stdout.match(/<failure /g)!.length).toBe(new Set(json.findings.filter((f) => f.severity === "error").map((f) => `${f.rule}/${f.footprint}`)).size);

    const gh = await runCli(["check", "--format", "github"]);
    const errorLines = gh.stdout.split("\n").filter((l) => l.startsWith("::error "));
    expect(errorLines.length).toBe(json.findings.filter((f) => f.severity === "error").length);
    expect(errorLines[0]).toMatch(/^::error file=[^:]+,title=check [a-z-]+::/);

    const md = await runCli(["check", "--format", "markdown"]);
    expect(md.stdout).toMatch(/^## stp-footprint check: ❌ fail/);
    expect(md.stdout.split("\n").filter((l) => /^\| [^-]/.test(l))).toHaveLength(json.footprints.length + 1);
  }, 30_000);
});
