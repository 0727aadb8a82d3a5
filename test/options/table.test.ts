import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { createProgram } from "../../src/cli/program.js";
import { rowsOf } from "../../src/cli/addOptions.js";
import { defaults } from "../../src/options/defaults.js";
import { optionsMarkdown, readmeMarkers } from "../../src/options/markdown.js";
import { allCommands, longFlag, type AnyRow } from "../../src/options/row.js";
import { optionTable } from "../../src/options/table.js";
import { repoRoot } from "../helpers/shared.js";

const readme = readFileSync(resolve(repoRoot, "README.md"), "utf8");
const rows = optionTable as readonly AnyRow[];

describe("option table", () => {
  it("README: the option list between the markers is the one the table renders (npm run readme-options)", () => {
    const a = readme.indexOf(readmeMarkers.begin), b = readme.indexOf(readmeMarkers.end);
    expect(a, "README has the begin marker").toBeGreaterThanOrEqual(0);
    expect(b, "README has the end marker after it").toBeGreaterThan(a);
    expect(readme.slice(a, b + readmeMarkers.end.length)).toBe(optionsMarkdown());
  });

  it("README: every flag the README mentions is an option of the table", () => {
    const known = new Set(rows.flatMap((r) => (r.flag ? [longFlag(r), ...(r.negate ? [`--no-${longFlag(r).slice(2)}`] : [])] : [])));
    for (const builtIn of ["--help", "--version"]) known.add(builtIn);
    // Benchmark scripts (`node test/bench/... --runs 5`) have flags of their own.
    const text = readme.replace(/`node [^`]*`/g, "");
    const mentioned = [...new Set(text.match(/(?<![\w-])--[a-z][a-z0-9-]*/g) ?? [])];
    expect(mentioned.length).toBeGreaterThan(20);
    expect(mentioned.filter((f) => !known.has(f))).toEqual([]);
  });

  it("table: each row's default passes its own schema, and each flag and name appears once per command", () => {
    for (const r of rows) if (r.default !== undefined) expect(r.value.schema.safeParse(r.default).success, r.name).toBe(true);
    for (const c of allCommands) {
      const own = rowsOf(c);
      const names = own.map((r) => r.name);
      expect(new Set(names).size, `${c}: option names`).toBe(names.length);
      const flags = own.filter((r) => r.flag !== undefined).map(longFlag);
      expect(new Set(flags).size, `${c}: flags`).toBe(flags.length);
    }
  });

  it("table: defaults have one home (the population bounds, threshold, snap, time and seed)", () => {
    expect(defaults).toMatchObject({ populationMin: 300_000, populationMax: 2_800_000, threshold: 0.05, snapTolerance: 5, time: 30_000, seed: 1, splitTolerance: 0.01 });
  });

  it("flags: each command's commander options are exactly the table's flags for it", () => {
    const ctx = { stdout: { write: () => {} }, stderr: { write: () => {} }, color: false, progress: false, code: 0 };
    const program = createProgram(ctx, "0.0.0-test");
    for (const c of allCommands) {
      const cmd = program.commands.find((x) => x.name() === c)!;
      const got = cmd.options.map((o) => o.long).sort();
      const want = rowsOf(c)
        .filter((r) => r.flag !== undefined && !(r.argumentOf ?? []).includes(c))
        .flatMap((r) => [longFlag(r), ...(r.negate ? [`--no-${longFlag(r).slice(2)}`] : [])])
        .sort();
      expect(got, c).toEqual(want);
    }
  });
});
