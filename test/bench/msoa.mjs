#!/usr/bin/env node
// Scale benchmark: the optimiser on 6,791 MSOAs (npm run bench, or alone):
//   node test/bench/msoa.mjs [--time 200s] [--threads 2]
// Builds the instance from the shared England data into a temporary folder:
//  - population: LSOA mid-2019 populations summed by MSOA (lsoa11_lookup_all_vintages.csv);
//  - start plan: each MSOA in the STP17 holding most of its population;
//  - providers: MSOA population x proportion (trust_msoa11_catchment_proportions_2019.csv);
//  - links: islands (Isle of Wight, Isles of Scilly, and islands the generalised boundaries leave
//    unjoined) are linked from the unit nearest the mainland to the nearest mainland unit, found
//    with the project's own adjacency; the links file is written beside the others.
// Then runs `optimise` as a user would and reports time, peak memory, start and result.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const E = resolve(root, "../shared/data/england");
const arg = (name, def) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : def);
const time = arg("--time", "200s");
const threads = arg("--threads", "2");
const dir = mkdtempSync(join(tmpdir(), "stp-bench-msoa-"));

const { loadDataset } = await import(resolve(root, "dist/io/loadDataset.js"));
const { components } = await import(resolve(root, "dist/model/components.js"));
const { readCsv } = await import(resolve(root, "dist/io/readCsv.js"));

const lookup = await readCsv(join(E, "lsoa11_lookup_all_vintages.csv"));
const col = (h, name) => h.indexOf(name);
const [mi, si, pi] = [col(lookup.header, "MSOA11CD"), col(lookup.header, "STP17CD"), col(lookup.header, "pop_mid2019")];
const pop = new Map();
const bySTP = new Map();
for (const { cells } of lookup.rows) {
  const m = cells[mi], p = Number(cells[pi]);
  pop.set(m, (pop.get(m) ?? 0) + p);
  const k = `${m}|${cells[si]}`;
  bySTP.set(k, (bySTP.get(k) ?? 0) + p);
}
const best = new Map();
for (const [k, p] of bySTP) {
  const [m, s] = k.split("|");
  if (!best.has(m) || p > best.get(m)[1]) best.set(m, [s, p]);
}
writeFileSync(join(dir, "population.csv"), "unit,population\n" + [...pop].map(([m, p]) => `${m},${p}`).join("\n") + "\n");
writeFileSync(join(dir, "plan.csv"), "unit,footprint\n" + [...best].map(([m, [s]]) => `${m},${s}`).join("\n") + "\n");
const prop = await readCsv(join(E, "trust_msoa11_catchment_proportions_2019.csv"));
const [pm, pt, pp] = [col(prop.header, "MSOA11CD"), col(prop.header, "trust_code"), col(prop.header, "proportion")];
writeFileSync(join(dir, "providers.csv"), "provider,unit,value\n" + prop.rows.map(({ cells }) => `${cells[pt]},${cells[pm]},${(pop.get(cells[pm]) ?? 0) * Number(cells[pp])}`).join("\n") + "\n");

const boundaries = join(E, "msoa11_boundaries_bsc_england.geojson");
const { dataset } = await loadDataset({ boundaries, idField: "MSOA11CD" });
const n = dataset.units.ids.length;
const comps = components([...Array(n).keys()], dataset.adjacency.neighbors);
const centre = (u) => {
  const g = dataset.units.geometries[u];
  const ring = g.type === "Polygon" ? g.coordinates[0] : g.coordinates[0][0];
  let x = 0, y = 0;
  for (const p of ring) (x += p[0]), (y += p[1]);
  return [x / ring.length, (y / ring.length)];
};
const mainland = comps[0];
const links = [];
for (const c of comps.slice(1)) {
  let bestPair = null;
  for (const a of c) {
    const [ax, ay] = centre(a);
    for (const b of mainland) {
      const [bx, by] = centre(b);
      const d = (ax - bx) ** 2 + ((ay - by) * 1.6) ** 2;
      if (!bestPair || d < bestPair[2]) bestPair = [a, b, d];
    }
  }
  links.push(`${dataset.units.ids[bestPair[0]]},${dataset.units.ids[bestPair[1]]},ferry or bridge,nearest units (benchmark)`);
}
writeFileSync(join(dir, "links.csv"), "unit_a,unit_b,kind,note\n" + links.join("\n") + "\n");
writeFileSync(
  join(dir, "stp-footprint.json"),
  JSON.stringify({ name: `England MSOA (${n} units)`, boundaries: { path: boundaries, idField: "MSOA11CD" }, population: "population.csv", providers: "providers.csv", links: "links.csv", plan: "plan.csv" }, null, 2),
);

console.log(`# optimise at MSOA scale: ${n} units, ${comps.length - 1} island groups linked, --time ${time} --threads ${threads}\n`);
const r = spawnSync("/usr/bin/time", ["-f", "%e %M", "node", resolve(root, "bin/stp-footprint.js"), "optimise", "--dataset", join(dir, "stp-footprint.json"), "--time", time, "--threads", threads, "--out", join(dir, "result.csv"), "--format", "json", "--quiet"], { encoding: "utf8", maxBuffer: 1 << 28 });
const [secs, kb] = r.stderr.trim().split("\n").pop().split(" ").map(Number);
if (!r.stdout) {
  console.log(r.stderr);
  process.exit(1);
}
const s = JSON.parse(r.stdout);
console.log("| | start | result |");
console.log("|---|--:|--:|");
console.log(`| cross-footprint providers | ${s.start.crossFootprintProviders} | ${s.result.crossFootprintProviders} |`);
console.log(`| rule errors | ${s.start.errors} | ${s.result.errors} |`);
console.log(`| footprints | ${s.start.footprints} | ${s.result.footprints} |`);
console.log(`| population min / max | ${s.start.population.min} / ${s.start.population.max} | ${s.result.population.min} / ${s.result.population.max} |`);
console.log(`\nunits moved ${s.unitsMoved}; ${s.search.movesPerSecondPerThread.toLocaleString("en-GB")} moves/s per thread; wall ${secs.toFixed(0)} s (target 300 s); peak ${(kb / 1024).toFixed(0)} MB (target 2048 MB); feasible ${s.search.feasible}`);
