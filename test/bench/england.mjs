// Development harness: builds the England 2016 optimiser instance (209 CCG16 units) straight from the
// shared data files, with a CCG16 adjacency derived independently from the LSOA polygons.
// LSOA polygons share exact vertices, so two LSOAs touch when a ring segment (rounded endpoints,
// sorted pair) appears in both; two CCG16s are adjacent when LSOAs of each share a segment.
// The derived adjacency is cached in .bench/ (git-ignored) because parsing 18 MB of GeoJSON is slow.
import { readFileSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";
import { parse } from "csv-parse/sync";

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, "../..");
export const sharedDir = process.env.STP_FOOTPRINT_SHARED ?? path.resolve(repoRoot, "../shared/data/england");
export const hasEngland = existsSync(path.join(sharedDir, "ccg16_stp_lookup_population.csv"));

function readCsv(name) {
  return parse(readFileSync(path.join(sharedDir, name), "utf8"), { columns: true, skip_empty_lines: true });
}

/** Unordered CCG16 code pairs adjacent through shared LSOA boundary segments. */
export function deriveCcg16Pairs() {
  const cache = path.join(repoRoot, ".bench", "ccg16_pairs.json");
  if (existsSync(cache)) return JSON.parse(readFileSync(cache, "utf8"));
  const gj = JSON.parse(readFileSync(path.join(sharedDir, "lsoa11_boundaries_bsc_england.geojson"), "utf8"));
  const owner = new Map(); // segment key -> CCG16 code of the first LSOA seen with it
  const pairs = new Set();
  const q = (x) => Math.round(x * 1e5);
  for (const f of gj.features) {
    const ccg = f.properties.CCG16CD;
    const g = f.geometry;
    const polys = g.type === "Polygon" ? [g.coordinates] : g.coordinates;
    for (const poly of polys)
      for (const ring of poly)
        for (let i = 0; i + 1 < ring.length; i++) {
          const a = `${q(ring[i][0])},${q(ring[i][1])}`;
          const b = `${q(ring[i + 1][0])},${q(ring[i + 1][1])}`;
          if (a === b) continue;
          const key = a < b ? `${a};${b}` : `${b};${a}`;
          const o = owner.get(key);
          if (o === undefined) owner.set(key, ccg);
          else if (o !== ccg) pairs.add(o < ccg ? `${o}|${ccg}` : `${ccg}|${o}`);
        }
  }
  const out = [...pairs].sort().map((s) => s.split("|"));
  mkdirSync(path.dirname(cache), { recursive: true });
  writeFileSync(cache, JSON.stringify(out));
  return out;
}

/**
 * The England 2016 instance in the optimiser's input shape, plus ids and the STP17 start plan.
 * @returns {{instance: object, ids: string[], footprintIds: string[], start: Int32Array, pairs: number}}
 */
export function loadEngland() {
  const lookup = readCsv("ccg16_stp_lookup_population.csv");
  const ids = lookup.map((r) => r.CCG16CD);
  const index = new Map(ids.map((id, i) => [id, i]));
  const n = ids.length;
  const population = new Float64Array(n);
  lookup.forEach((r, i) => (population[i] = Number(r.pop_mid2019)));
  const footprintIds = [...new Set(lookup.map((r) => r.STP17CD_primary))].sort();
  const fIndex = new Map(footprintIds.map((id, i) => [id, i]));
  const start = Int32Array.from(lookup.map((r) => fIndex.get(r.STP17CD_primary)));

  const pairList = deriveCcg16Pairs().map(([a, b]) => [index.get(a), index.get(b)]);
  const geoPairs = pairList.length;
  for (const r of readCsv("ccg16_links.csv")) pairList.push([index.get(r.unit_a), index.get(r.unit_b)]);
  const nb = Array.from({ length: n }, () => new Set());
  for (const [a, b] of pairList) {
    if (a === undefined || b === undefined) throw new Error("unknown unit in adjacency");
    nb[a].add(b);
    nb[b].add(a);
  }
  const adjOffsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) adjOffsets[i + 1] = adjOffsets[i] + nb[i].size;
  const adj = new Int32Array(adjOffsets[n]);
  for (let i = 0; i < n; i++) adj.set([...nb[i]].sort((x, y) => x - y), adjOffsets[i]);

  const rows = readCsv("trust_ccg16_catchment_2019.csv");
  const provIds = [...new Set(rows.map((r) => r.trust_code))].sort();
  const pIndex = new Map(provIds.map((id, i) => [id, i]));
  rows.sort((a, b) => pIndex.get(a.trust_code) - pIndex.get(b.trust_code));
  const offsets = new Int32Array(provIds.length + 1);
  const unit = new Int32Array(rows.length);
  const value = new Float64Array(rows.length);
  const total = new Float64Array(provIds.length);
  rows.forEach((r, k) => {
    const p = pIndex.get(r.trust_code);
    offsets[p + 1] = k + 1;
    unit[k] = index.get(r.CCG16CD);
    value[k] = Number(r.catchment_pop);
    total[p] += value[k];
  });
  const providers = { ids: provIds, offsets, unit, value, total };
  const instance = { n, population, adjOffsets, adj, providers, min: 300000, max: 2800000, threshold: 0.05, splitTolerance: 0.01 };
  return { instance, ids, footprintIds, start, pairs: geoPairs };
}

/**
 * The same instance built with the project's own dataset loader (dist/io/loadDataset.js): the
 * adjacency comes from the dissolved CCG16 polygons as the CLI sees them.
 */
export async function loadEnglandWithLoader(dist = new URL("../../dist/", import.meta.url).href) {
  const { loadDataset } = await import(dist + "io/loadDataset.js");
  const f = (name) => path.join(sharedDir, name);
  const { dataset } = await loadDataset({
    boundaries: f("ccg16_boundaries_from_lsoa_bsc.geojson"),
    idField: "CCG16CD",
    population: f("ccg16_stp_lookup_population.csv"),
    providers: f("trust_ccg16_catchment_2019.csv"),
    links: f("ccg16_links.csv"),
    plan: f("ccg16_stp_lookup_population.csv"),
    footprintColumn: "STP17CD_primary",
  });
  const n = dataset.units.ids.length;
  const adjOffsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) adjOffsets[i + 1] = adjOffsets[i] + dataset.adjacency.neighbors[i].length;
  const adj = new Int32Array(adjOffsets[n]);
  for (let i = 0; i < n; i++) adj.set(dataset.adjacency.neighbors[i], adjOffsets[i]);
  const footprintIds = [...new Set(dataset.plan.rows.map((r) => r.footprint))].sort();
  const fIndex = new Map(footprintIds.map((id, i) => [id, i]));
  const start = new Int32Array(n).fill(-1);
  for (const r of dataset.plan.rows) start[dataset.units.index.get(r.unit)] = fIndex.get(r.footprint);
  const p = dataset.params;
  const instance = { n, population: dataset.population, adjOffsets, adj, providers: dataset.providers, min: p.populationMin, max: p.populationMax, threshold: p.threshold, splitTolerance: 0.01 };
  return { instance, ids: dataset.units.ids, footprintIds, start, pairs: adj.length / 2 - dataset.adjacency.linked.length };
}
