import { availableParallelism } from "node:os";
import { Command } from "commander";
import type { CliContext } from "../context.js";
import { addOptions } from "../addOptions.js";

/** `stp-footprint optimise`: search for a plan with few cross-footprint providers. */
export function optimiseCommand(ctx: CliContext): Command {
  const cmd = new Command("optimise")
    .alias("optimize")
    .description("search for footprints that keep every rule and few cross-footprint providers");
  addOptions(cmd, "optimise");
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
    const { parseCommandOptions } = await import("../parseOptions.js");
    const { resolveDatasetSpec } = await import("../options.js");
    const o = parseCommandOptions("optimise", raw);
    const spec = await resolveDatasetSpec(o);
    const threads = o.threads ?? Math.max(1, availableParallelism());
    const inputs = [spec.boundaries, spec.population, spec.providers, spec.links, spec.areas, spec.plan, spec.providerSites, typeof o.start === "string" ? o.start : undefined, o.lock, spec.groups, spec.exceptions];
    const { assertNotInput } = await import("../../io/writeFileAtomic.js");
    const toStdout = o.out === "-";
    if (o.out !== undefined && !toStdout) assertNotInput(o.out, inputs, "--out");
    for (const map of o.map ?? []) assertNotInput(map, inputs, "--map");
    if (o.geojson !== undefined) assertNotInput(o.geojson, inputs, "--geojson");
    const mapToStdout = (o.map ?? []).includes("-");
    if (mapToStdout || o.geojson === "-" || o.frontier === "-") {
      const { UsageError } = await import("../../errors.js");
      throw new UsageError("only --out can write to standard output (-)", mapToStdout ? "--map" : o.geojson === "-" ? "--geojson" : "--frontier");
    }

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
        groups: spec.groups,
        exceptions: spec.exceptions,
        maxMoves: o.maxMoves,
        maxSplitAreas: o.maxSplitAreas,
        weights: spec.weights,
        margin: spec.margin,
        splitTolerance: o.splitTolerance,
        timeMs: o.time,
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
    await writeOptimiseOutputs(outcome, spec, { out: toStdout ? undefined : o.out, geojson: o.geojson, map: o.map, frontierDir: o.frontier, decimals: o.precision, invocation: ctx.invocation });
    const { optimiseJson, optimisePassed, optimiseText } = await import("../../report/optimise.js");
    const { palette } = await import("../../report/text.js");
    // With --out -, standard output carries the plan alone (to pipe into check -); the summary goes to stderr.
    const summaryOut = toStdout ? ctx.stderr : ctx.stdout;
    if (toStdout) {
      const { planToCsv } = await import("../../io/writePlan.js");
      ctx.stdout.write(planToCsv(outcome.plan));
    }
    if (o.format === "json") optimiseJson(outcome.summary, summaryOut);
    else optimiseText(outcome.summary, summaryOut, palette(ctx.color && !toStdout));
    ctx.code = optimisePassed(outcome.summary) ? 0 : 1;
  });
  return cmd;
}
