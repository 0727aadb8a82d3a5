import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { planRules } from "../../src/rules/index.js";
import { geometryChecks } from "../../src/rules/dataset/index.js";
import { isRuleId, nearestRuleId, ruleIds } from "../../src/options/ruleIds.js";
import { repoRoot } from "../helpers/shared.js";

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith(".ts") ? [p] : [];
  });
}

describe("rule ids", () => {
  it("ruleIds: every rule id a finding or data issue is given in src/ is known (so a manifest may set its severity)", () => {
    const used = new Set<string>();
    for (const file of sources(resolve(repoRoot, "src"))) {
      const text = readFileSync(file, "utf8");
      for (const m of text.matchAll(/\brule: "([a-z0-9-]+)"/g)) used.add(m[1]);
      // prepare's findings come from countedFinding("rule-id", ...).
      for (const m of text.matchAll(/\bcountedFinding\(\s*"([a-z0-9-]+)"/g)) used.add(m[1]);
    }
    for (const id of Object.keys(geometryChecks)) used.add(id);
    for (const id of Object.keys(planRules)) if (id !== "population-bounds") used.add(id);
    expect(used.size).toBeGreaterThan(30);
    expect([...used].filter((id) => !isRuleId(id))).toEqual([]);
    expect(ruleIds.filter((id) => !used.has(id))).toEqual([]);
  });

  it("nearestRuleId: a misspelt id gets a suggestion, a far one none", () => {
    expect(nearestRuleId("split-aera")).toBe("split-area");
    expect(nearestRuleId("contiguty")).toBe("contiguity");
    expect(nearestRuleId("Overlaps")).toBe("overlaps");
    expect(nearestRuleId("banana")).toBeUndefined();
  });
});
