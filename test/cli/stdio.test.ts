import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/shared.js";

const bin = join(repoRoot, "bin/stp-footprint.js");
const run = (args: string[], input?: string, cwd = repoRoot, env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [bin, ...args], { cwd, input, encoding: "utf8", env: { ...process.env, ...env } });

describe("standard input and output", () => {
  it("optimise --out - writes the plan to stdout (the summary to stderr) and check - reads it from stdin", () => {
    const cwd = mkdtempSync(join(tmpdir(), "stp-stdio-"));
    const opt = run(["optimise", "--iterations", "20000", "--threads", "1", "--replicas", "1", "--out", "-"], undefined, cwd);
    expect(opt.status).toBe(0);
    expect(opt.stdout.split("\n")[0]).toBe("unit,footprint,footprint_name");
    expect(opt.stdout.trim().split("\n")).toHaveLength(201);
    expect(opt.stderr).toContain("optimised plan");
    expect(existsSync(join(cwd, "-"))).toBe(false);
    const check = run(["check", "-", "--format", "json"], opt.stdout, cwd);
    expect(check.stderr).toBe("");
    expect(check.status).toBe(0);
    expect(JSON.parse(check.stdout).metrics.units).toBe(200);
  }, 30_000);

  it("check -: a bad row on stdin is reported with its line, and no file= in annotations", () => {
    const r = run(["check", "-", "--format", "github"], "unit,footprint\nD00000001,F01\nNOPE,F01\n");
    expect(r.status).toBe(1);
    expect(r.stdout.split("\n")[0]).toMatch(/^::error line=3,title=check unknown-unit::the plan \(line 3\) puts "NOPE" in F01/);
  });

  it("check -: a plan on stdin longer than the table limit is refused as it comes, naming - and the variable", () => {
    const tiny = join(repoRoot, "fixtures/tiny/stp-footprint.json");
    const plan = "unit,footprint\n" + "T1,F1\n".repeat(3000);
    const r = run(["check", "-", "--dataset", tiny], plan, repoRoot, { STP_FOOTPRINT_MAX_TABLE: "8K" });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe("stp-footprint: [check] -: is larger than the 8 KiB limit for tables (raise it with STP_FOOTPRINT_MAX_TABLE=...)\n");
    const small = run(["check", "-", "--dataset", tiny, "--format", "json"], "unit,footprint\nT1,F1\n", repoRoot, { STP_FOOTPRINT_MAX_TABLE: "8K" });
    expect(small.status, small.stderr).toBe(1);
  });

  it("optimise: --map - is refused (only --out writes to stdout)", () => {
    const r = run(["optimise", "--iterations", "10", "--map", "-"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--map: (must end in .svg, .png or .html|only --out can write to standard output)/);
  });
});
