import type { Command } from "commander";

/** Adds the options every dataset-reading command shares. */
export function addDatasetOptions(cmd: Command, opts: { boundaries?: boolean } = {}): Command {
  cmd.option("--dataset <file>", "dataset manifest (stp-footprint.json); default: the embedded synthetic demo");
  if (opts.boundaries !== false) cmd.option("--boundaries <file>", "unit boundaries: GeoJSON, TopoJSON or Shapefile (.shp)");
  return cmd
    .option("--id-field <name>", "boundary property with the unit id (default: detected, e.g. CCG16CD)")
    .option("--name-field <name>", "boundary property with the unit name (default: detected, e.g. CCG16NM)")
    .option("--layer <name>", "TopoJSON object to read (default: the only one)")
    .option("--population <file>", "population CSV (unit, population)")
    .option("--population-field <name>", "boundary property with the population")
    .option("--population-column <name>", "population column of the population CSV")
    .option("--unit-column <name>", "unit-code column of the CSV inputs (default: detected)")
    .option("--providers <file>", "provider activity CSV (provider, unit, value)")
    .option("--provider-column <name>", "provider column of the providers CSV")
    .option("--value-column <name>", "value column of the providers CSV (activity, patients, catchment)")
    .option("--provider-names <file>", "provider names CSV (code, name; e.g. trust_code, trust_name), shown beside the codes")
    .option("--links <file>", "extra adjacencies CSV (unit_a, unit_b): ferries, bridges")
    .option("--areas <file>", "second-geography overlap CSV (area, unit, weight), e.g. local authorities")
    .option("--footprint-column <name>", "footprint column of the plan CSV")
    .option("--footprint-name-column <name>", "footprint name column of the plan CSV")
    .option("--min <n>", "least population of a footprint (default 300000)")
    .option("--max <n>", "greatest population of a footprint (default 2800000)")
    .option("--threshold <share>", "share of a provider's activity that counts as serving a footprint (default 0.05)")
    .option("--adjacency <kind>", "rook (shared boundary, default) or queen (touching at all)")
    .option("--snap <metres>", "snap tolerance for adjacency in metres (default 5)");
}

/** Adds the options of commands that read a plan which may be footprint polygons (check, map). */
export function addPlanOptions(cmd: Command): Command {
  return cmd
    .option("--split-tolerance <share>", "share of a unit (or area) in a second footprint that counts as split", "0.01")
    .option("--plan-id-field <name>", "footprint id property of a polygon plan (default: detected, e.g. STP17CD)")
    .option("--plan-layer <name>", "TopoJSON object of a polygon plan");
}
