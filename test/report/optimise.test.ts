import { describe, expect, it } from "vitest";
import type { OptimiseSummary, PlanFigures } from "../../src/app/optimise.js";
import { optimiseJson, optimisePassed, optimiseText } from "../../src/report/optimise.js";
import { palette } from "../../src/report/text.js";
import { collect } from "../helpers/sink.js";

const figures = (cross: number, errors: number): PlanFigures => ({
  footprints: 44,
  population: { min: 300_500, max: 2_790_000, total: 56_000_000 },
  crossFootprintProviders: cross,
  providerFootprintPairs: 2 * cross,
  errors,
  warnings: cross,
});

function summary(over: Partial<OptimiseSummary> = {}, search: Partial<OptimiseSummary["search"]> = {}): OptimiseSummary {
  return {
    dataset: "England 2016",
    synthetic: false,
    start: { source: "plan-2016.csv", ...figures(78, 1) },
    result: figures(42, 0),
    unitsMoved: 2,
    moves: [
      { unit: "E1", name: "Bury", from: "F1", to: "F2" },
      { unit: "E2", name: "", from: "F2", to: "F3" },
    ],
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
    frontier: null,
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

  it("optimise text: start against result, the moves, the search, and PASS", () => {
    const lines = text(summary()).split("\n");
    expect(lines.slice(0, 11)).toEqual([
      "England 2016: optimised plan",
      "",
      "                               start     result",
      "cross-footprint providers         78         42",
      "provider-footprint pairs         156         84",
      "footprints                        44         44",
      "population min               300,500    300,500",
      "population max             2,790,000  2,790,000",
      "rule errors                        1          0",
      "units moved                                   2",
      "",
    ]);
    expect(lines).toContain("  E1 (Bury): F1 -> F2");
    expect(lines).toContain("  E2: F2 -> F3");
    expect(lines).toContain("search: seed 7, 2 replicas on 2 threads, 1,000,000 proposals, 2,500,000 moves evaluated (1,050,000/s per thread) in 1.2 s");
    expect(lines[lines.length - 2]).toBe("PASS the result has 0 rule errors and 42 warnings (as `check` reports them)");
  });

  it("optimise text: more than 40 moves are not listed; the trade-off table; a run that breaks the search's limits FAILs and says why", () => {
    const moves = Array.from({ length: 41 }, (_, i) => ({ unit: `E${i}`, name: "", from: "F1", to: "F2" }));
    const frontier = [
      { maxMoves: 0, crossFootprintProviders: null, unitsMoved: null },
      { maxMoves: 8, crossFootprintProviders: 66, unitsMoved: 8 },
      { maxMoves: null, crossFootprintProviders: 43, unitsMoved: 70 },
    ];
    const t = text(summary({ moves, unitsMoved: 41, frontier }, { feasible: false, problems: ["F3 has 2 pieces"], stopped: true }));
    expect(t).not.toContain("E0:");
    expect(t).toContain("trade-off: best cross-footprint providers by units moved\n  max moves  cross-footprint  moved\n          0    no valid plan       \n          8               66      8\n  unlimited               43     70\n");
    expect(t).toContain(", stopped early\n");
    expect(t).toContain("\nno plan met every rule: F3 has 2 pieces\n");
    expect(t.endsWith("FAIL the result has 0 rule errors and 42 warnings (as `check` reports them) but breaks the search's limits above\n")).toBe(true);
  });

  it("optimise text: without a start, no start column; the result's errors are listed", () => {
    const t = text(
      summary({ start: null, result: figures(40, 1), findings: [{ rule: "contiguity", severity: "error", message: "F9 is in 2 pieces" }] }),
    );
    expect(t).toContain("\n                                result\ncross-footprint providers           40\n");
    expect(t).toContain("\ncontiguity (1 finding)\n  error   F9 is in 2 pieces\n");
    expect(t.endsWith("FAIL the result has 1 rule error and 40 warnings (as `check` reports them)\n")).toBe(true);
  });

  it("optimise json: the summary as it is", () => {
    const out = collect();
    optimiseJson(summary(), out);
    expect(JSON.parse(out.text())).toEqual(summary());
  });
});
