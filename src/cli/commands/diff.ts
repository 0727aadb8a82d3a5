import { Command } from "commander";
import type { CliContext } from "../context.js";
import { addOptions } from "../addOptions.js";

/** `stp-footprint diff PLAN_A PLAN_B`: what changed between two plans on one dataset. */
export function diffCommand(ctx: CliContext): Command {
  const cmd = new Command("diff")
    .description("compare two plans on one dataset: units moved, footprints created, removed or changed, and both plans' metrics")
    .argument("<planA>", "the plan before (CSV: unit, footprint[, name])")
    .argument("<planB>", "the plan after (CSV)");
  addOptions(cmd, "diff");
  cmd.addHelpText(
    "after",
    `
The dataset's plan columns (--footprint-column...) apply to a plan whose header has them;
otherwise the plan's columns are detected. With --out, a report a planning meeting can read:
the proposal's map with moved units hatched and numbered by transfer and the start's footprint
boundaries dashed, insets for dense areas, and tables of moved units, footprints, cross-footprint
providers and split local authorities before and after, with names and how it was made.
The --out files are checked before anything is read (none may be an input or another output, and
their folders must be writable), and written together, each whole or not at all; Ctrl-C leaves
them as they were.
Exit codes: 0 compared (whatever the differences or findings), 2 bad input or usage, 130
interrupted.

Examples:
  $ stp-footprint diff data/demo/plan.csv optimised.csv
  $ stp-footprint diff stp2016.csv proposal.csv --dataset england/stp-footprint.json --format markdown
  $ stp-footprint diff stp2016.csv proposal.csv --dataset england/stp-footprint.json --out report.html --out report.png`,
  );
  cmd.action(async (fileA: string, fileB: string, raw: Record<string, unknown>) => {
    const { parseCommandOptions } = await import("../parseOptions.js");
    const { resolveDatasetSpec } = await import("../options.js");
    const o = parseCommandOptions("diff", raw);
    const spec = await resolveDatasetSpec(o);
    // The report's files (--out) are checked before anything is read, and Ctrl-C is handled until
    // the comparison is printed.
    const { reportOutputs, runReport } = await import("../../app/report.js");
    const options = { splitTolerance: o.splitTolerance, out: o.out ?? [], invocation: ctx.invocation, width: o.width, scale: o.scale, title: o.title };
    const outputs = options.out.length ? await reportOutputs(spec, fileA, fileB, options) : undefined;
    const { onInterrupt } = await import("../interrupt.js");
    const done = onInterrupt({ stderr: ctx.stderr, command: "diff", outputs });
    try {
      if (outputs) await runReport(spec, fileA, fileB, options, outputs);
      const { runDiff } = await import("../../app/diff.js");
      const comparison = await runDiff(spec, fileA, fileB, { splitTolerance: o.splitTolerance });
      const { diffReporters } = await import("../../report/diff.js");
      const { palette } = await import("../../report/text.js");
      const input = { comparison, nameA: fileA, nameB: fileB };
      if (o.format === "text") diffReporters.text(input, ctx.stdout, palette(ctx.color));
      else diffReporters[o.format](input, ctx.stdout);
      ctx.code = 0;
    } finally {
      done();
    }
  });
  return cmd;
}
