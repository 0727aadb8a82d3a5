import { Command } from "commander";
import type { CliContext } from "../context.js";
import { addOptions } from "../addOptions.js";

/** `stp-footprint map [plan] --out FILE`: draw a plan and its rule problems (SVG, PNG or HTML report). */
export function mapCommand(ctx: CliContext): Command {
  const cmd = new Command("map")
    .description("draw a plan as a map (SVG, PNG, or a self-contained HTML report): footprints, labels and rule problems")
    .argument("[plan]", "plan: CSV (unit, footprint[, name]) or footprint polygons (GeoJSON/TopoJSON); default: the dataset's plan");
  addOptions(cmd, "map");
  cmd.addHelpText(
    "after",
    `
Footprints are filled so that no two neighbours share a colour; footprint boundaries are thick,
unit boundaries thin. Footprints over or under the population bounds are hatched in red (and
marked ▲/▼ in their label), extra pieces of non-contiguous footprints outlined in dashed teal,
links dashed in blue, and located cross-footprint providers drawn as black dots.
No output may be one of the inputs or another output, and their folders must be writable; this
is checked before anything is read. Ctrl-C leaves every output as it was, or all complete and new,
never half written.
Exit codes: 0 map written (whatever the findings; use check to fail on them), 2 bad input or usage,
130 interrupted.

Examples:
  $ stp-footprint map --out demo.png                     # the demo dataset's starting plan
  $ stp-footprint map plan.csv --dataset england/stp-footprint.json --out plan.svg
  $ stp-footprint map plan.csv --dataset england/stp-footprint.json --out report.html --provider-sites trusts.csv
  $ stp-footprint map plan.csv --dataset england/stp-footprint.json --out footprints.geojson --out plan.png`,
  );
  cmd.action(async (planFile: string | undefined, raw: Record<string, unknown>) => {
    const { parseCommandOptions } = await import("../parseOptions.js");
    const { resolveDatasetSpec } = await import("../options.js");
    const o = parseCommandOptions("map", raw);
    // Commander already refuses the command without --out; this narrows the type.
    if (o.out === undefined) throw new (await import("../../errors.js")).UsageError("is required", "--out");
    const spec = await resolveDatasetSpec(o);
    const { mapOutputs, runMap } = await import("../../app/map.js");
    const options = {
      planFile,
      splitTolerance: o.splitTolerance,
      planIdField: o.planIdField,
      planLayer: o.planLayer,
      out: o.out,
      width: o.width,
      scale: o.scale,
      title: o.title,
      decimals: o.precision,
      invocation: ctx.invocation,
    };
    // The outputs are checked before anything is read, and Ctrl-C is handled until they are reported.
    const outputs = await mapOutputs(spec, options);
    const { onInterrupt } = await import("../interrupt.js");
    const done = onInterrupt({ stderr: ctx.stderr, command: "map", outputs });
    try {
      const outcome = await runMap(spec, options, outputs);
      const { mapSummary } = await import("../../report/mapSummary.js");
      mapSummary(outcome, ctx.stdout);
      ctx.code = 0;
    } finally {
      done();
    }
  });
  return cmd;
}
