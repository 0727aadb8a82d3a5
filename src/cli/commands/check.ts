import { Command } from "commander";
import type { CliContext } from "../context.js";
import { addDatasetOptions } from "../datasetFlags.js";

/** `stp-footprint check [plan]`: every rule on a candidate plan. */
export function checkCommand(ctx: CliContext): Command {
  const cmd = new Command("check")
    .description("check a plan against every rule: population bounds, contiguity, overlaps, cross-footprint providers")
    .argument("[plan]", "plan: CSV (unit, footprint[, name]) or footprint polygons (GeoJSON/TopoJSON); default: the dataset's plan")
    .option("--format <name>", "text, json, junit, github or markdown", "text")
    .option("--split-tolerance <share>", "share of a unit (or area) in a second footprint that counts as split", "0.01")
    .option("--plan-id-field <name>", "footprint id property of a polygon plan (default: detected, e.g. STP17CD)")
    .option("--plan-layer <name>", "TopoJSON object of a polygon plan");
  addDatasetOptions(cmd);
  cmd.addHelpText(
    "after",
    `
Rules: unknown-unit, unassigned, overlap, population-min, population-max, contiguity (errors);
cross-footprint-provider, split-area (warnings). Severities are set in the manifest ("severity").
Exit codes: 0 no error findings, 1 error findings, 2 bad input or usage.

Examples:
  $ stp-footprint check                                  # the demo dataset's starting plan
  $ stp-footprint check plan.csv --dataset england/stp-footprint.json --format junit > check.xml
  $ stp-footprint check stp17.geojson --dataset england/stp-footprint.json --format markdown`,
  );
  cmd.action(async (planFile: string | undefined, raw: Record<string, unknown>) => {
    const { z } = await import("zod");
    const { datasetOptionsSchema, numeric, parseOptions, resolveDatasetSpec } = await import("../options.js");
    const schema = datasetOptionsSchema.extend({
      format: z.enum(["text", "json", "junit", "github", "markdown"]),
      splitTolerance: numeric((n) => n.min(0, "must not be negative").max(0.5, "must be at most 0.5")),
      planIdField: z.string().min(1).optional(),
      planLayer: z.string().min(1).optional(),
    });
    const o = parseOptions(schema, raw);
    const spec = await resolveDatasetSpec(o);
    const { runCheck } = await import("../runCheck.js");
    const { result, title, planFile: used } = await runCheck(spec, {
      planFile,
      splitTolerance: o.splitTolerance,
      planIdField: o.planIdField,
      planLayer: o.planLayer,
    });
    const { checkReporters } = await import("../../report/check.js");
    const { palette } = await import("../../report/text.js");
    const input = { result, title, planFile: used };
    if (o.format === "text") checkReporters.text(input, ctx.stdout, palette(ctx.color));
    else checkReporters[o.format](input, ctx.stdout);
    const { codeForFindings } = await import("../exit.js");
    ctx.code = codeForFindings(result.findings);
  });
  return cmd;
}
