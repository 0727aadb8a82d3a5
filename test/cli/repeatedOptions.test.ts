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
