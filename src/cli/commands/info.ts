import { Command } from "commander";
import type { CliContext } from "../context.js";
import { addOptions } from "../addOptions.js";

/** `stp-footprint info [boundaries]`: a summary of a dataset. */
export function infoCommand(ctx: CliContext): Command {
  const cmd = new Command("info")
    .description("summarise a dataset: units, population, adjacency, isolated units, providers, plan")
    .argument("[boundaries]", "unit boundaries (GeoJSON, TopoJSON, Shapefile); default: the dataset's");
  addOptions(cmd, "info");
  cmd.addHelpText(
    "after",
    `
Examples:
  $ stp-footprint info                                   # the embedded synthetic demo
  $ stp-footprint info --dataset england/stp-footprint.json --format json
  $ stp-footprint info ccg16.geojson --links ccg16_links.csv`,
  );
  cmd.action(async (boundaries: string | undefined, raw: Record<string, unknown>) => {
    const { parseCommandOptions } = await import("../parseOptions.js");
    const { resolveDatasetSpec } = await import("../options.js");
    const o = parseCommandOptions("info", raw, { boundaries });
    const spec = await resolveDatasetSpec(o);
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
