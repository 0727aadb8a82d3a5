import { Command } from "commander";
import type { CliContext } from "../context.js";
import { addDatasetOptions } from "../datasetFlags.js";

/** `stp-footprint info [boundaries]`: a summary of a dataset. */
export function infoCommand(ctx: CliContext): Command {
  const cmd = new Command("info")
    .description("summarise a dataset: units, population, adjacency, isolated units, providers, plan")
    .argument("[boundaries]", "unit boundaries (GeoJSON, TopoJSON, Shapefile); default: the dataset's")
    .option("--plan <file>", "a plan CSV to count footprints of (unit, footprint)")
    .option("--format <name>", "text or json", "text");
  addDatasetOptions(cmd, { boundaries: false });
  cmd.addHelpText(
    "after",
    `
Examples:
  $ stp-footprint info                                   # the embedded synthetic demo
  $ stp-footprint info --dataset england/stp-footprint.json --format json
  $ stp-footprint info ccg16.geojson --links ccg16_links.csv`,
  );
  cmd.action(async (boundaries: string | undefined, raw: Record<string, unknown>) => {
    const { z } = await import("zod");
    const { datasetOptionsSchema, parseOptions, resolveDatasetSpec } = await import("../options.js");
    const schema = datasetOptionsSchema.extend({ plan: z.string().min(1).optional(), format: z.enum(["text", "json"]) });
    const o = parseOptions(schema, { ...raw, boundaries });
    const spec = await resolveDatasetSpec(o);
    if (o.plan !== undefined) spec.plan = o.plan;
    const { runInfo } = await import("../../app/info.js");
    const summary = await runInfo(spec);
    const { infoJson, infoText } = await import("../../report/info.js");
    const { palette } = await import("../../report/text.js");
    if (o.format === "json") infoJson(summary, ctx.stdout);
    else infoText(summary, ctx.stdout, palette(ctx.color));
    ctx.code = 0;
  });
  return cmd;
}
