#!/usr/bin/env node
// A/B benchmark of the optimiser's search loop: runs two (or more) builds of the project on the
// England 2016 instance, interleaved (A B A B ...), each run in a fresh process, one thread, a
// fixed seed and number of proposals, and prints per build the plan's fingerprint (so that two
// builds can be seen to give the same plan) and the evaluated moves per second.
//   node test/bench/search-ab.mjs --dist dist --dist /tmp/old-dist [--iterations 20000000] [--seed 1] [--rounds 3]
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

const here = fileURLToPath(import.meta.url);
const { values } = parseArgs({
  options: {
    dist: { type: "string", multiple: true, default: ["dist"] },
    iterations: { type: "string", default: "20000000" },
    seed: { type: "string", default: "1" },
    rounds: { type: "string", default: "3" },
    child: { type: "string" },
    args: { type: "string", default: "{}" },
  },
});

if (values.child) {
  // One run in this process: load England 2016 with the build's own loader, search, report.
  const dist = pathToFileURL(path.resolve(values.child) + "/").href;
  const { loadEnglandWithLoader } = await import("./england.mjs");
  const { instance, start } = await loadEnglandWithLoader(dist);
  const { optimise } = await import(dist + "optimise/search.js");
  const extra = JSON.parse(values.args);
  const r = optimise(instance, { start, seed: Number(values.seed), iterations: Number(values.iterations), progressEvery: 1 << 30, ...extra });
  const hash = createHash("sha256").update(Buffer.from(r.assignment.buffer)).digest("hex").slice(0, 12);
  console.log(JSON.stringify({ hash, cross: r.objective.cross, moved: r.moved, evaluated: r.evaluated, rate: r.movesPerSecond }));
} else {
  const rows = new Map(values.dist.map((d) => [d, []]));
  for (let round = 0; round < Number(values.rounds); round++)
    for (const d of values.dist) {
      const p = spawnSync(process.execPath, [here, "--child", d, "--iterations", values.iterations, "--seed", values.seed, "--args", values.args], { encoding: "utf8" });
      if (p.status !== 0) throw new Error(`${d}: ${p.stderr}`);
      const r = JSON.parse(p.stdout.trim().split("\n").pop());
      rows.get(d).push(r);
      console.log(`round ${round + 1} ${d}: plan ${r.hash} cross ${r.cross} moved ${r.moved} evaluated ${r.evaluated} ${(r.rate / 1e6).toFixed(3)} M/s`);
    }
  for (const [d, rs] of rows) {
    const rates = rs.map((r) => r.rate).sort((a, b) => a - b);
    console.log(`${d}: plans ${[...new Set(rs.map((r) => r.hash))].join(",")}; median ${(rates[rates.length >> 1] / 1e6).toFixed(3)} M evaluated moves/s (range ${(rates[0] / 1e6).toFixed(3)}-${(rates[rates.length - 1] / 1e6).toFixed(3)})`);
  }
}
