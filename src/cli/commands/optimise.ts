import { availableParallelism } from "node:os";
import { Command } from "commander";
import type { CliContext } from "../context.js";
import { addDatasetOptions } from "../datasetFlags.js";
import { collect, once } from "../repeatable.js";

/** `stp-footprint optimise`: search for a plan with few cross-footprint providers. */
export function optimiseCommand(ctx: CliContext): Command {
  const cmd = new Command("optimise")
    .alias("optimize")
    .description("search for footprints that keep every rule and few cross-footprint providers")
    .option("--start <plan>", "start plan CSV (default: the dataset's plan)")
    .option("--no-start", "ignore the dataset's plan and grow footprints from seeds")
    .option("--footprints <n>", "number of footprints, or a range like 40-48 (default: the start's count)")
    .option("--lock <file>", "CSV of units that must stay in a footprint (unit, footprint)")
    .option("--max-moves <n>", "move at most this many units from the start plan")
    .option("--time <duration>", "search time per replica, like 60s or 2m", "30s")
    .option("--iterations <n>", "proposals per replica instead of a time (with --seed: the same plan on every run)")
    .option("--seed <n>", "random seed", "1")
    .option("--threads <n>", "worker threads (default: the number of cores)")
    .option("--replicas <n>", "independent searches, best kept (default: --threads); fix it to get the same plan on any machine")
    .option("--out <file>", "write the plan as CSV (unit,footprint,footprint_name)", once("--out"))
    .option("--map <file>", "also draw the result: .svg, .png or .html (see `map`); repeat it for several files", collect)
    .option("--geojson <file>", "also write the footprints as dissolved polygons (GeoJSON)", once("--geojson"))
    .option("--precision <decimals>", "decimal places of the --geojson coordinates (a coarser grid than 5 on longitude/latitude leaves overlaps and gaps of its size between footprints)", "6")
    .option("--frontier", "report the best cross-footprint count for max moves 0, 1, 2, 4, 8, 16, 32 and unlimited")
    .option("--format <name>", "summary as text or json", "text")
    .option("-q, --quiet", "no progress display");
  addDatasetOptions(cmd);
  cmd.addHelpText(
    "after",
    `
The result is checked with the same rules as \`check\`; exit code 0 when it has no rule error, 1
when it has (no valid plan was found), 2 for bad input or usage. Ctrl-C stops the search and still
writes the best plan found.

Examples:
  $ stp-footprint optimise --time 10s --out plan.csv          # the synthetic demo
  $ stp-footprint optimise --dataset england.json --time 60s --out plan.csv
  $ stp-footprint optimise --dataset england.json --max-moves 10 --iterations 2000000 --seed 7
  $ stp-footprint optimise --dataset england.json --frontier --time 20s`,
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
      maxMoves: numeric((n) => n.int("must be a whole number").nonnegative("must not be negative")).optional(),
      time: z.string(),
      iterations: count.optional(),
      seed: numeric((n) => n.int("must be a whole number").nonnegative("must not be negative").max(2 ** 32 - 1, "must be below 2^32")),
      threads: numeric((n) => n.int("must be a whole number").positive("must be at least 1").max(256, "must be at most 256")).optional(),
      replicas: numeric((n) => n.int("must be a whole number").positive("must be at least 1").max(1024, "must be at most 1024")).optional(),
      out: z.string().min(1).optional(),
      map: z
        .array(z.string().min(1).refine((f) => /\.(svg|png|html)$/i.test(f), "must end in .svg, .png or .html"))
        .refine((fs) => new Set(fs).size === fs.length, "names one file twice")
        .optional(),
      geojson: z.string().min(1).optional(),
      precision: numeric((n) => n.int("must be a whole number").min(0, "must not be negative").max(15, "must be at most 15")),
      frontier: z.boolean().optional(),
      format: z.enum(["text", "json"]),
      quiet: z.boolean().optional(),
    });
    const o = parseOptions(schema, raw);
    const timeMs = parseDuration(o.time, "--time");
    const spec = await resolveDatasetSpec(o);
    const threads = o.threads ?? Math.max(1, availableParallelism());
    const inputs = [spec.boundaries, spec.population, spec.providers, spec.links, spec.plan, spec.providerSites, typeof o.start === "string" ? o.start : undefined, o.lock];
    const { assertNotInput } = await import("../../io/writeFileAtomic.js");
    if (o.out !== undefined) assertNotInput(o.out, inputs, "--out");
    for (const map of o.map ?? []) assertNotInput(map, inputs, "--map");
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
        maxMoves: o.maxMoves,
        timeMs,
        iterations: o.iterations,
        seed: o.seed,
        threads,
        replicas: o.replicas,
        frontier: o.frontier ?? false,
        onProgress: (p) => progress.update(p),
        stop,
      });
    } finally {
      process.off("SIGINT", onSigint);
      progress.done();
    }
    const { writeOptimiseOutputs } = await import("../../app/optimise.js");
    await writeOptimiseOutputs(outcome, spec, { out: o.out, geojson: o.geojson, map: o.map, decimals: o.precision, invocation: ctx.invocation });
    const { optimiseJson, optimisePassed, optimiseText } = await import("../../report/optimise.js");
    const { palette } = await import("../../report/text.js");
    if (o.format === "json") optimiseJson(outcome.summary, ctx.stdout);
    else optimiseText(outcome.summary, ctx.stdout, palette(ctx.color));
    ctx.code = optimisePassed(outcome.summary) ? 0 : 1;
  });
  return cmd;
}
