import { readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { repoRoot } from "../helpers/shared.js";

const bad = resolve(repoRoot, "fixtures/bad");
const tiny = resolve(repoRoot, "fixtures/tiny");
const corpus = JSON.parse(readFileSync(resolve(bad, "cases.json"), "utf8")) as {
  cases: { args: string[]; code: number; message: string }[];
};
const expand = (a: string) => a.replace("{bad}", bad).replace("{tiny}", tiny);

describe("bad input corpus (fixtures/bad/cases.json)", () => {
  it("corpus: every file in fixtures/bad is used by a case, and there are at least 40", () => {
    const files = readdirSync(bad).filter((f) => f !== "cases.json");
    expect(files.length).toBeGreaterThanOrEqual(40);
    const used = new Set(corpus.cases.flatMap((c) => c.args.filter((a) => a.startsWith("{bad}/")).map((a) => a.slice(6))));
    expect(files.filter((f) => !used.has(f))).toEqual([]);
  });

  for (const c of corpus.cases) {
    it(`corpus: stp-footprint ${c.args.join(" ")} -> exit ${c.code}`, async () => {
      const r = await runCli(c.args.map(expand));
      expect(r.code, r.stderr).toBe(c.code);
      // Never a stack trace; an error is exactly one line (commander's own errors included).
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(r.stderr).not.toMatch(/internal error/);
      if (c.code === 2) {
        expect(r.stderr).toMatch(/^stp-footprint[^\n]*\n$/);
        expect(r.stderr).toMatch(new RegExp(c.message));
        expect(r.stdout).toBe("");
      } else {
        expect(r.stderr).toBe("");
      }
    });
  }
});
