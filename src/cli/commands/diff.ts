import { Command } from "commander";
import type { CliContext } from "../context.js";
import { addDatasetOptions } from "../datasetFlags.js";
import { collect } from "../repeatable.js";

/** `stp-footprint diff PLAN_A PLAN_B`: what changed between two plans on one dataset. */
export function diffCommand(ctx: CliContext): Command {
  const cmd = new Command("diff")
    .description("compare two plans on one dataset: units moved, footprints created, removed or changed, and both plans' metrics")
    .argument("<planA>", "the plan before (CSV: unit, footprint[, name])")
    .argument("<planB>", "the plan after (CSV)")
    .option("--format <name>", "text, json or markdown", "text")
    .option("--split-tolerance <share>", "share of an area in a second footprint that counts as split", "0.01")
    .option("--out <file>", "also write a before/after report: .html (self-contained, prints on A4), .md (a pull-request comment), .svg or .png (the change map), .json; repeat for several", collect)
    .option("--width <pixels>", "width of the report's map", "1000")
    .option("--scale <factor>", "PNG pixels per SVG pixel", "1.5")
    .option("--title <text>", "title of the report (default: the dataset and the two plans)");
  addDatasetOptions(cmd);
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
    const { z } = await import("zod");
    const { datasetOptionsSchema, numeric, parseOptions, resolveDatasetSpec } = await import("../options.js");
    const schema = datasetOptionsSchema.extend({
      format: z.enum(["text", "json", "markdown"]),
      splitTolerance: numeric((n) => n.min(0, "must not be negative").max(0.5, "must be at most 0.5")),
      out: z
        .array(z.string().regex(/\.(html|md|svg|png|json)$/i, "must end in .html, .md, .svg, .png or .json"))
        .refine((fs) => new Set(fs).size === fs.length, "names one file twice")
        .optional(),
      width: numeric((n) => n.int("must be a whole number").min(400, "must be at least 400").max(10000, "must be at most 10000")),
      scale: numeric((n) => n.gt(0, "must be above 0").max(8, "must be at most 8")),
      title: z.string().min(1).optional(),
    });
    const o = parseOptions(schema, raw);
    const spec = await resolveDatasetSpec(o);
    if (o.out?.length) {
      const { assertNotInput } = await import("../../io/writeFileAtomic.js");
      for (const f of o.out) assertNotInput(f, [spec.boundaries, spec.population, spec.providers, spec.links, spec.areas, spec.providerSites, spec.providerNames, spec.manifest, fileA, fileB], "--out");
      const { runReport } = await import("../../app/report.js");
      await runReport(spec, fileA, fileB, { splitTolerance: o.splitTolerance, out: o.out, invocation: ctx.invocation, width: o.width, scale: o.scale, title: o.title });
    }
    const { runDiff } = await import("../../app/diff.js");
    const { comparison, unitNames } = await runDiff(spec, fileA, fileB, { splitTolerance: o.splitTolerance });
    const { diffReporters } = await import("../../report/diff.js");
    const { palette } = await import("../../report/text.js");
    const input = { comparison, nameA: fileA, nameB: fileB, unitNames };
    if (o.format === "text") diffReporters.text(input, ctx.stdout, palette(ctx.color));
    else diffReporters[o.format](input, ctx.stdout);
    ctx.code = 0;
  });
  return cmd;
}
