import { Command } from "commander";
import type { CliContext } from "../context.js";

/** `stp-footprint prepare`: build a dataset from public small-area files. */
export function prepareCommand(ctx: CliContext, version: string): Command {
  const cmd = new Command("prepare")
    .description("build a dataset (unit CSVs, unit polygons and a manifest) from public small-area files: lookup, populations, catchments, polygons")
    .requiredOption("--lookup <file>", "small-area lookup CSV: a row per small area (e.g. LSOA11CD, CCG16CD, STP17CD, LAD16CD)")
    .requiredOption("--unit <column>", "lookup column to group small areas by: the units to plan with (CCG16CD, ICB22CD, LAD21CD)")
    .requiredOption("--out <folder>", "folder to write the dataset to (created if missing)")
    .option("--small-area <column>", "small-area code column of the lookup (default: its first column)")
    .option("--unit-name <column>", "unit name column (default: the matching ...NM column, if any)")
    .option("--footprint <column>", "lookup column of the footprint each small area is in: writes plan.csv, each unit in the footprint holding most of its people")
    .option("--footprint-name <column>", "footprint name column (default: the matching ...NM column, if any)")
    .option("--split-area <column>", "lookup column of a second geography (LAD16CD): writes areas.csv for the split-area rule")
    .option("--split-area-name <column>", "its name column (default: the matching ...NM column, if any)")
    .option("--population <file>", "small-area population CSV (default: a population column of the lookup)")
    .option("--population-column <name>", "population column (of --population, or of the lookup)")
    .option("--population-area-column <name>", "small-area code column of --population (default: detected)")
    .option("--catchment <file>", "provider catchment proportions CSV: area, provider, proportion of the area's patients")
    .option("--catchment-area <column>", "area column of --catchment (default: the column also in the lookup, e.g. MSOA11CD)")
    .option("--catchment-level <column>", "lookup column holding the catchment's areas (default: the same name)")
    .option("--provider-column <name>", "provider column of --catchment (default: detected, e.g. trust_code)")
    .option("--proportion-column <name>", "proportion column of --catchment (default: detected, e.g. proportion)")
    .option("--boundaries <file>", "unit polygons as given (GeoJSON, TopoJSON, Shapefile)")
    .option("--boundary-id-field <name>", "unit code property of --boundaries (default: the --unit column, else detected)")
    .option("--small-area-boundaries <file>", "small-area polygons, dissolved into unit polygons")
    .option("--small-area-id-field <name>", "small-area code property of --small-area-boundaries (default: the --small-area column, else detected)")
    .option("--layer <name>", "TopoJSON object of the boundary file")
    .option("--links <file>", "links CSV (unit_a, unit_b): ferries and bridges, copied into the dataset")
    .option("--link-islands", "link each group of units touching no other unit to its nearest unit (review them in links.csv)")
    .option("--name <text>", "the dataset's name in its manifest")
    .option("--format <name>", "text, json, junit, github, sarif or markdown", "text")
    .option("--no-step-summary", "do not append a summary to $GITHUB_STEP_SUMMARY");
  cmd.addHelpText(
    "after",
    `
Sums are exact: a unit's population is the sum of its small areas'; a provider's catchment
population in a unit is the sum over its small areas of population x the proportion of their
catchment area (PHE/OHID's method). Rows that do not join are reported with counts and examples.
Nothing is written when a finding is an error (exit 1); the manifest is written last.
Exit codes: 0 written, 1 error findings (nothing written), 2 bad input or usage.

Examples:
  $ stp-footprint prepare --lookup lsoa11_lookup.csv --unit CCG16CD --footprint STP17CD --split-area LAD16CD \\
      --catchment trust_msoa11_catchment_proportions.csv --small-area-boundaries lsoa11.geojson \\
      --link-islands --out england2016
  $ stp-footprint prepare --lookup lsoa11_lookup.csv --unit CCG21CD --footprint STP21CD \\
      --boundaries ccg21_boundaries.geojson --out england2021
  $ stp-footprint check --dataset england2016/stp-footprint.json`,
  );
  cmd.action(async (raw: Record<string, unknown>) => {
    const { z } = await import("zod");
    const { parseOptions } = await import("../options.js");
    const text = z.string().min(1);
    const schema = z.object({
      lookup: text,
      unit: text,
      out: text,
      smallArea: text.optional(),
      unitName: text.optional(),
      footprint: text.optional(),
      footprintName: text.optional(),
      splitArea: text.optional(),
      splitAreaName: text.optional(),
      population: text.optional(),
      populationColumn: text.optional(),
      populationAreaColumn: text.optional(),
      catchment: text.optional(),
      catchmentArea: text.optional(),
      catchmentLevel: text.optional(),
      providerColumn: text.optional(),
      proportionColumn: text.optional(),
      boundaries: text.optional(),
      boundaryIdField: text.optional(),
      smallAreaBoundaries: text.optional(),
      smallAreaIdField: text.optional(),
      layer: text.optional(),
      links: text.optional(),
      linkIslands: z.boolean().optional(),
      name: text.optional(),
      format: z.enum(["text", "json", "junit", "github", "sarif", "markdown"]),
      stepSummary: z.boolean(),
    });
    const o = parseOptions(schema, raw);
    const { runPrepare } = await import("../../app/prepare.js");
    const result = await runPrepare({
      lookup: o.lookup,
      columns: {
        smallArea: o.smallArea,
        unit: o.unit,
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
      out: o.out,
      name: o.name,
      provenance: { version, command: ["stp-footprint", ...((cmd.parent as unknown as { rawArgs?: string[] } | null)?.rawArgs ?? ["prepare"])].join(" ") },
    });
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
  });
  return cmd;
}
