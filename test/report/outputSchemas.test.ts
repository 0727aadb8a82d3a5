import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { zodToJsonSchema } from "zod-to-json-schema";
import { outputSchemas } from "../../src/report/outputSchemas.js";
import { runCli } from "../helpers/cli.js";
import { itShared, repoRoot } from "../helpers/shared.js";
import { smallAreaFiles } from "../helpers/smallAreas.js";

type Command = keyof typeof outputSchemas;

/** The JSON Schema generated from a command's zod schema, as shipped in schemas/. */
function generated(command: Command): object {
  const json = zodToJsonSchema(outputSchemas[command], { target: "jsonSchema7", $refStrategy: "none" }) as Record<string, unknown>;
  return { ...json, $id: `https://stp-footprint.invalid/schemas/${command}.schema.json`, title: `stp-footprint ${command} --format json` };
}

const schemaFile = (command: Command) => join(repoRoot, "schemas", `${command}.schema.json`);
const ajv = new Ajv({ allErrors: true, strict: true });
const validators = new Map<Command, ReturnType<typeof ajv.compile>>();

/** Validates a command's output against the shipped schema; returns the errors, [] when valid. */
function errorsOf(command: Command, stdout: string): string[] {
  let v = validators.get(command);
  if (!v) validators.set(command, (v = ajv.compile(JSON.parse(readFileSync(schemaFile(command), "utf8")))));
  return v(JSON.parse(stdout)) ? [] : (v.errors ?? []).map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`);
}

describe("JSON output schemas", () => {
  it("schemas: the shipped JSON Schemas are the ones generated from the zod schemas (REGEN=1 rewrites them)", () => {
    for (const command of Object.keys(outputSchemas) as Command[]) {
      const text = JSON.stringify(generated(command), null, 2) + "\n";
      if (process.env.REGEN === "1") writeFileSync(schemaFile(command), text);
      expect(readFileSync(schemaFile(command), "utf8"), `schemas/${command}.schema.json is stale: run REGEN=1 npx vitest run test/report/outputSchemas.test.ts`).toBe(text);
    }
  });

  it("schemas: a schema refuses an output with a missing or an extra field", () => {
    const ok = { ok: true, file: "u.geojson", units: 2, findings: [{ rule: "gaps", severity: "warning", message: "m", line: 3 }] };
    expect(errorsOf("validate", JSON.stringify(ok))).toEqual([]);
    expect(errorsOf("validate", JSON.stringify({ ...ok, units: undefined }))).not.toEqual([]);
    expect(errorsOf("validate", JSON.stringify({ ...ok, extra: 1 }))).not.toEqual([]);
    expect(errorsOf("validate", JSON.stringify({ ...ok, findings: [{ rule: "gaps", severity: "info", message: "m" }] }))).not.toEqual([]);
  });

  it("schemas: the demo's info, check, validate, optimise, diff and prepare outputs validate", async () => {
    const dir = mkdtempSync(join(tmpdir(), "stp-schemas-"));
    const plan = join(dir, "plan.csv");
    const runs: [Command, string[]][] = [
      ["info", ["info", "--format", "json"]],
      ["check", ["check", "--format", "json"]],
      ["validate", ["validate", "--format", "json"]],
      ["optimise", ["optimise", "--iterations", "3000", "--threads", "1", "--replicas", "1", "--out", plan, "--format", "json", "-q"]],
      ["diff", ["diff", join(repoRoot, "data/demo/plan.csv"), plan, "--format", "json"]],
    ];
    for (const [command, args] of runs) {
      const r = await runCli(args);
      expect(r.stderr, command).toBe("");
      expect(errorsOf(command, r.stdout), command).toEqual([]);
    }
    const f = smallAreaFiles(4, 4);
    const prepared = await runCli(["prepare", "--lookup", f.lookup, "--unit", "CCG16CD", "--footprint", "STP17CD", "--catchment", f.catchment, "--small-area-boundaries", f.smallAreaBoundaries, "--out", join(dir, "p"), "--format", "json"]);
    expect(errorsOf("prepare", prepared.stdout)).toEqual([]);
    expect(errorsOf("prepare", readFileSync(join(dir, "p", "prepare.json"), "utf8"))).toEqual([]);
    const refused = await runCli(["prepare", "--lookup", f.lookup, "--unit", "CCG16CD", "--small-area-boundaries", f.smallAreaBoundaries, "--population", f.catchment, "--population-area-column", "MSOA11CD", "--population-column", "proportion", "--out", join(dir, "q"), "--format", "json"]);
    expect(refused.code).toBe(1);
    expect(errorsOf("prepare", refused.stdout)).toEqual([]);
  }, 30_000);

  it("schemas: validate outputs with findings of every invalid fixture validate", async () => {
    const dir = join(repoRoot, "fixtures/validate/invalid");
    let findings = 0;
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".geojson"))) {
      const r = await runCli(["validate", join(dir, file), "--format", "json"]);
      findings += JSON.parse(r.stdout).findings.length;
      expect(errorsOf("validate", r.stdout), file).toEqual([]);
    }
    expect(findings).toBeGreaterThan(10);
  });

  itShared("schemas: check on England 2016 (findings with shares, pieces and areas) validates", async () => {
    const check = await runCli(["check", "--dataset", join(repoRoot, "fixtures/england/stp-footprint.json"), "--format", "json"]);
    expect(errorsOf("check", check.stdout)).toEqual([]);
  }, 30_000);
});
