import { spawnSync } from "node:child_process";
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Ajv4 from "ajv-draft-04";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { repoRoot } from "../helpers/shared.js";

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
}
interface Workflow {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: Record<string, { "runs-on": string; env: Record<string, string>; steps: Step[] }>;
}

const workflow = parse(readFileSync(join(repoRoot, "examples/github-workflow.yml"), "utf8")) as Workflow;
const job = Object.values(workflow.jobs)[0];

describe("examples/github-workflow.yml", () => {
  it("workflow: parses, installs the tool, and uploads the SARIF file its check writes", () => {
    expect(Object.keys(workflow.on)).toEqual(["pull_request", "push"]);
    expect(workflow.permissions["security-events"]).toBe("write");
    const uses = job.steps.filter((s) => s.uses).map((s) => s.uses!.split("@")[0]);
    expect(uses).toEqual(["actions/checkout", "actions/setup-node", "github/codeql-action/upload-sarif"]);
    expect(job.steps.some((s) => s.run?.startsWith("npm install --global stp-footprint"))).toBe(true);
    const upload = job.steps.find((s) => s.uses?.startsWith("github/codeql-action/upload-sarif"))!;
    const sarifStep = job.steps.find((s) => s.run?.includes("--format sarif"))!;
    expect(sarifStep.run).toContain(`> ${upload.with!.sarif_file}`);
  });

  it("workflow: its commands run against the demo as GitHub would (bash -eo pipefail, a step summary each)", () => {
    // A workspace holding the demo where the workflow expects its dataset and plan, and an
    // `stp-footprint` on the PATH that is this build (the workflow installs the package instead).
    const ws = mkdtempSync(join(tmpdir(), "stp-workflow-"));
    cpSync(join(repoRoot, "data/demo"), join(ws, "data"), { recursive: true });
    mkdirSync(join(ws, "plans"));
    cpSync(join(ws, "data/plan.csv"), join(ws, job.env.PLAN));
    const bin = join(ws, ".bin");
    mkdirSync(bin);
    writeFileSync(join(bin, "stp-footprint"), `#!/bin/sh\nexec "${process.execPath}" "${join(repoRoot, "bin/stp-footprint.js")}" "$@"\n`);
    chmodSync(join(bin, "stp-footprint"), 0o755);

    const results: { name: string; code: number | null; stdout: string; summary: string }[] = [];
    for (const [i, step] of job.steps.entries()) {
      if (!step.run || step.run.startsWith("npm install")) continue;
      const summary = join(ws, `.summary-${i}.md`);
      writeFileSync(summary, "");
      const r = spawnSync("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", step.run], {
        cwd: ws,
        encoding: "utf8",
        env: { ...process.env, ...job.env, PATH: `${bin}:${process.env.PATH}`, GITHUB_ACTIONS: "true", GITHUB_WORKSPACE: ws, GITHUB_STEP_SUMMARY: summary },
      });
      results.push({ name: step.name ?? "", code: r.status, stdout: r.stdout, summary: readFileSync(summary, "utf8") });
    }
    const [validate, check, sarif] = results;
    expect(results.map((r) => [r.name, r.code])).toEqual([
      ["Validate the dataset", 0],
      // The demo's starting plan breaks three rules on purpose: the step fails, as it should.
      ["Check the plan", 1],
      ["Findings for code scanning", 0],
    ]);
    expect(validate.stdout.trimEnd().split("\n").at(-1)).toMatch(/^::notice title=stp-footprint validate::data\/units.geojson: 0 errors/);
    expect(validate.summary).toContain("## stp-footprint validate: ✅ pass");
    expect(check.stdout).toMatch(/^::error file=plans\/plan.csv,title=check population-max::/m);
    expect(check.stdout.trimEnd().split("\n").at(-1)).toMatch(/: 3 errors, 81 warnings; 13 annotated, the other 71 listed in the log/);
    expect(check.summary).toContain("## stp-footprint check: ❌ fail");
    expect(sarif.summary).toBe("");

    const require = createRequire(import.meta.url);
    const schema = JSON.parse(readFileSync(require.resolve("@microsoft/sarif-matcher-utils/lib/schemas/sarif-2.1.0-rtm.5.json"), "utf8"));
    const validateSarif = new Ajv4({ strict: false, unicodeRegExp: false }).compile(schema);
    const file = join(ws, "stp-footprint.sarif");
    expect(existsSync(file)).toBe(true);
    const log = JSON.parse(readFileSync(file, "utf8"));
    expect(validateSarif(log)).toBe(true);
    expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe("plans/plan.csv");
  }, 30_000);
});
