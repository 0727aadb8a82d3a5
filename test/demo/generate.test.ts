import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import * as turf from "@turf/turf";
import type { Feature, FeatureCollection, Polygon, Position } from "geojson";
import { beforeAll, describe, expect, it } from "vitest";
import { generateDemo, type DemoFiles } from "../../src/demo/generateDemo.js";

/** Parses the simple CSV the generator writes (quoted fields allowed, no embedded line breaks). */
function parseCsv(text: string): Record<string, string>[] {
  const lines = text.split("\n");
  expect(lines[lines.length - 1]).toBe("");
  const split = (line: string): string[] => {
    const out: string[] = [];
    let field = "";
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i];
      if (quoted) {
        if (ch === '"' && line[i + 1] === '"') {
          field += '"';
          i++;
        } else if (ch === '"') quoted = false;
        else field += ch;
      } else if (ch === '"') quoted = true;
      else if (ch === ",") {
        out.push(field);
        field = "";
      } else field += ch;
    }
    out.push(field);
    return out;
  };
  const header = split(lines[0]);
  return lines.slice(1, -1).map((line) => {
    const cells = split(line);
    expect(cells.length).toBe(header.length);
    return Object.fromEntries(header.map((h, i) => [h, cells[i]]));
  });
}

const pointKey = (p: Position): string => `${p[0]},${p[1]}`;

/** Directed boundary segments of every unit, keyed "a;b". */
function segmentsOf(features: Feature<Polygon>[]): Map<string, number[]> {
  const owners = new Map<string, number[]>();
  features.forEach((f, i) => {
    for (const ring of f.geometry.coordinates) {
      for (let k = 0; k + 1 < ring.length; k++) {
        const key = `${pointKey(ring[k])};${pointKey(ring[k + 1])}`;
        owners.set(key, [...(owners.get(key) ?? []), i]);
      }
    }
  });
  return owners;
}

/** Rook adjacency from shared segments, computed here independently of the generator. */
function adjacencyOf(features: Feature<Polygon>[]): Set<number>[] {
  const byUndirected = new Map<string, Set<number>>();
  features.forEach((f, i) => {
    for (const ring of f.geometry.coordinates) {
      for (let k = 0; k + 1 < ring.length; k++) {
        const a = pointKey(ring[k]);
        const b = pointKey(ring[k + 1]);
        const key = a < b ? `${a};${b}` : `${b};${a}`;
        const set = byUndirected.get(key) ?? new Set<number>();
        set.add(i);
        byUndirected.set(key, set);
      }
    }
  });
  const adj = features.map(() => new Set<number>());
  for (const set of byUndirected.values()) {
    for (const a of set) for (const b of set) if (a !== b) adj[a].add(b);
  }
  return adj;
}

/** Number of connected components of `members` in `adj` (indexes). */
function componentCount(members: number[], adj: Set<number>[]): number {
  const inSet = new Set(members);
  const seen = new Set<number>();
  let count = 0;
  for (const start of members) {
    if (seen.has(start)) continue;
    count++;
    const stack = [start];
    seen.add(start);
    while (stack.length) {
      const u = stack.pop() as number;
      for (const v of adj[u]) {
        if (inSet.has(v) && !seen.has(v)) {
          seen.add(v);
          stack.push(v);
        }
      }
    }
  }
  return count;
}

let files: DemoFiles;
let features: Feature<Polygon>[];
let codes: string[];
let index: Map<string, number>;
let population: Map<string, number>;
let adjacency: Set<number>[];
beforeAll(() => {
  files = generateDemo();
  const fc = JSON.parse(files["units.geojson"]) as FeatureCollection<Polygon>;
  features = fc.features;
  codes = features.map((f) => String(f.properties?.code));
  index = new Map(codes.map((c, i) => [c, i]));
  population = new Map(parseCsv(files["population.csv"]).map((r) => [r.unit, Number(r.population)]));
  adjacency = adjacencyOf(features);
});

describe("generateDemo: determinism", () => {
  it("generateDemo: two runs give byte-identical files", () => {
    const again = generateDemo();
    expect(Object.keys(again)).toEqual(Object.keys(files));
    for (const name of Object.keys(files)) expect(again[name], name).toBe(files[name]);
  });

  it("generateDemo: another seed gives another country", () => {
    const other = generateDemo({ seed: 7 });
    expect(other["units.geojson"]).not.toBe(files["units.geojson"]);
    expect(other["stp-footprint.json"]).toBe(files["stp-footprint.json"]);
  });

  it("data/demo: the committed files are what the generator writes", () => {
    const dir = new URL("../../data/demo/", import.meta.url);
    for (const name of Object.keys(files)) {
      const committed = readFileSync(fileURLToPath(new URL(name, dir)), "utf8");
      expect(committed === files[name], `${name} is stale: run npm run make-demo`).toBe(true);
    }
  });

  it("generateDemo: text uses \\n line endings and ends with a newline", () => {
    for (const [name, text] of Object.entries(files)) {
      expect(text.includes("\r"), name).toBe(false);
      expect(text.endsWith("\n"), name).toBe(true);
    }
  });
});

describe("generateDemo: labelled synthetic", () => {
  it("manifest: uses the agreed keys and says synthetic", () => {
    const manifest = JSON.parse(files["stp-footprint.json"]);
    expect(Object.keys(manifest)).toEqual([
      "name",
      "description",
      "synthetic",
      "attribution",
      "boundaries",
      "population",
      "providers",
      "providerSites",
      "providerNames",
      "links",
      "areas",
      "plan",
      "populationMin",
      "populationMax",
      "threshold",
      "adjacency",
    ]);
    expect(manifest.synthetic).toBe(true);
    expect(manifest.name).toMatch(/synthetic/i);
    expect(manifest.description).toMatch(/synthetic/i);
    expect(manifest.boundaries).toEqual({ path: "units.geojson", idField: "code", nameField: "name" });
    expect(manifest.providers).toEqual({ path: "providers.csv", providerColumn: "provider", unitColumn: "unit", valueColumn: "value" });
    expect(manifest.areas).toEqual({ path: "areas.csv", areaColumn: "area", nameColumn: "area_name", unitColumn: "unit", weightColumn: "weight" });
    expect(manifest.providerNames).toEqual({ path: "provider_sites.csv", providerColumn: "provider", nameColumn: "name" });
    expect(manifest.attribution).toMatch(/synthetic/i);
    expect(manifest.plan).toEqual({ path: "plan.csv", unitColumn: "unit", footprintColumn: "footprint", nameColumn: "footprint_name" });
    expect([manifest.populationMin, manifest.populationMax, manifest.threshold, manifest.adjacency]).toEqual([300000, 2800000, 0.05, "rook"]);
    for (const key of ["boundaries", "population", "providers", "providerSites", "providerNames", "links", "areas", "plan"]) {
      expect(Object.keys(files)).toContain(manifest[key].path);
    }
  });

  it("README: says synthetic and how to rebuild", () => {
    expect(files["README.md"]).toMatch(/SYNTHETIC/);
    expect(files["README.md"]).toContain("npm run make-demo");
  });

  it("units: every feature has code, name and synthetic: true only", () => {
    for (const f of features) {
      expect(Object.keys(f.properties ?? {})).toEqual(["code", "name", "synthetic"]);
      expect(f.properties?.synthetic).toBe(true);
    }
  });
});

describe("generateDemo: units", () => {
  it("units: about 200, with unique D-codes and unique names", () => {
    expect(features.length).toBeGreaterThanOrEqual(190);
    expect(features.length).toBeLessThanOrEqual(210);
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of codes) expect(c).toMatch(/^D\d{8}$/);
    expect(new Set(features.map((f) => f.properties?.name)).size).toBe(features.length);
  });

  it("units: lie in open ocean around 30 W 45 N", () => {
    const [w, s, e, n] = turf.bbox({ type: "FeatureCollection", features });
    expect(w).toBeGreaterThan(-36);
    expect(e).toBeLessThan(-24);
    expect(s).toBeGreaterThan(40);
    expect(n).toBeLessThan(50);
  });

  it("units: polygons are valid, closed, counter-clockwise, 5-decimal, without repeated points", () => {
    for (const f of features) {
      expect(f.geometry.type).toBe("Polygon");
      expect(turf.booleanValid(f), String(f.properties?.code)).toBe(true);
      f.geometry.coordinates.forEach((ring, r) => {
        expect(ring.length).toBeGreaterThanOrEqual(4);
        expect(ring[0]).toEqual(ring[ring.length - 1]);
        for (let k = 0; k + 1 < ring.length; k++) expect(pointKey(ring[k])).not.toBe(pointKey(ring[k + 1]));
        for (const p of ring) for (const v of p) expect(Math.round(v * 1e5) / 1e5).toBe(v);
        expect(turf.booleanClockwise(ring)).toBe(r > 0);
      });
    }
  });

  it("units: tile the land (sum of areas equals the area of the union, which has no holes)", () => {
    const sum = features.reduce((a, f) => a + turf.area(f), 0);
    const union = turf.union({ type: "FeatureCollection", features });
    expect(union).not.toBeNull();
    const land = union!.geometry.type === "Polygon" ? [union!.geometry.coordinates] : union!.geometry.coordinates;
    expect(land.length).toBe(2); // mainland and island
    for (const polygon of land) expect(polygon.length).toBe(1);
    expect(Math.abs(sum - turf.area(union!)) / sum).toBeLessThan(1e-6);
  });

  it("units: every boundary segment is used once, or twice in opposite directions by two units", () => {
    const segments = segmentsOf(features);
    for (const [key, owners] of segments) {
      expect(owners.length, key).toBe(1);
      const [a, b] = key.split(";");
      const reverse = segments.get(`${b};${a}`);
      if (reverse) expect(reverse[0]).not.toBe(owners[0]);
    }
  });

  it("island: exactly one unit shares no edge and no vertex with any other, and it is linked by ferry", () => {
    const isolated = adjacency.map((s, i) => (s.size === 0 ? i : -1)).filter((i) => i >= 0);
    expect(isolated.length).toBe(1);
    const island = isolated[0];
    const vertices = new Set(features[island].geometry.coordinates.flat().map(pointKey));
    features.forEach((f, i) => {
      if (i !== island) for (const p of f.geometry.coordinates.flat()) expect(vertices.has(pointKey(p))).toBe(false);
    });
    const links = parseCsv(files["links.csv"]);
    expect(links.length).toBeGreaterThanOrEqual(1);
    expect(links.length).toBeLessThanOrEqual(2);
    for (const l of links) {
      expect(l.unit_a).toBe(codes[island]);
      expect(index.has(l.unit_b)).toBe(true);
      expect(adjacency[index.get(l.unit_b)!].size).toBeGreaterThan(0);
      expect(l.kind).toBe("ferry");
    }
  });

  it("units: the mainland is one connected piece", () => {
    const mainland = features.map((_, i) => i).filter((i) => adjacency[i].size > 0);
    expect(componentCount(mainland, adjacency)).toBe(1);
  });
});

describe("generateDemo: population", () => {
  it("population: one positive integer per unit, about 50 million in all", () => {
    expect([...population.keys()].sort()).toEqual([...codes].sort());
    let total = 0;
    for (const p of population.values()) {
      expect(Number.isInteger(p)).toBe(true);
      expect(p).toBeGreaterThan(0);
      total += p;
    }
    expect(total).toBeGreaterThan(45e6);
    expect(total).toBeLessThan(55e6);
  });

  it("population: dense small city units and large sparse rural units", () => {
    const km2 = features.map((f) => turf.area(f) / 1e6);
    const density = codes.map((c, i) => population.get(c)! / km2[i]);
    const city = codes.filter((_, i) => density[i] > 3000 && km2[i] < 200);
    const rural = codes.filter((c, i) => density[i] < 300 && km2[i] > 800);
    expect(city.length).toBeGreaterThanOrEqual(10);
    expect(rural.length).toBeGreaterThanOrEqual(50);
  });
});

describe("generateDemo: providers", () => {
  it("providers: about 120, each with a catchment; no unit gives more than its population", () => {
    const rows = parseCsv(files["providers.csv"]);
    const byProvider = new Map<string, number>();
    const byUnit = new Map<string, number>();
    for (const r of rows) {
      expect(r.provider).toMatch(/^P\d{3}$/);
      expect(index.has(r.unit)).toBe(true);
      const v = Number(r.value);
      expect(Number.isInteger(v)).toBe(true);
      expect(v).toBeGreaterThan(0);
      byProvider.set(r.provider, (byProvider.get(r.provider) ?? 0) + v);
      byUnit.set(r.unit, (byUnit.get(r.unit) ?? 0) + v);
    }
    expect(byProvider.size).toBeGreaterThanOrEqual(110);
    expect(byProvider.size).toBeLessThanOrEqual(130);
    for (const total of byProvider.values()) expect(total).toBeGreaterThan(0);
    for (const [unit, total] of byUnit) expect(total).toBeLessThanOrEqual(population.get(unit)!);
  });

  it("provider sites: one per provider, on land, mostly in populous units", () => {
    const sites = parseCsv(files["provider_sites.csv"]);
    const providers = new Set(parseCsv(files["providers.csv"]).map((r) => r.provider));
    expect(new Set(sites.map((s) => s.provider))).toEqual(providers);
    const median = [...population.values()].sort((a, b) => a - b)[Math.floor(population.size / 2)];
    let populous = 0;
    for (const s of sites) {
      const point = turf.point([Number(s.lon), Number(s.lat)]);
      const host = features.findIndex((f) => turf.booleanPointInPolygon(point, f));
      expect(host, s.provider).toBeGreaterThanOrEqual(0);
      if (population.get(codes[host])! > median) populous++;
      expect(s.name.length).toBeGreaterThan(0);
    }
    expect(populous / sites.length).toBeGreaterThan(0.6);
  });
});

describe("generateDemo: areas", () => {
  it("areas: about 60 contiguous areas, weights per unit sum to its population, a few units split", () => {
    const rows = parseCsv(files["areas.csv"]);
    const weights = new Map<string, number>();
    const members = new Map<string, number[]>();
    for (const r of rows) {
      expect(index.has(r.unit)).toBe(true);
      const w = Number(r.weight);
      expect(w).toBeGreaterThan(0);
      expect(Number.isInteger(w)).toBe(true);
      weights.set(r.unit, (weights.get(r.unit) ?? 0) + w);
      members.set(r.area, [...(members.get(r.area) ?? []), index.get(r.unit)!]);
    }
    expect(members.size).toBeGreaterThanOrEqual(55);
    expect(members.size).toBeLessThanOrEqual(65);
    expect(weights.size).toBe(codes.length);
    // Rounding each part of a split unit may move its sum by one person.
    for (const [unit, w] of weights) expect(Math.abs(w - population.get(unit)!), unit).toBeLessThanOrEqual(1);
    const split = rows.filter((r) => Number(r.weight) < population.get(r.unit)!).map((r) => r.unit);
    expect(new Set(split).size).toBeGreaterThanOrEqual(3);
    // Each area, counting the units it shares, is one connected piece.
    for (const [area, list] of members) expect(componentCount(list, adjacency), area).toBe(1);
  });
});

describe("generateDemo: plan", () => {
  const min = 300_000;
  const max = 2_800_000;

  it("plan: about 40 footprints with exactly the intended rule breaks", () => {
    const rows = parseCsv(files["plan.csv"]);
    expect(rows.map((r) => r.unit).sort()).toEqual([...codes].sort());
    const members = new Map<string, number[]>();
    for (const r of rows) members.set(r.footprint, [...(members.get(r.footprint) ?? []), index.get(r.unit)!]);
    expect(members.size).toBeGreaterThanOrEqual(35);
    expect(members.size).toBeLessThanOrEqual(45);

    const links = parseCsv(files["links.csv"]);
    const island = index.get(links[0].unit_a)!;
    const withLinks = adjacency.map((s) => new Set(s));
    for (const l of links) {
      const a = index.get(l.unit_a)!;
      const b = index.get(l.unit_b)!;
      withLinks[a].add(b);
      withLinks[b].add(a);
    }
    const pop = (list: number[]): number => list.reduce((a, u) => a + population.get(codes[u])!, 0);
    const over = [...members].filter(([, list]) => pop(list) > max).map(([f]) => f);
    const under = [...members].filter(([, list]) => pop(list) < min).map(([f]) => f);
    const splitWithLinks = [...members].filter(([, list]) => componentCount(list, withLinks) > 1).map(([f]) => f);
    const splitWithoutLinks = [...members].filter(([, list]) => componentCount(list, adjacency) > 1).map(([f]) => f);
    expect(over.length).toBe(1);
    expect(under.length).toBe(1);
    expect(splitWithLinks.length).toBe(1);
    expect(new Set([...over, ...under, ...splitWithLinks]).size).toBe(3);

    // The island's footprint holds more than the island and is whole only through a ferry link.
    const islandFootprint = rows.find((r) => r.unit === codes[island])!.footprint;
    expect(members.get(islandFootprint)!.length).toBeGreaterThan(1);
    expect(splitWithoutLinks.sort()).toEqual([islandFootprint, splitWithLinks[0]].sort());
    expect([...over, ...under, ...splitWithLinks]).not.toContain(islandFootprint);

    // Each footprint has one name.
    const names = new Map<string, Set<string>>();
    for (const r of rows) names.set(r.footprint, (names.get(r.footprint) ?? new Set()).add(r.footprint_name));
    for (const set of names.values()) expect(set.size).toBe(1);
  });
});
