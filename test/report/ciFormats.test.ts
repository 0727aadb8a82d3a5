import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Ajv4 from "ajv-draft-04";
import { afterEach, describe, expect, it } from "vitest";
import type { Finding } from "../../src/model/types.js";
import { type FindingsReport, findingsGithub, githubAnnotationLimit } from "../../src/report/findings.js";
import { runCli } from "../helpers/cli.js";
import { repoRoot } from "../helpers/shared.js";
import { smallAreaFiles } from "../helpers/smallAreas.js";

const require = createRequire(import.meta.url);
/** The OASIS SARIF 2.1.0 schema (JSON Schema draft-04), as shipped by @microsoft/sarif-matcher-utils. */
const sarifSchema = JSON.parse(readFileSync(require.resolve("@microsoft/sarif-matcher-utils/lib/schemas/sarif-2.1.0-rtm.5.json"), "utf8"));
const validateSarif = new Ajv4({ allErrors: true, strict: false, unicodeRegExp: false }).compile(sarifSchema);

function sarifErrors(text: string): string[] {
  return validateSarif(JSON.parse(text)) ? [] : (validateSarif.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

const saved = { ...process.env };
afterEach(() => {
  for (const k of ["GITHUB_WORKSPACE", "GITHUB_STEP_SUMMARY"]) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
});

describe("CI formats", () => {
  it("sarif: check, validate and prepare write SARIF 2.1.0 that the OASIS schema accepts, one result per finding", async () => {
    const check = await runCli(["check", "--format", "sarif"]);
    expect(check.code).toBe(1);
    expect(sarifErrors(check.stdout)).toEqual([]);
    const log = JSON.parse(check.stdout);
    const json = JSON.parse((await runCli(["check", "--format", "json"])).stdout);
    expect(log.version).toBe("2.1.0");
    expect(log.runs[0].results).toHaveLength(json.findings.length);
    const first = log.runs[0].results[0];
    expect(first).toMatchObject({ ruleId: json.findings[0].rule, level: "error" });
    expect(first.locations[0].physicalLocation.artifactLocation.uri).toBe("data/demo/plan.csv");
    expect(log.runs[0].tool.driver.rules.map((r: { id: string }) => r.id)).toContain("population-max");

    const validate = await runCli(["validate", join(repoRoot, "fixtures/validate/invalid/bad-coordinates.geojson"), "--format", "sarif"]);
    expect(sarifErrors(validate.stdout)).toEqual([]);
    const located = JSON.parse(validate.stdout).runs[0].results[0].locations[0].physicalLocation;
    expect(located).toEqual({ artifactLocation: { uri: "fixtures/validate/invalid/bad-coordinates.geojson" }, region: { startLine: 4 } });

    const f = smallAreaFiles(2, 4);
    const cat = join(f.dir, "over.csv");
    writeFileSync(cat, readFileSync(f.catchment, "utf8") + "M1,P9,0.5\n");
    const prepare = await runCli(["prepare", "--lookup", f.lookup, "--unit", "CCG16CD", "--catchment", cat, "--small-area-boundaries", f.smallAreaBoundaries, "--out", join(f.dir, "o"), "--format", "sarif"]);
    expect(prepare.code).toBe(1);
    expect(sarifErrors(prepare.stdout)).toEqual([]);
    expect(JSON.parse(prepare.stdout).runs[0].results[0]).toMatchObject({ ruleId: "catchment-over-one", locations: [{ physicalLocation: { region: { startLine: 4 } } }] });
  });

  it("sarif: the schema test can fail: a result without a message is refused", () => {
    const bad = { version: "2.1.0", runs: [{ tool: { driver: { name: "x" } }, results: [{ ruleId: "r" }] }] };
    expect(sarifErrors(JSON.stringify(bad))).not.toEqual([]);
  });

  it("github: at most 10 error and 10 warning annotations, the rest in a log group, and a final notice with the totals", () => {
    const findings: Finding[] = [
      ...Array.from({ length: 25 }, (_, i) => ({ rule: "population-max", severity: "error" as const, message: `e${i}`, file: "/ws/plans/p.csv", line: i + 2 })),
      ...Array.from({ length: 3 }, (_, i) => ({ rule: "split-area", severity: "warning" as const, message: `w${i}` })),
    ];
    const r: FindingsReport = { command: "check", title: "p.csv", ok: false, findings, rules: [], subjects: [], subjectOf: () => "", file: "/ws/plans/p.csv", root: "/ws" };
    let out = "";
    findingsGithub(r, { write: (s: string) => (out += s) });
    const lines = out.trimEnd().split("\n");
    expect(lines.filter((l) => l.startsWith("::error "))).toHaveLength(githubAnnotationLimit);
    expect(lines.filter((l) => l.startsWith("::warning "))).toHaveLength(3);
    expect(lines[0]).toBe("::error file=plans/p.csv,line=2,title=check population-max::e0");
    expect(lines).toContain("::group::15 more findings (GitHub shows 10 annotations of each kind per step)");
    expect(lines).toContain("error: plans/p.csv:12: [population-max] e10");
    expect(lines.at(-1)).toBe("::notice title=stp-footprint check::p.csv: 25 errors, 3 warnings; 13 annotated, the other 15 listed in the log (or use --format json)");
  });

  it("github: file= is relative to GITHUB_WORKSPACE, and line= points at the GeoJSON feature", async () => {
    process.env.GITHUB_WORKSPACE = join(repoRoot, "fixtures");
    const r = await runCli(["validate", join(repoRoot, "fixtures/validate/invalid/bad-coordinates.geojson"), "--format", "github"]);
    expect(r.stdout.split("\n")[0]).toMatch(/^::error file=validate\/invalid\/bad-coordinates.geojson,line=4,title=validate finite-coordinates::unit A/);
  });

  it("step summary: markdown is appended to GITHUB_STEP_SUMMARY when it is set, unless --no-step-summary", async () => {
    const dir = mkdtempSync(join(tmpdir(), "stp-summary-"));
    const summary = join(dir, "summary.md");
    writeFileSync(summary, "earlier step\n");
    process.env.GITHUB_STEP_SUMMARY = summary;
    await runCli(["check", "--format", "github"]);
    const text = readFileSync(summary, "utf8");
    expect(text.startsWith("earlier step\n## stp-footprint check: ❌ fail")).toBe(true);
    expect(text).toContain("| F04 | Stywoundwell and Babrolholm |");
    await runCli(["validate", "--format", "sarif", "--no-step-summary"]);
    expect(readFileSync(summary, "utf8")).toBe(text);
    await runCli(["validate"]);
    expect(readFileSync(summary, "utf8")).toContain("## stp-footprint validate: ✅ pass");
  });

  it("junit: no empty suites; each suite counts in words", async () => {
    const validate = await runCli(["validate", "--format", "junit"]);
    expect(validate.stdout).not.toMatch(/tests="0"/);
    expect(validate.stdout).toContain('<testcase classname="validate.closed-rings" name="data/demo/units.geojson: no findings" />');
    expect(validate.stdout).toMatch(/<testsuites name="stp-footprint validate: data\/demo\/units.geojson: 0 errors, 0 warnings in 16 rules"/);
    const check = await runCli(["check", "--format", "junit"]);
    expect(check.stdout).not.toMatch(/tests="0"/);
    expect(check.stdout).toContain("<system-out>40 footprints checked: 1 failed</system-out>");
    expect(check.stdout).toContain('name="F04 (Stywoundwell and Babrolholm)"><failure message="F04 (Stywoundwell and Babrolholm) has 2,871,746 people');
  });
});
