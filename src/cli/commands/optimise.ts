import { availableParallelism } from "node:os";
import { Command } from "commander";
import type { CliContext } from "../context.js";
import { addDatasetOptions } from "../datasetFlags.js";

/** `stp-footprint optimise`: search for a plan with few cross-footprint providers. */
export function optimiseCommand(ctx: CliContext): Command {
  const cmd = new Command("optimise")
    .alias("optimize")
    .description("search for footprints that keep every rule and few cross-footprint providers")
    .option("--start <plan>", "start plan CSV (default: the dataset's plan)")
    .option("--no-start", "ignore the dataset's plan and grow footprints from seeds")
    .option("--footprints <n>", "number of footprints, or a range like 40-48 (default: the start's count)")
    .option("--lock <file>", "CSV of units that must stay in a footprint (unit, footprint)")
    .option("--groups <file>", "CSV of keep-together groups (group, unit): each group's units share one footprint")
    .option("--exceptions <file>", "CSV of per-footprint population bounds (footprint or unit, min, max)")
    .option("--max-moves <n>", "move at most this many units from the start plan")
    .option("--max-split-areas <n>", "return no plan splitting more areas of --areas than this when one within it is found")
    .option("--weights <list>", "what to minimise, by name: cross, split, moved (e.g. cross=1,split=0.5,moved=0.02; default cross=1)")
    .option("--margin <share>", "count a provider as cross when two footprints each hold threshold - margin of it (e.g. 0.005)")
    .option("--split-tolerance <share>", "share of an area in a second footprint that counts as split (as check)", "0.01")
    .option("--time <duration>", "search time per replica, like 60s or 2m", "30s")
    .option("--iterations <n>", "proposals per replica instead of a time (with --seed: the same plan on every run)")
    .option("--seed <n>", "random seed", "1")
    .option("--threads <n>", "worker threads (default: the number of cores)")
    .option("--replicas <n>", "independent searches, best kept (default: --threads); fix it to get the same plan on any machine")
    .option("--out <file>", "write the plan as CSV (unit,footprint,footprint_name)")
    .option("--map <file>", "also draw the result: .svg, .png or .html (see `map`)")
    .option("--geojson <file>", "also write the footprints as dissolved polygons (GeoJSON)")
    .option("--frontier <dir>", "search the trade-off (caps on split areas and moves; each count of a range), the time shared; write each non-dominated plan and frontier.csv to DIR")
    .option("--format <name>", "summary as text or json", "text")
    .option("-q, --quiet", "no progress display");
  addDatasetOptions(cmd);
  cmd.addHelpText(
    "after",
    `
Every result reports every criterion (cross-footprint providers, split areas with --areas, units
moved, footprints), measured by the same rules as \`check\`, which also checks the locks, groups
and exceptions. A result footprint keeps a start footprint's id and name only when each holds the
majority of the other's people; others get a new id (NEW01...) and a name from their largest
local authorities (or units). With a count range (--footprints 40-48) each count is searched in
turn, the time shared, and the best plan per count reported.
Exit codes: 0 a plan with no rule error within the limits, 1 none found, 2 bad input or usage.
Ctrl-C stops the search and still writes the best plan found.

Examples:
  $ stp-footprint optimise --time 10s --out plan.csv          # the synthetic demo
  $ stp-footprint optimise --dataset england.json --time 60s --out plan.csv
  $ stp-footprint optimise --dataset england.json --max-split-areas 16 --max-moves 40 --time 60s
  $ stp-footprint optimise --dataset england.json --weights cross=1,split=0.5 --groups gm.csv --exceptions gm-max.csv
  $ stp-footprint optimise --dataset england.json --footprints 40-48 --time 5m
  $ stp-footprint optimise --dataset england.json --frontier frontier/ --time 5m`,
  );
  cmd.action(async (raw: Record<string, unknown>) => {
    const { z } = await import("zod");
    const { datasetOptionsSchema, numeric, parseOptions, resolveDatasetSpec } = await import("../options.js");
    const { UsageError } = await import("../../errors.js");
    const { parseDuration } = await import("../duration.js");
    const count = numeric((n) => n.int("must be a whole number").positive("must be at least 1"));
    const schema = datasetOptionsSchema.extend({
      start: z.union([z.string().min(1), z.boolean()]).optional(),
      footprints: z
        .string()
        .regex(/^\s*\d+\s*(-\s*\d+\s*)?$/, "must be a number or a range like 40-48")
        .transform((s) => {
          const [a, b] = s.split("-").map((x) => Number(x.trim()));
          return { min: a, max: b ?? a };
        })
        .refine((r) => r.min >= 1 && r.min <= r.max, "must be at least 1, and a range must run upwards")
        .optional(),
      lock: z.string().min(1).optional(),
      groups: z.string().min(1).optional(),
      exceptions: z.string().min(1).optional(),
      maxSplitAreas: numeric((n) => n.int("must be a whole number").nonnegative("must not be negative")).optional(),
      weights: z
        .string()
        .transform((text, ctx) => {
          const out: Partial<Record<"cross" | "split" | "moved", number>> = {};
          for (const part of text.split(",")) {
            const m = /^\s*([a-z]+)\s*=\s*([+]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?)\s*$/.exec(part);
            if (!m) {
              ctx.addIssue({ code: z.ZodIssueCode.custom, message: `"${part.trim()}" is not name=weight (names: cross, split, moved)` });
              return z.NEVER;
            }
            if (m[1] !== "cross" && m[1] !== "split" && m[1] !== "moved") {
              ctx.addIssue({ code: z.ZodIssueCode.custom, message: `unknown term "${m[1]}" (names: cross, split, moved)` });
              return z.NEVER;
            }
            out[m[1]] = Number(m[2]);
          }
          return out;
        })
        .optional(),
      margin: numeric((n) => n.min(0, "must not be negative").max(0.5, "must be at most 0.5")).optional(),
      splitTolerance: numeric((n) => n.min(0, "must not be negative").max(0.5, "must be at most 0.5")),
      maxMoves: numeric((n) => n.int("must be a whole number").nonnegative("must not be negative")).optional(),
      time: z.string(),
      iterations: count.optional(),
      seed: numeric((n) => n.int("must be a whole number").nonnegative("must not be negative").max(2 ** 32 - 1, "must be below 2^32")),
      threads: numeric((n) => n.int("must be a whole number").positive("must be at least 1").max(256, "must be at most 256")).optional(),
      replicas: numeric((n) => n.int("must be a whole number").positive("must be at least 1").max(1024, "must be at most 1024")).optional(),
      out: z.string().min(1).optional(),
      map: z
        .string()
        .min(1)
        .refine((f) => /\.(svg|png|html)$/i.test(f), "must end in .svg, .png or .html")
        .optional(),
      geojson: z.string().min(1).optional(),
      frontier: z.string().min(1).optional(),
      format: z.enum(["text", "json"]),
      quiet: z.boolean().optional(),
    });
    const o = parseOptions(schema, raw);
    const timeMs = parseDuration(o.time, "--time");
    const spec = await resolveDatasetSpec(o);
    const threads = o.threads ?? Math.max(1, availableParallelism());
    const inputs = [spec.boundaries, spec.population, spec.providers, spec.links, spec.areas, spec.plan, spec.providerSites, typeof o.start === "string" ? o.start : undefined, o.lock, o.groups, o.exceptions];
    const { assertNotInput } = await import("../../io/writeFileAtomic.js");
    if (o.out !== undefined) assertNotInput(o.out, inputs, "--out");
    if (o.map !== undefined) assertNotInput(o.map, inputs, "--map");
    if (o.geojson !== undefined) assertNotInput(o.geojson, inputs, "--geojson");
    if (o.start === true) throw new UsageError("needs a file", "--start");

    const { progressLine } = await import("../progress.js");
    const progress = progressLine(ctx.stderr, ctx.progress && !o.quiet && o.format === "text", "optimising");
    // Ctrl-C: ask the search to stop; it returns its best plan, which is then written as usual.
    const stop = new Int32Array(new SharedArrayBuffer(4));
    const onSigint = () => {
      if (Atomics.load(stop, 0)) process.exit(130);
      Atomics.store(stop, 0, 1);
    };
    process.on("SIGINT", onSigint);
    const { runOptimise } = await import("../../app/optimise.js");
    let outcome;
    try {
      outcome = await runOptimise(spec, {
        start: o.start === false ? null : o.start,
        footprints: o.footprints,
        lock: o.lock,
        groups: o.groups,
        exceptions: o.exceptions,
        maxMoves: o.maxMoves,
        maxSplitAreas: o.maxSplitAreas,
        weights: o.weights,
        margin: o.margin,
        splitTolerance: o.splitTolerance,
        timeMs,
        iterations: o.iterations,
        seed: o.seed,
        threads,
        replicas: o.replicas,
        frontier: o.frontier !== undefined,
        onProgress: (p) => progress.update(p),
        stop,
      });
    } finally {
      process.off("SIGINT", onSigint);
      progress.done();
    }
    const { writeOptimiseOutputs } = await import("../../app/optimise.js");
    await writeOptimiseOutputs(outcome, spec, { out: o.out, geojson: o.geojson, map: o.map, frontierDir: o.frontier });
    const { optimiseJson, optimisePassed, optimiseText } = await import("../../report/optimise.js");
    const { palette } = await import("../../report/text.js");
    if (o.format === "json") optimiseJson(outcome.summary, ctx.stdout);
    else optimiseText(outcome.summary, ctx.stdout, palette(ctx.color));
    ctx.code = optimisePassed(outcome.summary) ? 0 : 1;
  });
  return cmd;
}
