#!/usr/bin/env node
// Optimiser benchmark on the England 2016 instance (npm run bench, or alone):
//   node test/bench/optimise.mjs [--seeds 5] [--time 60s] [--threads 2]
// Runs the CLI as a user would (whole process), once per seed, and reports the cross-footprint
// count reached (median and spread), moves evaluated per second per thread, rule errors of the
// result (must be 0) and peak memory. Target: 40 or fewer within 60 s, >= 1e6 moves/s/thread.
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const arg = (name, def) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : def);
const seeds = Number(arg("--seeds", 5));
const time = arg("--time", "60s");
const threads = arg("--threads", "2");
const manifest = resolve(root, "fixtures/england/stp-footprint.json");
const out = mkdtempSync(join(tmpdir(), "stp-bench-opt-"));

console.log(`# optimise, England 2016 (209 CCGs, 44 footprints, start 78), --time ${time} --threads ${threads}\n`);
console.log("| seed | cross-footprint | rule errors | units moved | moves/s per thread | wall s | peak MB |");
console.log("|--:|--:|--:|--:|--:|--:|--:|");
const counts = [];
for (let seed = 1; seed <= seeds; seed++) {
  const plan = join(out, `plan-${seed}.csv`);
  const r = spawnSync("/usr/bin/time", ["-f", "%e %M", "node", resolve(root, "bin/stp-footprint.js"), "optimise", "--dataset", manifest, "--time", time, "--threads", threads, "--seed", String(seed), "--out", plan, "--format", "json", "--quiet"], { encoding: "utf8", maxBuffer: 1 << 28 });
  const [secs, kb] = r.stderr.trim().split("\n").pop().split(" ").map(Number);
  const s = JSON.parse(r.stdout);
  counts.push(s.result.crossFootprintProviders);
  console.log(`| ${seed} | ${s.result.crossFootprintProviders} | ${s.result.errors} | ${s.unitsMoved} | ${s.search.movesPerSecondPerThread.toLocaleString("en-GB")} | ${secs.toFixed(1)} | ${(kb / 1024).toFixed(0)} |`);
}
const sorted = [...counts].sort((a, b) => a - b);
console.log(`\nmedian ${sorted[Math.floor(sorted.length / 2)]}, best ${sorted[0]}, worst ${sorted[sorted.length - 1]} (target: median <= 40)`);
