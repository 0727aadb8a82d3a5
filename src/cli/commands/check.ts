import { Command } from "commander";
import type { CliContext } from "../context.js";
import { addOptions } from "../addOptions.js";

/** `stp-footprint check [plan]`: every rule on a candidate plan. */
export function checkCommand(ctx: CliContext, version = "0.0.0"): Command {
  const cmd = new Command("check")
    .description("check a plan against every rule: population bounds, contiguity, overlaps, cross-footprint providers")
    .argument("[plan]", "plan: CSV (unit, footprint[, name]) or footprint polygons (GeoJSON/TopoJSON); default: the dataset's plan");
  addOptions(cmd, "check");
  cmd.addHelpText(
    "after",
    `
Rules: unknown-unit, unassigned, overlap, population-min, population-max, contiguity, lock, group,
exception (errors);
cross-footprint-provider, split-area (warnings). Severities are set in the manifest ("severity")
or with --rule id=severity.
Exit codes: 0 no error findings (and no more warnings than --max-warnings), 1 error findings (or
too many warnings), 2 bad input or usage.

Examples:
  $ stp-footprint check                                  # the demo dataset's starting plan
  $ stp-footprint check plan.csv --dataset england/stp-footprint.json --format junit > check.xml
  $ stp-footprint check stp17.geojson --dataset england/stp-footprint.json --format markdown
  $ stp-footprint check plan.csv --rule split-area=error --max-warnings 0`,
  );
  cmd.action(async (planFile: string | undefined, raw: Record<string, unknown>) => {
    const { parseCommandOptions } = await import("../parseOptions.js");
    const { resolveDatasetSpec } = await import("../options.js");
    const o = parseCommandOptions("check", raw);
    const spec = await resolveDatasetSpec(o);
    const { runCheck } = await import("../../app/check.js");
    const { result, title, planFile: used } = await runCheck(spec, {
      planFile,
      splitTolerance: o.splitTolerance,
      planIdField: o.planIdField,
      planLayer: o.planLayer,
      lock: o.lock,
      groups: spec.groups,
      exceptions: spec.exceptions,
    });
    const { checkReporters } = await import("../../report/check.js");
    const { palette } = await import("../../report/text.js");
    const input = { result, title, planFile: used, root: process.env.GITHUB_WORKSPACE || undefined, version };
    if (o.format === "text") checkReporters.text(input, ctx.stdout, palette(ctx.color));
    else checkReporters[o.format](input, ctx.stdout);
    if (o.stepSummary) {
      const { appendStepSummary } = await import("../stepSummary.js");
      await appendStepSummary((sink) => checkReporters.markdown(input, sink), process.env, ctx.stderr);
    }
    const { codeForFindings } = await import("../exit.js");
    ctx.code = codeForFindings(result.findings, { maxWarnings: o.maxWarnings, stderr: ctx.stderr, command: "check" });
  });
  return cmd;
}
