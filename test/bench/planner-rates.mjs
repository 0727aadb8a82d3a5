#!/usr/bin/env node
// Evaluated moves per second per thread of the optimiser on England 2016 (LAD16 overlaps as areas):
// the single objective against each planner term on, interleaved in one process and one thread, the
// same seed and number of proposals, so that machine load affects every setting alike.
//   node test/bench/planner-rates.mjs [--iterations 6000000] [--rounds 3]
import { dirname, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const E = process.env.STP_FOOTPRINT_SHARED ?? resolve(root, "../shared/data/england");
const dist = pathToFileURL(resolve(root, "dist") + "/").href;
const { values } = parseArgs({ options: { iterations: { type: "string", default: "6000000" }, rounds: { type: "string", default: "3" } } });
const { loadDataset } = await import(dist + "io/loadDataset.js");
const { optimiseProblem } = await import(dist + "app/optimiseProblem.js");
const { optimise } = await import(dist + "optimise/search.js");
const f = (name) => resolve(E, name);
const { dataset } = await loadDataset({
  boundaries: f("ccg16_boundaries_from_lsoa_bsc.geojson"),
  idField: "CCG16CD",
  population: f("ccg16_stp_lookup_population.csv"),
  populationColumn: "pop_mid2019",
  providers: f("trust_ccg16_catchment_2019.csv"),
  providerColumn: "trust_code",
  providerValueColumn: "catchment_pop",
  links: f("ccg16_links.csv"),
  areas: f("ccg16_lad16_overlap.csv"),
  areaColumn: "LAD16CD",
  areaWeightColumn: "pop_mid2019",
  plan: f("ccg16_stp_lookup_population.csv"),
  footprintColumn: "STP17CD_primary",
});
const problem = optimiseProblem(dataset, dataset.plan, {}, { splitTolerance: 0.01 });
const settings = {
  "cross only": {},
  "split weight": { objective: { weights: { split: 0.5 } } },
  "split cap": { objective: { caps: { split: 16 } } },
  "every term": { objective: { weights: { split: 0.5, moved: 0.05 }, caps: { split: 16 } }, maxMoves: 60 },
};
const rates = Object.fromEntries(Object.keys(settings).map((k) => [k, []]));
for (let round = 0; round < Number(values.rounds); round++)
  for (const [name, o] of Object.entries(settings)) {
    const r = optimise(problem.inst, { ...problem.opts, seed: 1, iterations: Number(values.iterations), progressEvery: 1 << 30, ...o });
    rates[name].push(r.movesPerSecond);
  }
const median = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];
const base = median(rates["cross only"]);
for (const [name, r] of Object.entries(rates))
  console.log(`${name.padEnd(12)} median ${(median(r) / 1e6).toFixed(3)} M evaluated moves/s (${r.map((x) => (x / 1e6).toFixed(3)).join(", ")})  ${((median(r) / base - 1) * 100).toFixed(1)}% against cross only`);
