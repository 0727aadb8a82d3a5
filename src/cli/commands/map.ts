import { Command } from "commander";
import type { CliContext } from "../context.js";
import { addDatasetOptions, addPlanOptions } from "../datasetFlags.js";

/** `stp-footprint map [plan] --out FILE`: draw a plan and its rule problems (SVG, PNG or HTML report). */
export function mapCommand(ctx: CliContext): Command {
  const cmd = new Command("map")
    .description("draw a plan as a map (SVG, PNG, or a self-contained HTML report): footprints, labels and rule problems")
    .argument("[plan]", "plan: CSV (unit, footprint[, name]) or footprint polygons (GeoJSON/TopoJSON); default: the dataset's plan")
    .requiredOption("--out <file>", "output file: .svg, .png or .html (written whole or not at all; a symbolic link is written through to its target)")
    .option("--provider-sites <file>", "provider locations CSV (provider, lon, lat); default: the manifest's providerSites")
    .option("--width <pixels>", "width of the picture (the height follows the data)", "1000")
    .option("--scale <factor>", "PNG pixels per SVG pixel, for sharper or smaller pictures (a PNG may have at most 50 million pixels)", "1.5")
    .option("--title <text>", "title drawn on the map (default: the dataset's name)")
;
  addPlanOptions(cmd);
  addDatasetOptions(cmd);
  cmd.addHelpText(
    "after",
    `
Footprints are filled so that no two neighbours share a colour; footprint boundaries are thick,
unit boundaries thin. Footprints over or under the population bounds are hatched in red (and
marked ▲/▼ in their label), extra pieces of non-contiguous footprints outlined in dashed teal,
links dashed in blue, and located cross-footprint providers drawn as black dots.
The output must not be one of the inputs, and its folder must be writable; both are checked before
anything is read. Ctrl-C leaves the output as it was, or complete and new, never half written.
Exit codes: 0 map written (whatever the findings; use check to fail on them), 2 bad input or usage,
130 interrupted.

Examples:
  $ stp-footprint map --out demo.png                     # the demo dataset's starting plan
  $ stp-footprint map plan.csv --dataset england/stp-footprint.json --out plan.svg
  $ stp-footprint map plan.csv --dataset england/stp-footprint.json --out report.html --provider-sites trusts.csv`,
  );
  cmd.action(async (planFile: string | undefined, raw: Record<string, unknown>) => {
    const { z } = await import("zod");
    const { datasetOptionsSchema, numeric, parseOptions, planOptionsShape, resolveDatasetSpec } = await import("../options.js");
    const schema = datasetOptionsSchema.extend({
      out: z.string().regex(/\.(svg|png|html)$/i, "must end in .svg, .png or .html"),
      providerSites: z.string().min(1).optional(),
      width: numeric((n) => n.int("must be a whole number").min(400, "must be at least 400").max(10000, "must be at most 10000")),
      scale: numeric((n) => n.gt(0, "must be above 0").max(8, "must be at most 8")),
      title: z.string().min(1).optional(),
      ...planOptionsShape,
    });
    const o = parseOptions(schema, raw);
    const spec = await resolveDatasetSpec(o);
    const { prepareOutputs } = await import("../../app/outputs.js");
    const outputs = await prepareOutputs(spec, [{ option: "--out", path: o.out }], [
      { path: planFile, what: "the plan" },
      { path: o.providerSites, what: "--provider-sites" },
    ]);
    const { onInterrupt } = await import("../interrupt.js");
    const done = onInterrupt({ stderr: ctx.stderr, command: "map", outputs });
    const { runMap } = await import("../../app/map.js");
    try {
      const outcome = await runMap(
        spec,
        {
          planFile,
          splitTolerance: o.splitTolerance,
          planIdField: o.planIdField,
          planLayer: o.planLayer,
          providerSites: o.providerSites,
          width: o.width,
          scale: o.scale,
          title: o.title,
        },
        outputs,
      );
      const { mapSummary } = await import("../../report/mapSummary.js");
      mapSummary(outcome, ctx.stdout);
      ctx.code = 0;
    } finally {
      done();
    }
  });
  return cmd;
}
