import { describe, expect, it } from "vitest";
import type { OptimiseSummary, PlanFigures } from "../../src/app/optimise.js";
import { optimiseJson, optimisePassed, optimiseText } from "../../src/report/optimise.js";
import { palette } from "../../src/report/text.js";
import { collect } from "../helpers/sink.js";

const figures = (cross: number, errors: number, splitAreas: number | null = null): PlanFigures => ({
  footprints: 44,
  population: { min: 300_500, max: 2_790_000, total: 56_000_000 },
  crossFootprintProviders: cross,
  providerFootprintPairs: 2 * cross,
  splitAreas,
  errors,
  warnings: cross,
  nearThreshold: [],
});

function summary(over: Partial<OptimiseSummary> = {}, search: Partial<OptimiseSummary["search"]> = {}): OptimiseSummary {
  return {
    dataset: "England 2016",
    synthetic: false,
    start: { source: "plan-2016.csv", ...figures(78, 1) },
    result: figures(42, 0),
    unitsMoved: 2,
    moves: [
      { unit: "E1", name: "Bury", from: "F1", fromName: "North", to: "F2", toName: "" },
      { unit: "E2", name: "", from: "F2", fromName: "", to: "F3", toName: "Coast" },
    ],
    footprints: [
      { id: "F1", name: "North", continues: "F1" },
      { id: "NEW01", name: "", continues: null },
    ],
    objective: { weights: { cross: 1, split: 0, moved: 0 }, maxMoves: null, maxSplitAreas: null, margin: null, footprints: null },
    byCount: null,
    frontier: null,
    search: {
      seed: 7,
      threads: 2,
      replicas: 2,
      iterations: 1_000_000,
      evaluatedMoves: 2_500_000,
      movesPerSecondPerThread: 1_050_000,
      seconds: 1.19,
      stopped: false,
      feasible: true,
      problems: [],
      ...search,
    },
    findings: [],
    ...over,
  };
}

function text(s: OptimiseSummary): string {
  const out = collect();
  optimiseText(s, out, palette(false));
  return out.text();
}

describe("optimise reporters", () => {
  it("optimisePassed: no rule error and within the search's limits", () => {
    expect(optimisePassed(summary())).toBe(true);
    expect(optimisePassed(summary({ result: figures(42, 1) }))).toBe(false);
    expect(optimisePassed(summary({}, { feasible: false }))).toBe(false);
  });

  it("optimise text: start against result for every criterion, the objective, new footprints, the moves with names, the search, PASS", () => {
    const lines = text(summary()).split("\n");
    expect(lines.slice(0, 13)).toEqual([
      "England 2016: optimised plan",
      "",
      "                                  start     result",
      "cross-footprint providers            78         42",
      "units moved                                      2",
      "footprints                           44         44",
      "population min                  300,500    300,500",
      "population max                2,790,000  2,790,000",
      "provider-footprint pairs            156         84",
      "providers near the threshold          0          0",
      "rule errors                           1          0",
      "objective: cross=1",
      "",
    ]);
    expect(lines).toContain("new footprints (1)");
    expect(lines).toContain("  NEW01");
    expect(lines).toContain("units moved (2)");
    expect(lines).toContain("  E1 (Bury): F1 (North) -> F2");
    expect(lines).toContain("  E2: F2 -> F3 (Coast)");
    expect(lines).toContain("search: seed 7, 2 replicas on 2 threads, 1,000,000 proposals, 2,500,000 moves evaluated (1,050,000/s per thread) in 1.2 s");
    expect(lines[lines.length - 2]).toBe("PASS the result has 0 rule errors and 42 warnings (as `check` reports them)");
  });

  it("optimise text: split areas and limits when used; long move lists cut with a pointer to the rest; a result past the search's limits FAILs and says why", () => {
    const moves = Array.from({ length: 65 }, (_, i) => ({ unit: `E${i}`, name: "", from: "F1", fromName: "", to: "F2", toName: "" }));
    const t = text(
      summary(
        {
          start: { source: "s.csv", ...figures(78, 1, 16) },
          result: figures(42, 0, 12),
          moves,
          unitsMoved: 65,
          objective: { weights: { cross: 1, split: 0.5, moved: 0 }, maxMoves: 70, maxSplitAreas: 12, margin: null, footprints: { min: 40, max: 44 } },
        },
        { feasible: false, problems: ["F3 has 2 pieces"], stopped: true },
      ),
    );
    // Columns: the longest label (28 characters), then start and result right-aligned to 9.
    expect(t).toContain(`\n${"split areas".padEnd(28)}  ${"16".padStart(9)}  ${"12".padStart(9)}\n`);
    expect(t).toContain("\nobjective: cross=1, split=0.5; split areas <= 12, units moved <= 70, footprints 40-44\n");
    expect(t).toContain("  E59: F1 -> F2\n  and 5 more (--format json or --out lists them all)\n");
    expect(t).not.toContain("E60:");
    expect(t).toContain(", stopped early\n");
    expect(t).toContain("\nthe result breaks the search's limits: F3 has 2 pieces\n");
    expect(t.endsWith("FAIL the result has 0 rule errors and 42 warnings (as `check` reports them) but breaks the search's limits above\n")).toBe(true);
  });

  it("optimise text: providers near the threshold, named, with their footprints named; one just under reads under it (4.999%, not 5.0%), one over says it is cross", () => {
    const near = [
      { provider: "RAL", providerName: "Royal Free", largest: 0.9, second: 0.04998, footprints: ["F1", "NEW01"], cross: false },
      { provider: "RAP", largest: 0.8, second: 0.0501, footprints: ["NEW01", "F3"], cross: true },
      { provider: "RAQ", largest: 0.8, second: 0.049999, footprints: ["F1", "F3"], cross: false },
    ];
    const t = text(summary({ result: { ...figures(42, 0), nearThreshold: near } }));
    expect(t).toContain("providers within 0.5 points of the threshold (3)");
    expect(t).toContain("RAL (Royal Free): 4.998% in NEW01 (largest 90.0% in F1 (North))\n");
    expect(t).toContain("RAP: 5.010% in F3 (largest 80.0% in NEW01), cross-footprint");
    expect(t).toContain("RAQ: 4.999% in F3");
  });

  it("optimise text: without a start, no start column; the result's errors are listed", () => {
    const t = text(summary({ start: null, result: figures(40, 1), findings: [{ rule: "contiguity", severity: "error", message: "F9 is in 2 pieces" }] }));
    expect(t).toContain(`\n${"".padEnd(28)}    ${"result".padStart(9)}\n${"cross-footprint providers".padEnd(28)}    ${"40".padStart(9)}\n`);
    expect(t).toContain("\ncontiguity (1 finding)\n  error   F9 is in 2 pieces\n");
    expect(t.endsWith("FAIL the result has 1 rule error and 40 warnings (as `check` reports them)\n")).toBe(true);
  });

  it("optimise json: the summary as it is", () => {
    const out = collect();
    optimiseJson(summary(), out);
    expect(JSON.parse(out.text())).toEqual(summary());
  });
});
