import { option } from "../row.js";
import { choice, count, countRange, duration, file, fileOrNone, flag } from "../valueTypes.js";

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
  option({ name: "maxMoves", value: count(0), commands: o, flag: "--max-moves <n>", defaultText: "no limit", help: "move at most this many units from the start plan" }),
  option({ name: "time", value: duration(), commands: o, flag: "--time <duration>", default: 30_000, help: "search time per replica, like 60s or 2m" }),
  option({ name: "iterations", value: count(1), commands: o, flag: "--iterations <n>", help: "proposals per replica instead of a time (with --seed: the same plan on every run)" }),
  option({ name: "seed", value: count(0, 2 ** 32 - 1), commands: o, flag: "--seed <n>", default: 1, help: "random seed" }),
  option({ name: "threads", value: count(1, 256), commands: o, flag: "--threads <n>", defaultText: "the number of cores", help: "worker threads" }),
  option({ name: "replicas", value: count(1, 1024), commands: o, flag: "--replicas <n>", defaultText: "--threads", help: "independent searches, best kept; fix it to get the same plan on any machine" }),
  option({ name: "out", value: file(), commands: o, flag: "--out <file>", help: "write the plan as CSV (unit,footprint,footprint_name)" }),
  option({ name: "map", value: file(mapFile), commands: o, flag: "--map <file>", help: "also draw the result: .svg, .png or .html (see `map`)" }),
  option({ name: "geojson", value: file(), commands: o, flag: "--geojson <file>", help: "also write the footprints as dissolved polygons (GeoJSON)" }),
  option({ name: "frontier", value: flag(), commands: o, flag: "--frontier", default: false, help: "report the best cross-footprint count for max moves 0, 1, 2, 4, 8, 16, 32 and unlimited" }),
  option({ name: "format", value: choice(["text", "json"]), commands: o, flag: "--format <name>", default: "text", help: "summary as text or json" }),
  option({ name: "quiet", value: flag(), commands: o, flag: "-q, --quiet", default: false, help: "no progress display" }),
] as const;
