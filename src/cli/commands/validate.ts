import { Command } from "commander";
import type { CliContext } from "../context.js";
import { addOptions } from "../addOptions.js";

/** `stp-footprint validate [boundaries]`: dataset geometry checks for CI. */
export function validateCommand(ctx: CliContext, version = "0.0.0"): Command {
  const cmd = new Command("validate")
    .description("validate unit boundaries for planning: geometry, coordinates, ids, overlaps, gaps, isolated units")
    .argument("[boundaries]", "unit boundaries (GeoJSON, TopoJSON, Shapefile); default: the dataset's");
  addOptions(cmd, "validate");
  cmd.addHelpText(
    "after",
    `
Rules (errors): missing-ids, unique-ids, empty-geometry, geometry-type, finite-coordinates,
projected-coordinates, coordinate-range, closed-rings, ring-positions, holes-in-shells,
self-intersections, overlaps. Warnings: repeated-points, winding-order, gaps, isolated-units.
Severities are set in the manifest ("severity") or with --rule id=severity. --fix closes rings,
drops repeated points, splits rings that touch themselves and rewinds rings; it never moves a vertex.
Exit codes: 0 no error findings (and no more warnings than --max-warnings), 1 error findings (or
too many warnings), 2 bad input or usage, 130 interrupted (--fix then leaves its file as it was).

Examples:
  $ stp-footprint validate ccg16.geojson --links ccg16_links.csv
  $ stp-footprint validate --dataset england/stp-footprint.json --format github
  $ stp-footprint validate ccg16.geojson --fix ccg16.fixed.geojson
  $ stp-footprint validate ccg16.geojson --rule gaps=off --max-warnings 10`,
  );
  cmd.action(async (boundaries: string | undefined, raw: Record<string, unknown>) => {
    const { parseCommandOptions } = await import("../parseOptions.js");
    const { resolveDatasetSpec } = await import("../options.js");
    const o = parseCommandOptions("validate", raw, { boundaries });
    const spec = await resolveDatasetSpec(o);
    const { runValidate, validateOutputs } = await import("../../app/validate.js");
    const options = { fix: o.fix, overlapArea: o.overlapArea, overlapWidth: o.overlapWidth, gapArea: o.gapArea, gapMinArea: o.gapMinArea };
    // --fix is checked before anything is read, and Ctrl-C is handled until the result is reported.
    const outputs = await validateOutputs(spec, options);
    const { onInterrupt } = await import("../interrupt.js");
    const done = onInterrupt({ stderr: ctx.stderr, command: "validate", outputs });
    try {
      const result = await runValidate(spec, options, outputs);
      const { validateReporters } = await import("../../report/validate.js");
      const { palette } = await import("../../report/text.js");
      const where = { root: process.env.GITHUB_WORKSPACE || undefined, version };
      if (o.format === "text") validateReporters.text(result, ctx.stdout, palette(ctx.color));
      else validateReporters[o.format](result, ctx.stdout, where);
      if (o.stepSummary) {
        const { appendStepSummary } = await import("../stepSummary.js");
        await appendStepSummary((sink) => validateReporters.markdown(result, sink), process.env, ctx.stderr);
      }
      const { codeForFindings } = await import("../exit.js");
      ctx.code = codeForFindings(result.findings, { maxWarnings: o.maxWarnings, stderr: ctx.stderr, command: "validate" });
    } finally {
      done();
    }
  });
  return cmd;
}
