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
Exit codes: 0 a plan with no rule error within the limits, 1 none found, 2 bad input or usage,
130 interrupted by a second Ctrl-C.
Ctrl-C stops the search and still writes the best plan found; a second Ctrl-C stops at once,
leaving every output as it was. Outputs (--out, --geojson, --map, the --frontier folder's files)
are checked before the search: none may be an input or another output, and their folders must be
writable. Each is written whole or not at all, all renamed into place together; a symbolic link
given as an output is written through to its target.

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
    const toStdout = o.out === "-";
    const mapToStdout = (o.map ?? []).includes("-");
    if (mapToStdout || o.geojson === "-" || o.frontier === "-") {
      const { UsageError } = await import("../../errors.js");
      throw new UsageError("only --out can write to standard output (-)", mapToStdout ? "--map" : o.geojson === "-" ? "--geojson" : "--frontier");
    }
    const options = {
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
    };
    // Outputs are checked before the search, so that a bad path stops the run at once.
    const files = { out: toStdout ? undefined : o.out, geojson: o.geojson, map: o.map, frontierDir: o.frontier, decimals: o.precision, invocation: ctx.invocation };
    const { optimiseOutputs, runOptimise, writeOptimiseOutputs } = await import("../../app/optimise.js");
    const outputs = await optimiseOutputs(spec, options, files);

    const { progressLine } = await import("../progress.js");
    const showProgress = ctx.progress && !o.quiet && o.format === "text";
    const progress = progressLine(ctx.stderr, showProgress, "optimising");
    // Ctrl-C: the first asks the search to stop; it returns its best plan, which is then written
    // as usual. A second stops at once: outputs not yet renamed into place are left as they were.
    const stop = new Int32Array(new SharedArrayBuffer(4));
    const { onInterrupt } = await import("../interrupt.js");
    const done = onInterrupt({ stderr: ctx.stderr, command: "optimise", outputs, stopSearch: () => Atomics.store(stop, 0, 1), clearLine: showProgress });
    try {
      let outcome;
      try {
        outcome = await runOptimise(spec, { ...options, onProgress: (p) => progress.update(p), stop });
      } finally {
        progress.done();
      }
      await writeOptimiseOutputs(outcome, spec, files, outputs);
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
    } finally {
      done();
    }
  });
  return cmd;
}
