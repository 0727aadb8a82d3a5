#!/usr/bin/env node
// Benchmark of the optimiser on the England 2016 instance (209 CCG16 units, STP17 start, 44
// footprints). Runs the compiled code in dist/ (run `npm run build` first).
//   node test/bench/optimise.mjs [--seeds 5] [--seconds 60] [--threads 2] [--replicas N] [--first-seed 1]
//                                [--data loader|lsoa]
// --data loader (default) builds the instance with the project's dataset loader (adjacency from the
// CCG16 polygons); --data lsoa derives the adjacency independently from shared LSOA segments.
// Prints, per seed, the best cross-footprint count reached at 10 s, 30 s and the end, the moves
// evaluated per second per thread (single-unit moves that passed the O(1) checks plus candidate
// splits), all single-unit proposals per second per thread, and the median and range over seeds.
import { parseArgs } from "node:util";
import { loadEngland, loadEnglandWithLoader } from "./england.mjs";
import { optimiseParallel } from "../../dist/optimise/parallel.js";
import { evaluate } from "../../dist/optimise/evaluate.js";

const { values } = parseArgs({
  options: {
    seeds: { type: "string", default: "5" },
    seconds: { type: "string", default: "60" },
    threads: { type: "string", default: "2" },
    replicas: { type: "string" },
    "first-seed": { type: "string", default: "1" },
    data: { type: "string", default: "loader" },
  },
});
const seeds = Number(values.seeds);
const seconds = Number(values.seconds);
const threads = Number(values.threads);
const replicas = values.replicas ? Number(values.replicas) : threads;
const firstSeed = Number(values["first-seed"]);

const { instance, start } = values.data === "lsoa" ? loadEngland() : await loadEnglandWithLoader();
const startObj = evaluate(instance, start, start);
console.log(`England 2016: ${instance.n} units, ${instance.adj.length / 2} adjacent pairs, start cross ${startObj.cross}`);
console.log(`${seeds} seed(s) x ${seconds} s, ${threads} thread(s), ${replicas} replica(s)`);
const checkpoints = [10, 30, seconds].filter((c, i, a) => c <= seconds && a.indexOf(c) === i);
const finals = [];
const rates = [];
for (let seed = firstSeed; seed < firstSeed + seeds; seed++) {
  const latest = new Map();
  const at = new Map(checkpoints.map((c) => [c, Infinity]));
  const r = await optimiseParallel(instance, { start, seed, timeMs: seconds * 1000, threads, replicas, progressEvery: 1 << 18 }, (p) => {
    latest.set(p.replica, p.best.cross);
    const best = Math.min(...latest.values());
    for (const c of checkpoints) if (p.elapsedMs <= c * 1000 + 50) at.set(c, Math.min(at.get(c), best));
  });
  at.set(seconds, r.objective.cross);
  finals.push(r.objective.cross);
  rates.push(r.movesPerSecond);
  const cps = checkpoints.map((c) => `${c}s: ${at.get(c)}`).join("  ");
  const proposals = r.iterations / replicas / seconds;
  console.log(`seed ${seed}: ${cps}  moved ${r.moved}  feasible ${r.feasible}  ${(r.movesPerSecond / 1e6).toFixed(2)} M evaluated moves/s/thread  (${(proposals / 1e6).toFixed(2)} M proposals/s/thread)`);
}
const sorted = [...finals].sort((a, b) => a - b);
const median = sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
const mrate = rates.reduce((a, b) => a + b, 0) / rates.length;
console.log(`cross-footprint providers: median ${median}, range ${sorted[0]}..${sorted[sorted.length - 1]}; ${(mrate / 1e6).toFixed(2)} M moves/s per thread`);
