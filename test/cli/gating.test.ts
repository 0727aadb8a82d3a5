import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { repoRoot } from "../helpers/shared.js";

const tiny = ["--dataset", resolve(repoRoot, "fixtures/tiny/stp-footprint.json")];
const clockwise = resolve(repoRoot, "fixtures/validate/invalid/wrong-winding.geojson");

describe("--max-warnings and --rule (check, validate)", () => {
  it("check --max-warnings: exit 1 with a line on stderr when there are more warnings than N, 0 when not", async () => {
    // The tiny dataset's plan keeps every rule and has one warning (cross-footprint provider P2).
    const plain = await runCli(["check", ...tiny]);
    expect([plain.code, plain.stdout]).toEqual([0, expect.stringMatching(/PASS 0 errors, 1 warning/)]);
    const over = await runCli(["check", ...tiny, "--max-warnings", "0"]);
    expect(over.code).toBe(1);
    expect(over.stderr).toBe("stp-footprint: [check] 1 warning, more than --max-warnings 0\n");
    const within = await runCli(["check", ...tiny, "--max-warnings", "1"]);
    expect([within.code, within.stderr]).toEqual([0, ""]);
  });

  it("check --rule: a warning rule made an error fails the check; off drops its findings", async () => {
    const error = await runCli(["check", ...tiny, "--rule", "cross-footprint-provider=error", "--format", "json"]);
    expect(error.code).toBe(1);
    const json = JSON.parse(error.stdout) as { ok: boolean; findings: { rule: string; severity: string }[] };
    expect(json.ok).toBe(false);
    expect(json.findings.map((f) => [f.rule, f.severity])).toEqual([["cross-footprint-provider", "error"]]);
    const off = await runCli(["check", ...tiny, "--rule", "cross-footprint-provider=off", "--max-warnings", "0", "--format", "json"]);
    expect(off.code).toBe(0);
    expect(JSON.parse(off.stdout).findings).toEqual([]);
  });

  it("check --rule: repeatable, the last setting of a rule wins", async () => {
    const r = await runCli(["check", ...tiny, "--rule", "cross-footprint-provider=off", "--rule", "population-min=warning", "--rule", "cross-footprint-provider=error"]);
    expect(r.code).toBe(1);
  });

  it("validate: --max-warnings 0 fails on a warning, --rule makes it an error or drops it", async () => {
    expect((await runCli(["validate", clockwise])).code).toBe(0);
    const over = await runCli(["validate", clockwise, "--max-warnings", "0"]);
    expect(over.code).toBe(1);
    expect(over.stderr).toBe("stp-footprint: [validate] 1 warning, more than --max-warnings 0\n");
    const error = await runCli(["validate", clockwise, "--rule", "winding-order=error", "--format", "json"]);
    expect(error.code).toBe(1);
    expect(JSON.parse(error.stdout).findings.map((f: { rule: string; severity: string }) => [f.rule, f.severity])).toEqual([["winding-order", "error"]]);
    const off = await runCli(["validate", clockwise, "--rule", "winding-order=off", "--max-warnings", "0"]);
    expect([off.code, off.stderr]).toEqual([0, ""]);
  });

  it("--rule and --max-warnings are refused with one line naming the option when malformed", async () => {
    for (const [args, message] of [
      [["--rule", "winding-order"], /--rule: "winding-order" is not rule=severity/],
      [["--rule", "windng-order=off"], /--rule: "windng-order": unknown rule \(did you mean "winding-order"\?\)/],
      [["--max-warnings", "1.5"], /--max-warnings: must be a whole number/],
    ] as const) {
      const r = await runCli(["validate", clockwise, ...args]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
    }
  });
});
