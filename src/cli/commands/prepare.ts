import { Command } from "commander";
import { addOptions } from "../addOptions.js";
import type { CliContext } from "../context.js";

/** `stp-footprint prepare`: build a dataset from public small-area files. */
export function prepareCommand(ctx: CliContext, version: string): Command {
  const cmd = new Command("prepare").description(
    "build a dataset (unit CSVs, unit polygons and a manifest) from public small-area files: lookup, populations, catchments, polygons",
  );
  addOptions(cmd, "prepare");
  cmd.addHelpText(
    "after",
    `
Sums are exact: a unit's population is the sum of its small areas'; a provider's catchment
population in a unit is the sum over its small areas of population x the proportion of their
catchment area (PHE/OHID's method). Rows that do not join are reported with counts and examples.
Nothing is written when a finding is an error (exit 1). The dataset's files are checked before any
work (none may be an input; the folder, or its nearest parent, must be writable), written whole and
renamed into place together, the manifest last; Ctrl-C leaves the folder as it was.
Exit codes: 0 written, 1 error findings (nothing written), 2 bad input or usage, 130 interrupted.

Examples:
  $ stp-footprint prepare --lookup lsoa11_lookup.csv --unit CCG16CD --footprint STP17CD --split-area LAD16CD \\
      --catchment trust_msoa11_catchment_proportions.csv --small-area-boundaries lsoa11.geojson \\
      --link-islands --out england2016
  $ stp-footprint prepare --lookup lsoa11_lookup.csv --unit CCG21CD --footprint STP21CD \\
      --boundaries ccg21_boundaries.geojson --out england2021
  $ stp-footprint check --dataset england2016/stp-footprint.json`,
  );
  cmd.action(async (raw: Record<string, unknown>) => {
    const { parseCommandOptions } = await import("../parseOptions.js");
    const o = parseCommandOptions("prepare", raw);
    // Commander refuses the command without these.
    const required = (v: string | undefined) => v as string;
    const { prepareDatasetOutputs, runPrepare } = await import("../../app/prepare.js");
    const options = {
      lookup: required(o.lookup),
      columns: {
        smallArea: o.smallArea,
        unit: required(o.unit),
        unitName: o.unitName,
        footprint: o.footprint,
        footprintName: o.footprintName,
        splitArea: o.splitArea,
        splitAreaName: o.splitAreaName,
      },
      population: o.population,
      populationColumn: o.populationColumn,
      populationAreaColumn: o.populationAreaColumn,
      catchment: o.catchment,
      catchmentColumns: { areaColumn: o.catchmentArea, providerColumn: o.providerColumn, proportionColumn: o.proportionColumn },
      catchmentLevel: o.catchmentLevel,
      boundaries: o.boundaries,
      boundaryIdField: o.boundaryIdField,
      smallAreaBoundaries: o.smallAreaBoundaries,
      smallAreaIdField: o.smallAreaIdField,
      layer: o.layer,
      links: o.links,
      linkIslands: o.linkIslands,
      out: required(o.out),
      name: o.name,
      provenance: { version, command: ["stp-footprint", ...((cmd.parent as unknown as { rawArgs?: string[] } | null)?.rawArgs ?? ["prepare"])].join(" ") },
    };
    // The folder is checked before anything is read, and Ctrl-C is handled until the result is reported.
    const outputs = await prepareDatasetOutputs(options);
    const { onInterrupt } = await import("../interrupt.js");
    const done = onInterrupt({ stderr: ctx.stderr, command: "prepare", outputs });
    try {
      const result = await runPrepare(options, outputs);
      const { prepareReporters } = await import("../../report/prepare.js");
      const { palette } = await import("../../report/text.js");
      if (o.format === "text") prepareReporters.text(result, ctx.stdout, palette(ctx.color));
      else if (o.format === "sarif") {
        const { findingsSarif } = await import("../../report/sarif.js");
        const { prepareFindingsReport } = await import("../../report/prepare.js");
        findingsSarif({ ...prepareFindingsReport(result), root: process.env.GITHUB_WORKSPACE }, ctx.stdout, version);
      } else prepareReporters[o.format](result, ctx.stdout);
      if (o.stepSummary) {
        const { appendStepSummary } = await import("../stepSummary.js");
        await appendStepSummary((sink) => prepareReporters.markdown(result, sink), process.env, ctx.stderr);
      }
      const { codeForFindings } = await import("../exit.js");
      ctx.code = codeForFindings(result.findings);
    } finally {
      done();
    }
  });
  return cmd;
}
