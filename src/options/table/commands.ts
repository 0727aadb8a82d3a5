import { option } from "../row.js";
import { choice, count, file, files, flag, number, text } from "../valueTypes.js";

const findingFormats = ["text", "json", "junit", "github", "sarif", "markdown"] as const;
const mapFile = { pattern: /\.(svg|png|html|geojson)$/i, message: "must end in .svg, .png, .html or .geojson" };
const reportFile = { pattern: /\.(html|md|svg|png|json)$/i, message: "must end in .html, .md, .svg, .png or .json" };

/** Options of one command, or of a few (info, check, validate, map, diff; optimise has its own file). */
export const commandRows = [
  // check, validate: reporting and gating
  option({ name: "format", value: choice(findingFormats), commands: ["check", "validate"], flag: "--format <name>", default: "text", help: "text, json, junit, github, sarif or markdown" }),
  option({
    name: "stepSummary",
    value: flag(),
    commands: ["check", "validate", "prepare"],
    flag: "--no-step-summary",
    default: true,
    help: "do not append a markdown summary to $GITHUB_STEP_SUMMARY (in GitHub Actions)",
  }),
  option({ name: "format", value: choice(["text", "json"]), commands: ["info"], flag: "--format <name>", default: "text", help: "text or json" }),
  option({ name: "format", value: choice(["text", "json", "markdown"]), commands: ["diff"], flag: "--format <name>", default: "text", help: "text, json or markdown" }),
  option({
    name: "maxWarnings",
    value: count(0),
    commands: ["check", "validate"],
    flag: "--max-warnings <n>",
    defaultText: "no limit",
    help: "exit 1 when there are more warnings than this, as eslint does",
  }),
  option({ name: "lock", value: file(), commands: ["check"], flag: "--lock <file>", help: "CSV of units that must be in a footprint (unit, footprint): a unit elsewhere is a `lock` error" }),
  option({
    name: "groups",
    value: file(),
    commands: ["check", "optimise"],
    flag: "--groups <file>",
    manifest: "groups",
    help: "CSV of keep-together groups (group, unit): each group's units share one footprint (the `group` rule)",
  }),
  option({
    name: "exceptions",
    value: file(),
    commands: ["check", "optimise"],
    flag: "--exceptions <file>",
    manifest: "exceptions",
    help: "CSV of per-footprint population bounds (footprint or unit, min, max): they replace --min/--max there",
  }),

  // check, map, diff: reading a plan
  option({
    name: "splitTolerance",
    value: number((n) => n.min(0, "must not be negative").max(0.5, "must be at most 0.5")),
    commands: ["check", "map", "diff", "optimise"],
    flag: "--split-tolerance <share>",
    default: 0.01,
    help: "share of a unit (or area) in a second footprint that counts as split",
  }),
  option({ name: "planIdField", value: text(), commands: ["check", "map"], flag: "--plan-id-field <name>", defaultText: "detected, e.g. STP17CD", help: "footprint id property of a polygon plan" }),
  option({ name: "planLayer", value: text(), commands: ["check", "map"], flag: "--plan-layer <name>", defaultText: "the only one", help: "TopoJSON object of a polygon plan" }),

  // validate: geometry tolerances and repair
  option({ name: "fix", value: file(), commands: ["validate"], flag: "--fix <out>", help: "also write mechanically repaired boundaries (GeoJSON) to <out>: never an input; a symbolic link is written through to its target" }),
  option({ name: "overlapArea", value: number((n) => n.nonnegative("must not be negative")), commands: ["validate"], flag: "--overlap-area <m2>", default: 100, help: "report overlaps larger than this many square metres" }),
  option({ name: "overlapWidth", value: number((n) => n.nonnegative("must not be negative")), commands: ["validate"], flag: "--overlap-width <m>", default: 5, help: "... and wider on average (2 x area / perimeter) than this many metres" }),
  option({ name: "gapArea", value: number((n) => n.nonnegative("must not be negative")), commands: ["validate"], flag: "--gap-area <m2>", default: 10_000, help: "report holes between units up to this many square metres as slivers" }),
  option({ name: "gapMinArea", value: number((n) => n.nonnegative("must not be negative")), commands: ["validate"], flag: "--gap-min-area <m2>", default: 20, help: "ignore holes smaller than this (rounding dust)" }),

  // map: the picture
  option({
    name: "out",
    value: files(mapFile),
    commands: ["map"],
    flag: "--out <file>",
    required: true,
    help: "output file: .svg, .png, .html, or .geojson for the footprints as valid polygons (written whole or not at all; a symbolic link is written through to its target; repeatable)",
  }),
  option({
    name: "out",
    value: files(reportFile),
    commands: ["diff"],
    flag: "--out <file>",
    help: "also write a before/after report: .html (self-contained, prints on A4), .md (a pull-request comment), .svg or .png (the change map), .json (repeatable)",
  }),
  option({
    name: "precision",
    value: count(0, 15),
    commands: ["map", "optimise"],
    flag: "--precision <decimals>",
    default: 6,
    help: "decimal places of GeoJSON coordinates (coarser than 5 on longitude/latitude leaves overlaps and gaps of the grid's size between footprints)",
  }),
  option({ name: "width", value: count(400, 10000), commands: ["map", "diff"], flag: "--width <pixels>", default: 1000, help: "width of the picture (the height follows the data)" }),
  option({
    name: "scale",
    value: number((n) => n.gt(0, "must be above 0").max(8, "must be at most 8")),
    commands: ["map", "diff"],
    flag: "--scale <factor>",
    default: 1.5,
    help: "PNG pixels per SVG pixel, for sharper or smaller pictures (a PNG may have at most 50 million pixels)",
  }),
  option({ name: "title", value: text(), commands: ["map", "diff"], flag: "--title <text>", defaultText: "the dataset's name (diff: the two plans)", help: "title drawn on the map or report" }),
] as const;
