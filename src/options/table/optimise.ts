import { option } from "../row.js";
import { choice, count, countRange, duration, file, fileOrNone, files, flag, number, termWeights } from "../valueTypes.js";

const mapFile = { pattern: /\.(svg|png|html)$/i, message: "must end in .svg, .png or .html" };
const o = ["optimise"] as const;

/**
 * Options of `optimise`. Adding one is one row here; the command passes the parsed value
 * (`o.<name>`, typed from the row) on to `runOptimise`.
 */
export const optimiseRows = [
  option({ name: "start", value: fileOrNone(), commands: o, flag: "--start <plan>", negate: "ignore the dataset's plan and grow footprints from seeds", defaultText: "the dataset's plan", help: "start plan CSV" }),
  option({ name: "footprints", value: countRange(), commands: o, flag: "--footprints <n>", defaultText: "the start's count", help: "number of footprints, or a range like 40-48" }),
  option({ name: "lock", value: file(), commands: o, flag: "--lock <file>", help: "CSV of units that must stay in a footprint (unit, footprint)" }),
  option({ name: "maxMoves", value: count(0), commands: o, flag: "--max-moves <n>", defaultText: "no limit", help: "move at most this many units from the start plan (a footprint that changes identity counts whole)" }),
  option({
    name: "maxSplitAreas",
    value: count(0),
    commands: o,
    flag: "--max-split-areas <n>",
    defaultText: "no limit",
    help: "split at most this many areas of --areas (a plan over it is returned only when none within it is found, and fails)",
  }),
  option({
    name: "weights",
    value: termWeights(),
    commands: o,
    flag: "--weights <list>",
    manifest: "weights",
    defaultText: "cross=1",
    help: "what to minimise, by name: cross (cross-footprint providers), split (split areas), moved (units moved), e.g. cross=1,split=0.5",
  }),
  option({
    name: "margin",
    value: number((n) => n.min(0, "must not be negative").max(0.5, "must be at most 0.5")),
    commands: o,
    flag: "--margin <share>",
    manifest: "margin",
    defaultText: "0",
    help: "count a provider as cross in the search when two footprints each hold threshold - margin of it",
  }),
  option({ name: "time", value: duration(), commands: o, flag: "--time <duration>", default: 30_000, help: "search time per replica, like 60s or 2m" }),
  option({ name: "iterations", value: count(1), commands: o, flag: "--iterations <n>", help: "proposals per replica instead of a time (with --seed: the same plan on every run)" }),
  option({ name: "seed", value: count(0, 2 ** 32 - 1), commands: o, flag: "--seed <n>", default: 1, help: "random seed" }),
  option({ name: "threads", value: count(1, 256), commands: o, flag: "--threads <n>", defaultText: "the number of cores", help: "worker threads" }),
  option({ name: "replicas", value: count(1, 1024), commands: o, flag: "--replicas <n>", defaultText: "--threads", help: "independent searches, best kept; fix it to get the same plan on any machine" }),
  option({ name: "out", value: file(), commands: o, flag: "--out <file>", help: "write the plan as CSV (unit,footprint,footprint_name); - writes it to standard output (the summary then goes to standard error); a symbolic link is written through to its target" }),
  option({ name: "map", value: files(mapFile), commands: o, flag: "--map <file>", help: "also draw the result: .svg, .png or .html (see `map`; repeatable)" }),
  option({ name: "geojson", value: file(), commands: o, flag: "--geojson <file>", help: "also write the footprints as dissolved polygons (GeoJSON)" }),
  option({
    name: "frontier",
    value: file(),
    commands: o,
    flag: "--frontier <dir>",
    help: "search the trade-off (caps on split areas and moves, each count of a range; the time is the total) and write every non-dominated plan (frontier-01.csv ...) and frontier.csv to <dir> (made when missing; an earlier frontier's plans there are removed)",
  }),
  option({ name: "format", value: choice(["text", "json"]), commands: o, flag: "--format <name>", default: "text", help: "summary as text or json" }),
  option({ name: "quiet", value: flag(), commands: o, flag: "-q, --quiet", default: false, help: "no progress display" }),
] as const;
