import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";

const dir = mkdtempSync(join(tmpdir(), "stp-repeat-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("repeated output options", () => {
  it("optimise: --map given twice writes both maps", async () => {
    const svg = join(dir, "a.svg"), html = join(dir, "a.html");
    const r = await runCli(["optimise", "--quiet", "--iterations", "2000", "--threads", "1", "--map", svg, "--map", html]);
    expect(r.stderr).toBe("");
    expect(readFileSync(svg, "utf8")).toMatch(/^<svg /);
    expect(readFileSync(html, "utf8")).toMatch(/^<!DOCTYPE html>/);
  }, 60_000);

  it("optimise: --out given twice is refused (exit 2) and nothing is written", async () => {
    const a = join(dir, "x.csv"), b = join(dir, "y.csv");
    const r = await runCli(["optimise", "--quiet", "--iterations", "2000", "--threads", "1", "--out", a, "--out", b]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--out is given twice");
    expect(existsSync(a) || existsSync(b)).toBe(false);
  });

  it("optimise: --map naming one file twice is refused", async () => {
    const a = join(dir, "z.svg");
    const r = await runCli(["optimise", "--quiet", "--iterations", "2000", "--threads", "1", "--map", a, "--map", a]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--map");
  });
});

describe("repeated options", () => {
  it("a flag given twice with different values is refused; twice with the same value is read once", async () => {
    const twice = await runCli(["check", "--threshold", "0.05", "--threshold", "0.1"]);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('--threshold is given twice ("0.05" and "0.1")');
    const same = await runCli(["check", "--threshold", "0.05", "--threshold", "0.05", "--format", "json"]);
    expect(same.stderr).toBe("");
    expect(JSON.parse(same.stdout).metrics.footprints).toBe(40);
  });
});
