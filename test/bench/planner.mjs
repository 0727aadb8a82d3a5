#!/usr/bin/env node
// Benchmark of the planner-grade optimiser (issue targets): for each vintage of the shared England
// data (2016: LAD16 overlaps as areas, 44 footprints; 2020 and 2021: LAD21 overlaps, 42), from the
// real plan, 5% threshold, 300k-2.8m, each setting for --time on --threads: the best
// cross-footprint count under caps on split areas and units moved, Greater Manchester kept whole
// under a 2.9 m exception, and the frontier. Every figure is `check`'s, read from the JSON summary.
//   node test/bench/planner.mjs [--time 60s] [--threads 2] [--seed 1] [--vintages 2016,2020,2021]
//                               [--only name] [--frontier-time 290s]
// The frontier gets 290 s of search so that the whole command, loading and checking every plan
// included, stays within the 5 minutes.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { frontierPivot } from "../../dist/report/optimise.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const E = process.env.STP_FOOTPRINT_SHARED ?? resolve(root, "../shared/data/england");
const bin = resolve(root, "bin/stp-footprint.js");
const { values } = parseArgs({
  options: {
    time: { type: "string", default: "60s" },
    threads: { type: "string", default: "2" },
    seed: { type: "string", default: "1" },
    vintages: { type: "string", default: "2016,2020,2021" },
    only: { type: "string", default: "" },
    "frontier-time": { type: "string", default: "290s" },
  },
});
const out = resolve(root, ".bench/planner");
mkdirSync(out, { recursive: true });
const f = (name) => resolve(E, name);
const vintages = {
  2016: { unit: "CCG16CD", boundaries: "ccg16_boundaries_from_lsoa_bsc.geojson", lookup: "ccg16_stp_lookup_population.csv", plan: "STP17CD_primary", providers: "trust_ccg16_catchment_2019.csv", links: "ccg16_links.csv", areas: "ccg16_lad16_overlap.csv", area: "LAD16CD" },
  2020: { unit: "CCG20CD", boundaries: "ccg20_boundaries_buc.geojson", lookup: "ccg20_stp20_lookup_population.csv", plan: "STP20CD", providers: "trust_ccg20_catchment_2019.csv", links: "ccg20_links.csv", areas: "ccg20_lad21_overlap.csv", area: "LAD21CD" },
  2021: { unit: "CCG21CD", boundaries: "ccg21_boundaries_buc.geojson", lookup: "ccg21_stp21_lookup_population.csv", plan: "STP21CD", providers: "trust_ccg21_catchment_2019.csv", links: null, areas: "ccg21_lad21_overlap.csv", area: "LAD21CD" },
};

function manifest(year) {
  const v = vintages[year];
  const m = {
    name: `England ${year}`,
    boundaries: { path: f(v.boundaries), idField: v.unit },
    population: { path: f(v.lookup), valueColumn: "pop_mid2019" },
    providers: { path: f(v.providers), providerColumn: "trust_code", valueColumn: "catchment_pop" },
    areas: { path: f(v.areas), areaColumn: v.area, weightColumn: "pop_mid2019" },
    plan: { path: f(v.lookup), footprintColumn: v.plan },
  };
  if (v.links) m.links = f(v.links);
  const file = resolve(out, `england${year}.json`);
  writeFileSync(file, JSON.stringify(m, null, 2));
  return file;
}

/** Greater Manchester: the CCGs of the real plan's E54000007, as a group, with a 2.9 m exception. */
function greaterManchester(year) {
  const v = vintages[year];
  const lines = readFileSync(f(v.lookup), "utf8").trim().split("\n");
  const head = lines[0].split(",").map((x) => x.replace(/"/g, ""));
  const ui = head.indexOf(v.unit), pi = head.indexOf(v.plan);
  const gm = lines.slice(1).map((l) => l.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/).map((x) => x.replace(/"/g, ""))).filter((c) => c[pi] === "E54000007").map((c) => c[ui]);
  writeFileSync(resolve(out, `gm${year}.csv`), "group,unit\n" + gm.map((u) => `Greater Manchester,${u}`).join("\n") + "\n");
  writeFileSync(resolve(out, `gm${year}-max.csv`), `unit,max,note\n${gm[0]},2900000,devolution area\n`);
  return ["--groups", resolve(out, `gm${year}.csv`), "--exceptions", resolve(out, `gm${year}-max.csv`)];
}

function run(name, ds, args) {
  const t = performance.now();
  const p = spawnSync(process.execPath, [bin, "optimise", "--dataset", ds, "--format", "json", "-q", "--threads", values.threads, "--seed", values.seed, "--out", resolve(out, `${name}.csv`), ...args], { encoding: "utf8", maxBuffer: 1 << 28 });
  const secs = (performance.now() - t) / 1000;
  if (p.status === 2) throw new Error(`${name}: ${p.stderr}`);
  const s = JSON.parse(p.stdout);
  return { name, code: p.status, secs, s };
}

const rows = [];
const show = (r, extra = "") => {
  const q = r.s.result;
  const line = `${r.name.padEnd(34)} cross ${String(q.crossFootprintProviders).padStart(3)}  split ${String(q.splitAreas).padStart(3)}  moved ${String(r.s.unitsMoved).padStart(3)}  footprints ${q.footprints}  errors ${q.errors}  ${r.code === 0 ? "valid" : "FAIL"}  ${(r.s.search.movesPerSecondPerThread / 1e6).toFixed(2)} M evaluated/s/thread  ${r.secs.toFixed(0)} s${extra}`;
  console.log(line);
  rows.push(line);
};
const time = ["--time", values.time];
for (const year of values.vintages.split(",")) {
  const ds = manifest(year);
  const settings = [
    ["cross only", []],
    ["split <= start's", ["--max-split-areas", "START"]],
    ["split <= 10", ["--max-split-areas", "10"]],
    ["split = 0", ["--max-split-areas", "0"]],
    ["split <= start's, moved <= 40", ["--max-split-areas", "START", "--max-moves", "40"]],
    ["split <= start's, moved <= 20", ["--max-split-areas", "START", "--max-moves", "20"]],
    ["GM group, 2.9 m exception", greaterManchester(year)],
  ];
  const start = JSON.parse(spawnSync(process.execPath, [bin, "check", "--dataset", ds, "--format", "json"], { encoding: "utf8" }).stdout).metrics;
  console.log(`\nEngland ${year}: real plan ${start.footprints} footprints, ${start.crossFootprintProviders} cross-footprint providers, ${start.splitAreas} split areas`);
  for (const [label, args] of settings) {
    const name = `${year} ${label}`;
    if (values.only && !name.includes(values.only)) continue;
    show(run(name.replace(/[^a-z0-9]+/gi, "-"), ds, [...time, ...args.map((a) => (a === "START" ? String(start.splitAreas) : a))]));
  }
  if (!values.only || "frontier".includes(values.only)) {
    const r = run(`${year}-frontier`, ds, ["--time", values["frontier-time"], "--frontier", resolve(out, `frontier${year}`)]);
    console.log(`${year} frontier: ${r.s.frontier.length} plans in ${r.secs.toFixed(0)} s`);
    for (const p of r.s.frontier) console.log(`  ${p.file}  cross ${p.crossFootprintProviders}  split ${p.splitAreas}  moved ${p.unitsMoved}  footprints ${p.footprints}`);
    console.log(frontierPivot(r.s.frontier, r.s.start?.splitAreas ?? null));
  }
}
