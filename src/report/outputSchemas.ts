import { z } from "zod";
import type { OptimiseSummary } from "../app/optimise.js";
import type { PrepareResult } from "../app/prepare.js";
import type { ValidateResult } from "../app/validate.js";
import type { DataIssue } from "../model/population.js";
import type { DatasetSummary } from "../model/summary.js";
import type { Finding } from "../model/types.js";
import type { CheckResult } from "../rules/checkPlan.js";
import type { PlanComparison } from "../rules/comparePlans.js";

/**
 * The shape of every command's `--format json` output, as zod schemas: the JSON Schemas shipped in
 * `schemas/` are generated from these (test/report/outputSchemas.test.ts, `REGEN=1` to rewrite),
 * and the compile-time checks at the end make each schema describe exactly the TypeScript type the
 * command prints, so neither can change without the other.
 */

const finding = z
  .object({
    rule: z.string().describe("rule id, e.g. population-max"),
    severity: z.enum(["error", "warning"]),
    message: z.string().describe("a plain sentence, no colour codes"),
    footprint: z.string().optional(),
    units: z.array(z.string()).optional(),
    provider: z.string().optional(),
    providerName: z.string().optional().describe("the provider's name, where the dataset names providers"),
    shares: z.record(z.string(), z.number()).optional().describe("footprint (or area) id -> share"),
    pieces: z.array(z.array(z.string())).optional().describe("contiguity: the units of each piece, the main piece first"),
    location: z.tuple([z.number(), z.number()]).optional().describe("[longitude, latitude] or projected [x, y]"),
    suggestion: z.string().optional(),
    file: z.string().optional().describe("the input file the finding is about"),
    line: z.number().int().optional().describe("1-based line of that file (a CSV row, or where a GeoJSON feature starts)"),
  })
  .strict();

const dataIssue = z
  .object({
    rule: z.string(),
    severity: z.enum(["error", "warning"]),
    message: z.string(),
    file: z.string().optional(),
    line: z.number().int().optional(),
    units: z.array(z.string()).optional(),
  })
  .strict();

const population = z.object({ min: z.number(), max: z.number(), total: z.number() }).strict();

const metrics = z
  .object({
    units: z.number().int(),
    footprints: z.number().int(),
    population,
    crossFootprintProviders: z.number().int(),
    providerFootprintPairs: z.number().int(),
    splitAreas: z.number().int(),
    crossAtMargin: z.number().int().optional().describe("with a margin m: providers two footprints each hold at least threshold - m of"),
  })
  .strict();

const nearThreshold = z
  .object({
    provider: z.string(),
    providerName: z.string().optional().describe("the provider's name, where the dataset names providers"),
    largest: z.number(),
    second: z.number(),
    footprints: z.tuple([z.string(), z.string()]).describe("the footprints holding the largest and second-largest shares"),
    cross: z.boolean(),
  })
  .strict()
  .describe("a provider whose second-largest footprint share is within half a percentage point of the threshold");

/** `check --format json`. */
export const checkOutput = z
  .object({
    ok: z.boolean().describe("no finding of error severity"),
    metrics,
    footprints: z.array(
      z
        .object({
          id: z.string(),
          name: z.string(),
          population: z.number(),
          units: z.array(z.string()),
          components: z.number().int().describe("connected pieces (1: contiguous)"),
          status: z.enum(["ok", "warning", "error"]),
        })
        .strict(),
    ),
    findings: z.array(finding),
    nearThreshold: z.array(nearThreshold),
  })
  .strict()
  .describe("stp-footprint check --format json");

/** `validate --format json`. */
export const validateOutput = z
  .object({
    ok: z.boolean(),
    file: z.string(),
    units: z.number().int(),
    findings: z.array(finding),
    fixed: z.string().optional(),
    populationTotal: z.number().optional(),
  })
  .strict()
  .describe("stp-footprint validate --format json");

/** `info --format json`. */
export const infoOutput = z
  .object({
    name: z.string(),
    synthetic: z.boolean(),
    files: z.record(z.string(), z.string()),
    units: z.number().int(),
    coordinates: z.enum(["longitude/latitude", "projected"]),
    population: z.object({ source: z.string(), total: z.number(), min: z.number(), max: z.number(), missing: z.number().int() }).strict().nullable(),
    adjacency: z
      .object({
        kind: z.enum(["rook", "queen"]),
        pairs: z.number().int(),
        linkedPairs: z.number().int(),
        isolated: z.array(z.object({ id: z.string(), name: z.string() }).strict()),
        components: z.number().int(),
      })
      .strict(),
    providers: z.object({ count: z.number().int(), entries: z.number().int(), totalActivity: z.number() }).strict().nullable(),
    links: z.number().int(),
    plan: z.object({ source: z.string(), footprints: z.number().int(), rows: z.number().int() }).strict().nullable(),
    params: z.object({ populationMin: z.number(), populationMax: z.number(), threshold: z.number() }).strict(),
    notes: z.array(dataIssue),
  })
  .strict()
  .describe("stp-footprint info --format json");

const planFigures = {
  footprints: z.number().int(),
  population,
  crossFootprintProviders: z.number().int(),
  providerFootprintPairs: z.number().int(),
  splitAreas: z.number().int().nullable().describe("split areas of the second geography (null without areas)"),
  crossAtMargin: z.number().int().optional(),
  errors: z.number().int(),
  warnings: z.number().int(),
  nearThreshold: z.array(nearThreshold),
};

const termWeights = z.object({ cross: z.number(), split: z.number(), moved: z.number() }).strict();

/** `optimise --format json`. */
export const optimiseOutput = z
  .object({
    dataset: z.string(),
    synthetic: z.boolean(),
    start: z.object({ ...planFigures, source: z.string() }).strict().nullable(),
    result: z.object(planFigures).strict(),
    unitsMoved: z.number().int().describe("units whose footprint id differs from the start's"),
    moves: z.array(z.object({ unit: z.string(), name: z.string(), from: z.string(), fromName: z.string(), to: z.string(), toName: z.string() }).strict()),
    footprints: z.array(z.object({ id: z.string(), name: z.string(), continues: z.string().nullable().describe("the start footprint it continues, or null when new") }).strict()),
    objective: z
      .object({
        weights: termWeights,
        maxMoves: z.number().int().nullable(),
        maxSplitAreas: z.number().int().nullable(),
        margin: z.number().nullable(),
        footprints: z.object({ min: z.number().int(), max: z.number().int() }).strict().nullable(),
      })
      .strict(),
    byCount: z
      .array(
        z
          .object({
            footprints: z.number().int(),
            crossFootprintProviders: z.number().int(),
            splitAreas: z.number().int().nullable(),
            unitsMoved: z.number().int(),
            errors: z.number().int(),
            feasible: z.boolean(),
          })
          .strict(),
      )
      .nullable(),
    search: z
      .object({
        seed: z.number().int(),
        threads: z.number().int(),
        replicas: z.number().int(),
        iterations: z.number(),
        evaluatedMoves: z.number(),
        movesPerSecondPerThread: z.number(),
        seconds: z.number(),
        stopped: z.boolean(),
        feasible: z.boolean(),
        problems: z.array(z.string()),
      })
      .strict(),
    frontier: z
      .array(
        z
          .object({
            file: z.string(),
            footprints: z.number().int(),
            crossFootprintProviders: z.number().int(),
            splitAreas: z.number().int().nullable(),
            unitsMoved: z.number().int(),
          })
          .strict(),
      )
      .nullable(),
    findings: z.array(finding),
  })
  .strict()
  .describe("stp-footprint optimise --format json");

const planSide = z
  .object({
    source: z.string(),
    ok: z.boolean(),
    metrics,
    errors: z.number().int(),
    warnings: z.number().int(),
    findings: z.record(z.string(), z.number().int()).describe("findings per rule id"),
  })
  .strict();

const footprintUnits = z.object({ footprint: z.string(), name: z.string(), units: z.array(z.string()) }).strict();

/** `diff --format json`. */
export const diffOutput = z
  .object({
    planA: z.string(),
    planB: z.string(),
    a: planSide,
    b: planSide,
    diff: z
      .object({
        moved: z.array(z.object({ unit: z.string(), name: z.string(), from: z.string().nullable(), fromName: z.string(), to: z.string().nullable(), toName: z.string() }).strict()),
        created: z.array(footprintUnits),
        removed: z.array(footprintUnits),
        changed: z.array(z.object({ footprint: z.string(), name: z.string(), gained: z.array(z.string()), lost: z.array(z.string()), unitNames: z.record(z.string(), z.string()).optional().describe("names of the units gained and lost") }).strict()),
        unchanged: z.number().int(),
      })
      .strict(),
  })
  .strict()
  .describe("stp-footprint diff --format json");

/** `prepare --format json` (and prepare.json in the folder it writes). */
export const prepareOutput = z
  .object({
    ok: z.boolean().describe("no finding of error severity: the dataset was written"),
    name: z.string(),
    out: z.string(),
    files: z.array(z.string()),
    manifest: z.string().nullable(),
    columns: z.record(z.string(), z.string()),
    counts: z
      .object({
        smallAreas: z.number().int(),
        units: z.number().int(),
        population: z.number(),
        footprints: z.number().int(),
        providers: z.number().int(),
        providerRows: z.number().int(),
        areaRows: z.number().int(),
        links: z.number().int(),
        boundaryFeatures: z.number().int(),
      })
      .strict(),
    boundaries: z.enum(["given", "dissolved"]),
    inputs: z.array(z.object({ role: z.string(), file: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/) }).strict()),
    version: z.string().optional(),
    command: z.string().optional(),
    findings: z.array(finding),
  })
  .strict()
  .describe("stp-footprint prepare --format json");

/** Every command's JSON output schema, by command name. */
export const outputSchemas = {
  info: infoOutput,
  check: checkOutput,
  validate: validateOutput,
  optimise: optimiseOutput,
  diff: diffOutput,
  prepare: prepareOutput,
} as const;

// Compile-time: each schema's type is the type the command prints (mutual assignability); a
// schema and a type that drift apart fail the build here.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
export type OutputSchemasMatchTypes = [
  Assert<Same<z.infer<typeof finding>, Finding>>,
  Assert<Same<z.infer<typeof dataIssue>, DataIssue>>,
  Assert<Same<z.infer<typeof checkOutput>, CheckResult>>,
  Assert<Same<z.infer<typeof validateOutput>, ValidateResult>>,
  Assert<Same<z.infer<typeof infoOutput>, DatasetSummary>>,
  Assert<Same<z.infer<typeof optimiseOutput>, OptimiseSummary>>,
  Assert<Same<z.infer<typeof diffOutput>, PlanComparison & { planA: string; planB: string }>>,
  Assert<Same<z.infer<typeof prepareOutput>, PrepareResult>>,
];
