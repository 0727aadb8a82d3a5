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
    .option("--max-moves <n>", "move at most this many units from the start plan")
    .option("--time <duration>", "search time per replica, like 60s or 2m", "30s")
    .option("--iterations <n>", "proposals per replica instead of a time (with --seed: the same plan on every run)")
    .option("--seed <n>", "random seed", "1")
    .option("--threads <n>", "worker threads (default: the number of cores)")
    .option("--replicas <n>", "independent searches, best kept (default: --threads); fix it to get the same plan on any machine")
    .option("--out <file>", "write the plan as CSV (unit,footprint,footprint_name)")
    .option("--map <file>", "also draw the result: .svg, .png or .html (see `map`)")
    .option("--geojson <file>", "also write the footprints as dissolved polygons (GeoJSON)")
    .option("--frontier", "report the best cross-footprint count for max moves 0, 1, 2, 4, 8, 16, 32 and unlimited")
    .option("--format <name>", "summary as text or json", "text")
    .option("-q, --quiet", "no progress display");
  addDatasetOptions(cmd);
  cmd.addHelpText(
    "after",
    `
The result is checked with the same rules as \`check\`; exit code 0 when it has no rule error, 1
when it has (no valid plan was found), 2 for bad input or usage. Ctrl-C stops the search and still
writes the best plan found; a second Ctrl-C stops at once, leaving every output as it was.
Outputs (--out, --geojson, --map) are checked before the search: none may be an input or another
output, and their folders must be writable. Each is written whole or not at all, all renamed into
place together; a symbolic link given as an output is written through to its target.

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
        .string()
        .min(1)
        .refine((f) => /\.(svg|png|html)$/i.test(f), "must end in .svg, .png or .html")
        .optional(),
      geojson: z.string().min(1).optional(),
      frontier: z.boolean().optional(),
      format: z.enum(["text", "json"]),
      quiet: z.boolean().optional(),
    });
    const o = parseOptions(schema, raw);
    const timeMs = parseDuration(o.time, "--time");
    const spec = await resolveDatasetSpec(o);
    const threads = o.threads ?? Math.max(1, availableParallelism());
    if (o.start === true) throw new UsageError("needs a file", "--start");
    const { prepareOutputs } = await import("../../app/outputs.js");
    const outputs = await prepareOutputs(
      spec,
      [
        { option: "--out", path: o.out },
        { option: "--geojson", path: o.geojson },
        { option: "--map", path: o.map },
      ],
      [
        { path: typeof o.start === "string" ? o.start : undefined, what: "--start" },
        { path: o.lock, what: "--lock" },
      ],
    );

    const { progressLine } = await import("../progress.js");
    const showProgress = ctx.progress && !o.quiet && o.format === "text";
    const progress = progressLine(ctx.stderr, showProgress, "optimising");
    // Ctrl-C: the first asks the search to stop; it returns its best plan, which is then written
    // as usual. A second stops at once: outputs not yet renamed into place are left as they were.
    const stop = new Int32Array(new SharedArrayBuffer(4));
    const { onInterrupt } = await import("../interrupt.js");
    const done = onInterrupt({ stderr: ctx.stderr, command: "optimise", outputs, stopSearch: () => Atomics.store(stop, 0, 1), clearLine: showProgress });
    const { runOptimise, writeOptimiseOutputs } = await import("../../app/optimise.js");
    let outcome;
    try {
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
        progress.done();
      }
      await writeOptimiseOutputs(outcome, spec, outputs);
      const { optimiseJson, optimisePassed, optimiseText } = await import("../../report/optimise.js");
      const { palette } = await import("../../report/text.js");
      if (o.format === "json") optimiseJson(outcome.summary, ctx.stdout);
      else optimiseText(outcome.summary, ctx.stdout, palette(ctx.color));
      ctx.code = optimisePassed(outcome.summary) ? 0 : 1;
    } finally {
      done();
    }
  });
  return cmd;
}
