#!/usr/bin/env node
// Whole-process benchmarks of the CLI on the shared England data (npm run bench).
// Each case runs several times; we report the median wall time and the peak resident memory
// (from /usr/bin/time), against the targets in the issues. Usage:
//   node test/bench/run.mjs [--runs N] [--only substring]
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const E = resolve(root, "../shared/data/england");
const bin = resolve(root, "bin/stp-footprint.js");
const args = process.argv.slice(2);
const runs = Number(args[args.indexOf("--runs") + 1] || 5) || 5;
const only = args.includes("--only") ? args[args.indexOf("--only") + 1] : "";

if (!existsSync(E)) {
  console.error(`shared England data not found at ${E}`);
  process.exit(2);
}
const f = (name) => resolve(E, name);
const ccg16 = ["--boundaries", f("ccg16_boundaries_from_lsoa_bsc.geojson"), "--population", f("ccg16_stp_lookup_population.csv"), "--providers", f("trust_ccg16_catchment_2019.csv")];

/** name, argv, target seconds, target peak MB (or null) */
export const cases = [
  ["node -e 0 (baseline)", null, null, null],
  ["--version", ["--version"], "1.5x node", null],
  ["info CCG16", ["info", f("ccg16_boundaries_from_lsoa_bsc.geojson")], 1, null],
  ["info LSOA", ["info", f("lsoa11_boundaries_bsc_england.geojson")], 5, null],
  ["check CCG16 2016 plan", ["check", f("ccg16_stp_lookup_population.csv"), "--footprint-column", "STP17CD_primary", ...ccg16, "--format", "json"], 1, null],
  ["check LSOA plan", ["check", f("lsoa11_lookup_all_vintages.csv"), "--boundaries", f("lsoa11_boundaries_bsc_england.geojson"), "--footprint-column", "STP17CD", "--format", "json"], 5, null],
];

function measure(argv) {
  const cmd = argv === null ? ["node", "-e", "0"] : ["node", bin, ...argv];
  const r = spawnSync("/usr/bin/time", ["-f", "%e %M", ...cmd], { encoding: "utf8", maxBuffer: 1 << 30 });
  const last = r.stderr.trim().split("\n").pop();
  const [secs, kb] = last.split(" ").map(Number);
  return { secs, mb: kb / 1024, status: r.status };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rows = [];
let baseline = 0;
const cpu = execFileSync("sh", ["-c", "nproc; grep -m1 'model name' /proc/cpuinfo | cut -d: -f2"], { encoding: "utf8" }).trim().split("\n");
console.log(`# ${new Date().toISOString().slice(0, 10)}, ${cpu[0]} cores,${cpu[1] ?? ""}, node ${process.version}, ${runs} runs each\n`);
console.log("| case | median s | min s | peak MB | target | status |");
console.log("|---|--:|--:|--:|---|---|");
for (const [name, argv, target, memTarget] of cases) {
  if (only && !name.includes(only)) continue;
  const results = Array.from({ length: runs }, () => measure(argv));
  const secs = results.map((r) => r.secs);
  const med = median(secs), min = Math.min(...secs), mb = Math.max(...results.map((r) => r.mb));
  if (argv === null) baseline = med;
  let ok = "";
  if (typeof target === "number") ok = med <= target ? "ok" : "SLOW";
  else if (target === "1.5x node") ok = med <= 1.5 * baseline + 0.005 ? "ok" : "SLOW";
  if (memTarget && mb > memTarget) ok += " MEM";
  const codes = [...new Set(results.map((r) => r.status))].join(",");
  rows.push({ name, med, min, mb });
  console.log(`| ${name} | ${med.toFixed(2)} | ${min.toFixed(2)} | ${mb.toFixed(0)} | ${target ?? ""}${memTarget ? `, ${memTarget} MB` : ""} | ${ok}${codes !== "0" && codes !== "1" ? ` (exit ${codes})` : ""} |`);
}
