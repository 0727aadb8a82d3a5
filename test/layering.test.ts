import { resolve } from "node:path";
import { type ICruiseResult, cruise } from "dependency-cruiser";
import extractDepcruiseOptions from "dependency-cruiser/config-utl/extract-depcruise-options";
import extractTSConfig from "dependency-cruiser/config-utl/extract-ts-config";
import { describe, expect, it } from "vitest";
import { repoRoot } from "./helpers/shared.js";

// The dependency rules of .dependency-cruiser.cjs (the layering cli -> app -> map | report ->
// optimise | rules | io -> model, no cycles), run on src/ and on a fixture that breaks them.

/** The violations found in `root`'s src/, as "rule: from -> to" lines. */
async function violations(root: string): Promise<string[]> {
  const options = await extractDepcruiseOptions(resolve(repoRoot, ".dependency-cruiser.cjs"));
  const { output } = await cruise(
    ["src"],
    { ...options, baseDir: root, validate: true, outputType: "json" },
    undefined,
    { tsConfig: extractTSConfig(resolve(root, "tsconfig.json")) },
  );
  const result = (typeof output === "string" ? JSON.parse(output) : output) as ICruiseResult;
  return result.summary.violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}${v.cycle ? ` (${v.cycle.map((c) => c.name).join(" -> ")})` : ""}`);
}

describe("layering", () => {
  it("layering: src/ keeps the dependency rules (imports point one way, no cycles)", async () => {
    const found = await violations(repoRoot);
    expect(found, found.join("\n")).toEqual([]);
  }, 60_000);

  it("layering: the rules refuse a report -> cli import, a type-only cycle in the model and the demo importing the optimiser", async () => {
    const found = await violations(resolve(repoRoot, "fixtures/layering"));
    expect(found.map((v) => v.replace(/ \(.*\)$/, "")).sort()).toEqual([
      "demo-only-what-the-generator-needs: src/demo/generate.ts -> src/optimise/random.ts",
      "no-circular: src/model/flatRings.ts -> src/model/types.ts",
      "not-to-cli: src/report/text.ts -> src/cli/context.ts",
    ]);
  }, 60_000);
});
