/**
 * The synthetic demo dataset: a fictional country, its units, population, providers, a second
 * geography and a starting plan, generated deterministically from one seed.
 */
import type { Feature, Polygon } from "geojson";
import { toCsv } from "../io/writeCsv.js";
import { defaults } from "../options/defaults.js";
import { createRng } from "../random.js";
import { createHexGrid } from "./hexGrid.js";
import { makeLand, SEA } from "./land.js";
import { makeAreas } from "./makeAreas.js";
import { makePlan } from "./makePlan.js";
import { demoManifest } from "./manifest.js";
import { createNameMaker } from "./names.js";
import { partitionUnits } from "./partitionUnits.js";
import { toLonLat } from "./projection.js";
import { huffCatchments, placeProviders } from "./providers.js";
import { demoReadme, type DemoSummary } from "./readme.js";
import { cellPopulation, placeSettlements } from "./settlements.js";
import { sharedEdgeAdjacency } from "./sharedEdgeAdjacency.js";
import { traceRings } from "./traceRings.js";
import { unitGeometry } from "./unitGeometry.js";

/** File name (relative to the dataset folder) -> file content. */
export type DemoFiles = Record<string, string>;

/** The default seed of the committed dataset in data/demo. */
const DEMO_SEED = 20170101;

/** Sizes and rule parameters of the demo. */
const DEMO_PARAMS = {
  totalPopulation: 50_000_000,
  mainlandUnits: 199,
  providers: 120,
  areas: 60,
  splitUnits: 6,
  footprints: 40,
  populationMin: defaults.populationMin,
  populationMax: defaults.populationMax,
  /** Hex cell side (km), sets the detail of the boundaries. */
  cellSide: 2.2,
  /**
   * Distance-decay scale of the catchment model (km). With 3 km, 87% of providers have >= 5% of
   * their catchment in two or more units and 63% in two or more footprints of the starting plan,
   * close to England's 124 of 138 trusts over CCGs and 77 of 138 over STPs (2016).
   */
  decayKm: 3,
  /** Shares of a unit below this go to no provider (renormalised away). */
  minShare: 0.01,
} as const;

const PROVIDER_KINDS = ["Hospitals Trust", "General Hospital Trust", "University Hospitals Trust", "Royal Infirmary Trust", "Healthcare Trust"];

/** Sorts indexes north to south, then west to east, by (x, y) in km. */
function northToSouth(x: ArrayLike<number>, y: ArrayLike<number>, n: number): number[] {
  return Array.from({ length: n }, (_, i) => i).sort((a, b) => y[b] - y[a] || x[a] - x[b] || a - b);
}

const pad = (n: number, width: number): string => String(n).padStart(width, "0");

/**
 * Generates the whole demo dataset in memory. Same seed, same bytes: every random choice comes
 * from seeded generators (one stream per stage) or from hashing lattice points, iteration orders
 * are fixed and numbers are formatted the same way on every run.
 *
 * @param opts.seed the seed (default {@link DEMO_SEED}, the committed dataset)
 * @returns file name -> content, including README.md and the manifest stp-footprint.json
 * @example
 * const files = generateDemo();
 * files["population.csv"].split("\n")[0]; // "unit,population"
 */
export function generateDemo(opts: { seed?: number } = {}): DemoFiles {
  const seed = opts.seed ?? DEMO_SEED;
  const P = DEMO_PARAMS;
  const stream = (k: number) => createRng((seed + Math.imul(k, 0x9e3779b1)) | 0);

  const grid = createHexGrid({ side: P.cellSide, x0: -260, x1: 260, y0: -420, y1: 420, jitter: 0.28, seed });
  const land = makeLand(grid, { seed, ax: 160, ay: 285, islandRadius: 11, islandBearing: -Math.PI / 2 + 0.45 });
  const places = placeSettlements(grid, land, stream(1), 70);
  const cellPop = cellPopulation(grid, land, places, seed, P.totalPopulation);
  const parts = partitionUnits(grid, land, cellPop, stream(2), { seed, mainlandUnits: P.mainlandUnits });

  // Population centres of the raw units fix their order (north to south) and hence their codes.
  const n = parts.count;
  const rawPop = new Float64Array(n);
  const rawX = new Float64Array(n);
  const rawY = new Float64Array(n);
  for (let c = 0; c < grid.size; c++) {
    const u = parts.cellUnit[c];
    if (u < 0) continue;
    rawPop[u] += cellPop[c];
    rawX[u] += cellPop[c] * grid.cx[c];
    rawY[u] += cellPop[c] * grid.cy[c];
  }
  for (let u = 0; u < n; u++) {
    rawX[u] /= rawPop[u];
    rawY[u] /= rawPop[u];
  }
  const order = northToSouth(rawX, rawY, n);
  const rank = new Int32Array(n);
  order.forEach((raw, i) => (rank[raw] = i));
  const cellUnit = parts.cellUnit.map((u) => (u < 0 ? -1 : rank[u]));
  const island = rank[parts.island];
  const unitX = Float64Array.from(order, (raw) => rawX[raw]);
  const unitY = Float64Array.from(order, (raw) => rawY[raw]);
  const population = order.map((raw) => Math.round(rawPop[raw]));
  const codes = order.map((_, i) => `D${pad(i + 1, 8)}`);
  const nextName = createNameMaker(stream(3));
  const names = order.map((_, i) => (i === island ? `Isle of ${nextName()}` : nextName()));

  const rings = traceRings(grid, cellUnit, n);
  const polygons: Polygon[] = rings.map((r) => unitGeometry(grid, r));
  const neighbors = sharedEdgeAdjacency(polygons);
  if (neighbors[island].length !== 0) throw new Error("generateDemo: the island touches the mainland");

  // Ferry links: the island to its two nearest coastal units.
  const coastal = new Uint8Array(n);
  for (let c = 0; c < grid.size; c++) {
    if (cellUnit[c] < 0) continue;
    for (let k = 0; k < 6; k++) {
      const m = grid.neighbor(c, k);
      if (m >= 0 && land.kind[m] === SEA) coastal[cellUnit[c]] = 1;
    }
  }
  const linked = Array.from({ length: n }, (_, u) => u)
    .filter((u) => u !== island && coastal[u])
    .sort((a, b) => Math.hypot(unitX[a] - unitX[island], unitY[a] - unitY[island]) - Math.hypot(unitX[b] - unitX[island], unitY[b] - unitY[island]) || a - b)
    .slice(0, 2);
  const withLinks = neighbors.map((list) => [...list]);
  for (const u of linked) {
    withLinks[island].push(u);
    withLinks[u].push(island);
  }
  withLinks.forEach((list) => list.sort((a, b) => a - b));

  // Providers, coded north to south by site.
  const sites = placeProviders(grid, cellPop, cellUnit, island, stream(4), P.providers, 5);
  const catchments = huffCatchments(sites, unitX, unitY, population, P.decayKm, P.minShare);
  const siteOrder = northToSouth(
    sites.map((s) => s.x),
    sites.map((s) => s.y),
    sites.length,
  );
  const siteRank = new Int32Array(sites.length);
  siteOrder.forEach((p, i) => (siteRank[p] = i));
  const providerCodes = siteOrder.map((_, i) => `P${pad(i + 1, 3)}`);
  const providerNames = siteOrder.map((_, i) => `${nextName()} ${PROVIDER_KINDS[i % PROVIDER_KINDS.length]}`);
  const providerRows: [string, string, number][] = [];
  catchments.forEach((list, u) => {
    for (const [p, value] of list) providerRows.push([providerCodes[siteRank[p]], codes[u], value]);
  });
  providerRows.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));

  // The plan, coded north to south like everything else.
  const plan = makePlan(withLinks, population, unitX, unitY, island, stream(6), {
    footprints: P.footprints,
    min: P.populationMin,
    max: P.populationMax,
    hubs: Uint8Array.from(population, (_, u) => (sites.some((site) => site.unit === u) ? 1 : 0)),
  });
  const fx = new Float64Array(plan.count);
  const fy = new Float64Array(plan.count);
  const fpop = new Float64Array(plan.count);
  plan.footprintOf.forEach((f, u) => {
    fx[f] += population[u] * unitX[u];
    fy[f] += population[u] * unitY[u];
    fpop[f] += population[u];
  });
  for (let f = 0; f < plan.count; f++) {
    fx[f] /= fpop[f];
    fy[f] /= fpop[f];
  }
  const fpOrder = northToSouth(fx, fy, plan.count);
  const fpRank = new Int32Array(plan.count);
  fpOrder.forEach((f, i) => (fpRank[f] = i));
  const fpCodes = fpOrder.map((_, i) => `F${pad(i + 1, 2)}`);
  const fpNames = fpOrder.map((f) => {
    const members = population
      .map((p, u) => [p, u] as [number, number])
      .filter(([, u]) => plan.footprintOf[u] === f)
      .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
    return members.length === 1 ? names[members[0][1]] : `${names[members[0][1]]} and ${names[members[1][1]]}`;
  });
  const fpCode = (f: number): string => fpCodes[fpRank[f]];
  const fpName = (f: number): string => fpNames[fpRank[f]];

  // Local authorities, nested in the plan as grown, coded north to south by their units' centres.
  const areas = makeAreas(neighbors, unitX, unitY, plan.grown, stream(5), P.areas, P.splitUnits);
  const areaCount = P.areas;
  const ax = new Float64Array(areaCount);
  const ay = new Float64Array(areaCount);
  const an = new Float64Array(areaCount);
  areas.areaOf.forEach((a, u) => {
    ax[a] += unitX[u];
    ay[a] += unitY[u];
    an[a]++;
  });
  for (let a = 0; a < areaCount; a++) {
    ax[a] /= an[a];
    ay[a] /= an[a];
  }
  const areaOrder = northToSouth(ax, ay, areaCount);
  const areaRank = new Int32Array(areaCount);
  areaOrder.forEach((a, i) => (areaRank[a] = i));
  const areaCodes = areaOrder.map((_, i) => `A${pad(i + 1, 2)}`);
  const areaNames = areaOrder.map((a) => (a === areas.areaOf[island] ? names[island] : `${nextName()} District`));
  const areaRows = areas.rows
    .map((r) => [areaCodes[areaRank[r.area]], areaNames[areaRank[r.area]], codes[r.unit], Math.round(population[r.unit] * r.weight)] as [string, string, string, number])
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[2] < b[2] ? -1 : 1));

  const features: Feature<Polygon>[] = polygons.map((geometry, u) => ({
    type: "Feature",
    properties: { code: codes[u], name: names[u], synthetic: true },
    geometry,
  }));
  const geojson =
    `{"type":"FeatureCollection","name":"SYNTHETIC demo units (not real data)","features":[\n` +
    features.map((f) => JSON.stringify(f)).join(",\n") +
    "\n]}\n";

  const siteRows = siteOrder.map((p, i) => {
    const [lon, lat] = toLonLat(sites[p].x, sites[p].y);
    return [providerCodes[i], providerNames[i], lon, lat];
  });
  const footprintPop = (f: number): number => fpop[f];
  const breaks = plan.breaks;
  const summary: DemoSummary = {
    units: n,
    totalPopulation: population.reduce((a, b) => a + b, 0),
    providers: sites.length,
    areas: areaCount,
    footprints: plan.count,
    island: `${codes[island]} ${names[island]}`,
    links: linked.map((u) => `${codes[u]} ${names[u]}`),
    oversize: `${fpCode(breaks.oversize)} ${fpName(breaks.oversize)} (${footprintPop(breaks.oversize)} people)`,
    undersize: `${fpCode(breaks.undersize)} ${fpName(breaks.undersize)} (${footprintPop(breaks.undersize)} people)`,
    nonContiguous: `${fpCode(breaks.nonContiguous)} ${fpName(breaks.nonContiguous)} (detached unit ${codes[breaks.detached]} ${names[breaks.detached]})`,
    islandFootprint: `${fpCode(breaks.island)} ${fpName(breaks.island)}`,
    seed,
  };

  return {
    "stp-footprint.json": demoManifest(),
    "README.md": demoReadme(summary),
    "units.geojson": geojson,
    "population.csv": toCsv(
      ["unit", "population"],
      codes.map((c, u) => [c, population[u]]),
    ),
    "providers.csv": toCsv(["provider", "unit", "value"], providerRows),
    "provider_sites.csv": toCsv(["provider", "name", "lon", "lat"], siteRows),
    "links.csv": toCsv(
      ["unit_a", "unit_b", "kind", "note"],
      linked.map((u) => [codes[island], codes[u], "ferry", `Synthetic ferry route from ${names[island]} to ${names[u]}`]),
    ),
    "areas.csv": toCsv(["area", "area_name", "unit", "weight"], areaRows),
    "plan.csv": toCsv(
      ["unit", "footprint", "footprint_name"],
      codes.map((c, u) => [c, fpCode(plan.footprintOf[u]), fpName(plan.footprintOf[u])]),
    ),
  };
}

