import { option } from "../row.js";
import { choice, file, flag, text } from "../valueTypes.js";

const p = ["prepare"] as const;

/** Options of `prepare`: the public small-area files, their columns, and the dataset to write. */
export const prepareRows = [
  option({ name: "lookup", value: file(), commands: p, flag: "--lookup <file>", required: true, help: "small-area lookup CSV: a row per small area (e.g. LSOA11CD, CCG16CD, STP17CD, LAD16CD)" }),
  option({ name: "unit", value: text(), commands: p, flag: "--unit <column>", required: true, help: "lookup column to group small areas by: the units to plan with (CCG16CD, ICB22CD, LAD21CD)" }),
  option({ name: "out", value: file(), commands: p, flag: "--out <folder>", required: true, help: "folder to write the dataset to (created if missing; only the dataset's files are replaced there)" }),
  option({ name: "smallArea", value: text(), commands: p, flag: "--small-area <column>", defaultText: "its first column", help: "small-area code column of the lookup" }),
  option({ name: "unitName", value: text(), commands: p, flag: "--unit-name <column>", defaultText: "the matching ...NM column, if any", help: "unit name column" }),
  option({ name: "footprint", value: text(), commands: p, flag: "--footprint <column>", help: "lookup column of the footprint each small area is in: writes plan.csv, each unit in the footprint holding most of its people" }),
  option({ name: "footprintName", value: text(), commands: p, flag: "--footprint-name <column>", defaultText: "the matching ...NM column, if any", help: "footprint name column" }),
  option({ name: "splitArea", value: text(), commands: p, flag: "--split-area <column>", help: "lookup column of a second geography (LAD16CD): writes areas.csv for the split-area rule" }),
  option({ name: "splitAreaName", value: text(), commands: p, flag: "--split-area-name <column>", defaultText: "the matching ...NM column, if any", help: "its name column" }),
  option({ name: "population", value: file(), commands: p, flag: "--population <file>", defaultText: "a population column of the lookup", help: "small-area population CSV" }),
  option({ name: "populationColumn", value: text(), commands: p, flag: "--population-column <name>", help: "population column (of --population, or of the lookup)" }),
  option({ name: "populationAreaColumn", value: text(), commands: p, flag: "--population-area-column <name>", defaultText: "detected", help: "small-area code column of --population" }),
  option({ name: "catchment", value: file(), commands: p, flag: "--catchment <file>", help: "provider catchment proportions CSV: area, provider, proportion of the area's patients" }),
  option({ name: "catchmentArea", value: text(), commands: p, flag: "--catchment-area <column>", defaultText: "the column also in the lookup, e.g. MSOA11CD", help: "area column of --catchment" }),
  option({ name: "catchmentLevel", value: text(), commands: p, flag: "--catchment-level <column>", defaultText: "the same name", help: "lookup column holding the catchment's areas" }),
  option({ name: "providerColumn", value: text(), commands: p, flag: "--provider-column <name>", defaultText: "detected, e.g. trust_code", help: "provider column of --catchment" }),
  option({ name: "proportionColumn", value: text(), commands: p, flag: "--proportion-column <name>", defaultText: "detected, e.g. proportion", help: "proportion column of --catchment" }),
  option({ name: "boundaries", value: file(), commands: p, flag: "--boundaries <file>", help: "unit polygons as given (GeoJSON, TopoJSON, Shapefile)" }),
  option({ name: "boundaryIdField", value: text(), commands: p, flag: "--boundary-id-field <name>", defaultText: "the --unit column, else detected", help: "unit code property of --boundaries" }),
  option({ name: "smallAreaBoundaries", value: file(), commands: p, flag: "--small-area-boundaries <file>", help: "small-area polygons, dissolved into unit polygons" }),
  option({ name: "smallAreaIdField", value: text(), commands: p, flag: "--small-area-id-field <name>", defaultText: "the --small-area column, else detected", help: "small-area code property of --small-area-boundaries" }),
  option({ name: "layer", value: text(), commands: p, flag: "--layer <name>", help: "TopoJSON object of the boundary file" }),
  option({ name: "links", value: file(), commands: p, flag: "--links <file>", help: "links CSV (unit_a, unit_b): ferries and bridges, copied into the dataset" }),
  option({ name: "linkIslands", value: flag(), commands: p, flag: "--link-islands", default: false, help: "link each group of units touching no other unit to its nearest unit (review them in links.csv)" }),
  option({ name: "name", value: text(), commands: p, flag: "--name <text>", help: "the dataset's name in its manifest" }),
  option({ name: "format", value: choice(["text", "json", "junit", "github", "sarif", "markdown"]), commands: p, flag: "--format <name>", default: "text", help: "text, json, junit, github, sarif or markdown" }),
] as const;
