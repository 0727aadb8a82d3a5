#!/usr/bin/env node
// Before/after report benchmarks (npm run bench): a 1,000-unit synthetic plan (target: under 5 s
// and 50 MB of HTML) and the England LSOA plan, 32,844 units (target: under 60 s). Whole-process
// wall time and peak memory (/usr/bin/time), median of --runs (default 3).
//   node test/bench/report.mjs [--runs N]
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const E = resolve(root, "../shared/data/england");
const bin = resolve(root, "bin/stp-footprint.js");
const args = process.argv.slice(2);
const runs = Number(args[args.indexOf("--runs") + 1] || 3) || 3;
const out = resolve(root, ".bench/report");
mkdirSync(out, { recursive: true });

// 1,000 square units of 2 km (40 x 25, projected metres), 40 footprints of 5 x 5 units; the
// proposal moves the first column of every other footprint to its western neighbour.
const cols = 40, rows = 25, size = 2000;
const features = [], pop = ["unit,population"], a = ["unit,footprint,footprint_name"], b = ["unit,footprint,footprint_name"];
for (let r = 0; r < rows; r++) {
  for (let c = 0; c < cols; c++) {
    const id = `U${String(r * cols + c).padStart(4, "0")}`;
    const [x, y] = [c * size, r * size];
    features.push({ type: "Feature", properties: { code: id, name: `Unit ${r}-${c}` }, geometry: { type: "Polygon", coordinates: [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]] } });
    pop.push(`${id},${40000 + ((r * 7 + c * 13) % 20000)}`);
    const f = Math.floor(r / 5) * 8 + Math.floor(c / 5);
    const g = c % 5 === 0 && c > 0 && Math.floor(c / 5) % 2 === 1 ? f - 1 : f;
    a.push(`${id},F${f},Footprint ${f}`);
    b.push(`${id},F${g},Footprint ${g}`);
  }
}
writeFileSync(resolve(out, "grid.geojson"), JSON.stringify({ type: "FeatureCollection", features }));
writeFileSync(resolve(out, "grid-pop.csv"), pop.join("\n") + "\n");
writeFileSync(resolve(out, "grid-a.csv"), a.join("\n") + "\n");
writeFileSync(resolve(out, "grid-b.csv"), b.join("\n") + "\n");

const cases = [
  ["report: 1,000-unit synthetic plan", ["diff", resolve(out, "grid-a.csv"), resolve(out, "grid-b.csv"), "--boundaries", resolve(out, "grid.geojson"), "--population", resolve(out, "grid-pop.csv"), "--out", resolve(out, "grid.html")], 5, resolve(out, "grid.html")],
];
if (existsSync(E)) {
  // The LSOA plan: STP17 footprints against STP21 footprints, 32,844 units.
  const lookup = readFileSync(resolve(E, "lsoa11_lookup_all_vintages.csv"), "utf8").trim().split(/\r?\n/);
  const head = lookup[0].split(",").map((h) => h.replace(/"/g, ""));
  const [iu, i17, i21] = ["LSOA11CD", "STP17CD", "STP21CD"].map((h) => head.indexOf(h));
  const cells = lookup.slice(1).map((l) => l.split(",").map((c) => c.replace(/"/g, "")));
  writeFileSync(resolve(out, "lsoa-a.csv"), ["unit,footprint", ...cells.map((r) => `${r[iu]},${r[i17]}`)].join("\n") + "\n");
  writeFileSync(resolve(out, "lsoa-b.csv"), ["unit,footprint", ...cells.map((r) => `${r[iu]},${r[i21]}`)].join("\n") + "\n");
  cases.push(["report: England LSOA plan, 32,844 units", ["diff", resolve(out, "lsoa-a.csv"), resolve(out, "lsoa-b.csv"), "--boundaries", resolve(E, "lsoa11_boundaries_bsc_england.geojson"), "--out", resolve(out, "lsoa.html")], 60, resolve(out, "lsoa.html")]);
}

const median = (xs) => [...xs].sort((p, q) => p - q)[Math.floor(xs.length / 2)];
console.log(`# ${new Date().toISOString().slice(0, 10)}, node ${process.version}, ${runs} runs each\n`);
console.log("| case | median s | peak MB | HTML MB | target | status |");
console.log("|---|--:|--:|--:|---|---|");
for (const [name, argv, target, html] of cases) {
  const results = Array.from({ length: runs }, () => {
    const r = spawnSync("/usr/bin/time", ["-f", "%e %M", "node", bin, ...argv], { encoding: "utf8", maxBuffer: 1 << 30 });
    const [secs, kb] = r.stderr.trim().split("\n").pop().split(" ").map(Number);
    return { secs, mb: kb / 1024, status: r.status };
  });
  const med = median(results.map((r) => r.secs)), mb = Math.max(...results.map((r) => r.mb));
  const size = statSync(html).size / 1e6;
  const ok = med <= target && size <= 50 ? "ok" : "SLOW";
  console.log(`| ${name} | ${med.toFixed(2)} | ${mb.toFixed(0)} | ${size.toFixed(1)} | ${target} s, 50 MB | ${ok}${results.some((r) => r.status !== 0) ? " (exit " + results.map((r) => r.status).join(",") + ")" : ""} |`);
}
