import { describe, expect, it } from "vitest";
import { bestSoFar, progressLine } from "../../src/cli/progress.js";
import type { Progress } from "../../src/optimise/instance.js";

const report = (replica: number, cross: number, tie: number, phase: Progress["phase"] = "search"): Progress => ({
  phase,
  iteration: 1000,
  elapsedMs: 10,
  current: { cross, tie, moved: 3 },
  best: { cross, tie, moved: 3 },
  temperature: 1,
  replica,
});

describe("progress", () => {
  it("bestSoFar: interleaved replica reports never make the best worse", () => {
    const best = bestSoFar();
    // Replica 0 is ahead of replica 1: reported one after the other, each replica's own best alternates.
    const shown = [report(0, 60, 1), report(1, 70, 2), report(0, 50, 1), report(1, 55, 1), report(1, 45, 3), report(0, 48, 0)].map((p) => best.update(p).cross);
    expect(shown).toEqual([60, 60, 50, 50, 45, 45]);
    for (let i = 1; i < shown.length; i++) expect(shown[i]).toBeLessThanOrEqual(shown[i - 1]);
  });

  it("bestSoFar: a replica still repairing its start does not replace a searching replica's best", () => {
    const best = bestSoFar();
    best.update(report(0, 90, 5, "repair"));
    expect(best.value!.cross).toBe(90);
    best.update(report(1, 80, 5, "search"));
    best.update(report(0, 10, 0, "repair")); // a repair objective is not comparable: ignored once searching
    expect(best.value!.cross).toBe(80);
  });

  it("progressLine: the line shows the best over all replicas", () => {
    let text = "";
    const line = progressLine({ write: (s: string) => (text += s) }, true, "optimising");
    line.update(report(0, 50, 1));
    const lastShown = () => text.split("\r").filter(Boolean).pop()!;
    expect(lastShown()).toContain("best: 50 cross-footprint providers");
    line.done();
  });
});
