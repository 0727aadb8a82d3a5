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
Exit codes: 0 compared (whatever the differences or findings), 2 bad input or usage.

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
    if (o.out?.length) {
      const { assertNotInput } = await import("../../io/writeFileAtomic.js");
      const inputs = [spec.boundaries, spec.population, spec.providers, spec.links, spec.areas, spec.providerSites, spec.providerNames, spec.manifest, fileA, fileB];
      for (const f of o.out) assertNotInput(f, inputs, "--out");
      const { runReport } = await import("../../app/report.js");
      await runReport(spec, fileA, fileB, { splitTolerance: o.splitTolerance, out: o.out, invocation: ctx.invocation, width: o.width, scale: o.scale, title: o.title });
    }
    const { runDiff } = await import("../../app/diff.js");
    const comparison = await runDiff(spec, fileA, fileB, { splitTolerance: o.splitTolerance });
    const { diffReporters } = await import("../../report/diff.js");
    const { palette } = await import("../../report/text.js");
    const input = { comparison, nameA: fileA, nameB: fileB };
    if (o.format === "text") diffReporters.text(input, ctx.stdout, palette(ctx.color));
    else diffReporters[o.format](input, ctx.stdout);
    ctx.code = 0;
  });
  return cmd;
}
