import { resolve } from "node:path";
import { type ICruiseResult, cruise } from "dependency-cruiser";
import extractDepcruiseOptions from "dependency-cruiser/config-utl/extract-depcruise-options";
import extractTSConfig from "dependency-cruiser/config-utl/extract-ts-config";
import { describe, expect, it } from "vitest";
import { repoRoot } from "./helpers/shared.js";

// The dependency rules of .dependency-cruiser.cjs (the layering cli -> app -> map | report ->
// optimise | rules | io -> model, no cycles), run on src/ and on a fixture that breaks them.

/** The violations found in `root`'s src/, as "rule: from -> to" lines, by severity. */
async function violations(root: string): Promise<{ errors: string[]; warnings: string[] }> {
  const options = await extractDepcruiseOptions(resolve(repoRoot, ".dependency-cruiser.cjs"));
  const { output } = await cruise(
    ["src"],
    { ...options, baseDir: root, validate: true, outputType: "json" },
    undefined,
    { tsConfig: extractTSConfig(resolve(root, "tsconfig.json")) },
  );
  const result = (typeof output === "string" ? JSON.parse(output) : output) as ICruiseResult;
  const line = (v: ICruiseResult["summary"]["violations"][number]) => `${v.rule.name}: ${v.from} -> ${v.to}`;
  return {
    errors: result.summary.violations.filter((v) => v.rule.severity === "error").map(line),
    warnings: result.summary.violations.filter((v) => v.rule.severity !== "error").map(line),
  };
}

describe("layering", () => {
  it("layering: src/ keeps the dependency rules (imports point one way, no cycles)", async () => {
    const { errors, warnings } = await violations(repoRoot);
    expect(errors, errors.join("\n")).toEqual([]);
    // The optimiser's known type-only cycles are reported, not failed (.dependency-cruiser.cjs).
    expect(warnings.filter((w) => !w.startsWith("optimise-type-cycles: src/optimise/"))).toEqual([]);
  }, 60_000);

  it("layering: the rules refuse a report -> cli import, a type-only cycle in the model, the demo importing the optimiser and a run-time cycle in the optimiser", async () => {
    const { errors } = await violations(resolve(repoRoot, "fixtures/layering"));
    expect(errors.sort()).toEqual([
      "demo-only-what-the-generator-needs: src/demo/generate.ts -> src/optimise/random.ts",
      "no-circular-optimise: src/optimise/chain.ts -> src/optimise/ladder.ts",
      "no-circular: src/model/flatRings.ts -> src/model/types.ts",
      "not-to-cli: src/report/text.ts -> src/cli/context.ts",
    ]);
  }, 60_000);
});
