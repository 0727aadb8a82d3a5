#!/usr/bin/env node
// Whole-process benchmarks of the CLI on the shared England data (npm run bench).
// Each case runs several times; we report the median wall time and the peak resident memory
// (from /usr/bin/time), against the targets in the issues. Usage:
//   node test/bench/run.mjs [--runs N] [--only substring]
import { execFileSync, spawnSync } from "node:child_process";
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
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

const out = resolve(root, ".bench");
mkdirSync(out, { recursive: true });
const mapArgs = [f("ccg16_stp_lookup_population.csv"), "--footprint-column", "STP17CD_primary", ...ccg16, "--links", f("ccg16_links.csv"), "--provider-sites", f("nhs_trusts_2022_locations.csv")];

/**
 * A provider CSV of 1,000,000 rows over the 209 CCG16 units (4,785 invented providers), made once
 * in the temporary folder, to show that providers are read in bounded memory.
 */
function bigProviders() {
  const file = resolve(tmpdir(), "stp-bench-providers-1m.csv");
  if (existsSync(file)) return file;
  const ids = JSON.parse(readFileSync(f("ccg16_boundaries_from_lsoa_bsc.geojson"), "utf8")).features.map((x) => x.properties.CCG16CD);
  const fd = openSync(file, "w");
  writeSync(fd, "provider,unit,value\n");
  let rows = 0;
  for (let p = 0; rows < 1_000_000; p++) {
    let chunk = "";
    for (let i = 0; i < ids.length && rows < 1_000_000; i++, rows++) chunk += `Q${p},${ids[i]},${(p * 7 + i * 13) % 1000 + 1}\n`;
    writeSync(fd, chunk);
  }
  closeSync(fd);
  return file;
}

/** name, argv, target seconds, target peak MB (or null) */
export const cases = [
  ["node -e 0 (baseline)", null, null, null],
  ["--version", ["--version"], "1.5x node", null],
  ["info CCG16", ["info", f("ccg16_boundaries_from_lsoa_bsc.geojson")], 1, null],
  ["info LSOA", ["info", f("lsoa11_boundaries_bsc_england.geojson")], 5, null],
  ["check CCG16 2016 plan", ["check", f("ccg16_stp_lookup_population.csv"), "--footprint-column", "STP17CD_primary", ...ccg16, "--format", "json"], 1, null],
  ["map CCG16 2016 plan to SVG", ["map", ...mapArgs, "--out", resolve(out, "ccg16.svg")], 2, null],
  ["map CCG16 2016 plan to PNG", ["map", ...mapArgs, "--out", resolve(out, "ccg16.png")], 5, null],
  ["validate CCG16", ["validate", f("ccg16_boundaries_from_lsoa_bsc.geojson"), "--format", "json"], 2, null],
  ["validate LSOA", ["validate", f("lsoa11_boundaries_bsc_england.geojson"), "--format", "json"], 10, 1536],
  ["info CCG16 + 1,000,000-row provider CSV", ["info", f("ccg16_boundaries_from_lsoa_bsc.geojson"), "--providers", bigProviders(), "--format", "json"], null, null],
  ["check LSOA plan", ["check", f("lsoa11_lookup_all_vintages.csv"), "--boundaries", f("lsoa11_boundaries_bsc_england.geojson"), "--footprint-column", "STP17CD", "--format", "json"], 5, null],
  [
    "prepare England LSOA files to CCG16 (populations, MSOA catchments, LAD16 overlap, STP17 plan, dissolved LSOA polygons)",
    [
      "prepare", "--lookup", f("lsoa11_lookup_all_vintages.csv"), "--unit", "CCG16CD", "--footprint", "STP17CD", "--split-area", "LAD16CD",
      "--catchment", f("trust_msoa11_catchment_proportions_2019.csv"), "--small-area-boundaries", f("lsoa11_boundaries_bsc_england.geojson"),
      "--link-islands", "--out", resolve(out, "prepare-ccg16"), "--format", "json",
    ],
    20,
    1024,
  ],
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
