import { Command } from "commander";
import type { CliContext } from "../context.js";
import { addDatasetOptions } from "../datasetFlags.js";

/** `stp-footprint validate [boundaries]`: dataset geometry checks for CI. */
export function validateCommand(ctx: CliContext): Command {
  const cmd = new Command("validate")
    .description("validate unit boundaries for planning: geometry, coordinates, ids, overlaps, gaps, isolated units")
    .argument("[boundaries]", "unit boundaries (GeoJSON, TopoJSON, Shapefile); default: the dataset's")
    .option("--format <name>", "text, json, junit, github or markdown", "text")
    .option("--fix <out>", "also write mechanically repaired boundaries (GeoJSON) to <out>: never an input; a symbolic link is written through to its target")
    .option("--overlap-area <m2>", "report overlaps larger than this many square metres", "100")
    .option("--overlap-width <m>", "... and wider on average (2 x area / perimeter) than this many metres", "5")
    .option("--gap-area <m2>", "report holes between units up to this many square metres as slivers", "10000")
    .option("--gap-min-area <m2>", "ignore holes smaller than this (rounding dust)", "20");
  addDatasetOptions(cmd, { boundaries: false });
  cmd.addHelpText(
    "after",
    `
Rules (errors): missing-ids, unique-ids, empty-geometry, geometry-type, finite-coordinates,
projected-coordinates, coordinate-range, closed-rings, ring-positions, holes-in-shells,
self-intersections, overlaps. Warnings: repeated-points, winding-order, gaps, isolated-units.
Severities are set in the manifest ("severity"). --fix closes rings, drops repeated points, splits
rings that touch themselves and rewinds rings; it never moves a vertex.
Exit codes: 0 no error findings, 1 error findings, 2 bad input or usage, 130 interrupted (--fix
then leaves its file as it was).

Examples:
  $ stp-footprint validate ccg16.geojson --links ccg16_links.csv
  $ stp-footprint validate --dataset england/stp-footprint.json --format github
  $ stp-footprint validate ccg16.geojson --fix ccg16.fixed.geojson`,
  );
  cmd.action(async (boundaries: string | undefined, raw: Record<string, unknown>) => {
    const { z } = await import("zod");
    const { datasetOptionsSchema, numeric, parseOptions, resolveDatasetSpec } = await import("../options.js");
    const area = numeric((n) => n.nonnegative("must not be negative"));
    const schema = datasetOptionsSchema.extend({
      format: z.enum(["text", "json", "junit", "github", "markdown"]),
      fix: z.string().min(1).optional(),
      overlapArea: area,
      overlapWidth: area,
      gapArea: area,
      gapMinArea: area,
    });
    const o = parseOptions(schema, { ...raw, boundaries });
    const spec = await resolveDatasetSpec(o);
    const { prepareOutputs } = await import("../../app/outputs.js");
    const outputs = await prepareOutputs(spec, [{ option: "--fix", path: o.fix }]);
    const { onInterrupt } = await import("../interrupt.js");
    const done = onInterrupt({ stderr: ctx.stderr, command: "validate", outputs });
    const { runValidate } = await import("../../app/validate.js");
    try {
      const result = await runValidate(spec, { overlapArea: o.overlapArea, overlapWidth: o.overlapWidth, gapArea: o.gapArea, gapMinArea: o.gapMinArea }, outputs);
      const { validateReporters } = await import("../../report/validate.js");
      const { palette } = await import("../../report/text.js");
      if (o.format === "text") validateReporters.text(result, ctx.stdout, palette(ctx.color));
      else validateReporters[o.format](result, ctx.stdout);
      const { codeForFindings } = await import("../exit.js");
      ctx.code = codeForFindings(result.findings);
    } finally {
      done();
    }
  });
  return cmd;
}
