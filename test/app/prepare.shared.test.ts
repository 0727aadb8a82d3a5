import { itLong } from "../helpers/budget.js";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { area } from "@turf/turf";
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from "geojson";
import { beforeAll, expect, it } from "vitest";
import { runCheck } from "../../src/app/check.js";
import { type PrepareResult, runPrepare } from "../../src/app/prepare.js";
import { readManifest } from "../../src/io/manifest.js";
import { readCsv } from "../../src/io/readCsv.js";
import { validateGeometry } from "../../src/rules/dataset/index.js";
import { describeShared, sharedFile } from "../helpers/shared.js";

/** A CSV as objects keyed by header. */
async function table(file: string): Promise<Record<string, string>[]> {
  const { header, rows } = await readCsv(file);
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r.cells[i]])));
}

/** The catchment file's rows as provider|unit -> value. */
async function catchment(file: string, unit: string, value = "catchment_pop"): Promise<Map<string, number>> {
  return new Map((await table(file)).map((r) => [`${r.trust_code}|${r[unit]}`, Number(r[value])]));
}

/** Largest absolute difference between two keyed tables with the same keys. */
function maxDiff(a: Map<string, number>, b: Map<string, number>): number {
  expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
  let d = 0;
  for (const [k, v] of a) d = Math.max(d, Math.abs(v - b.get(k)!));
  return d;
}

const lookup = sharedFile("lsoa11_lookup_all_vintages.csv");
const proportions = sharedFile("trust_msoa11_catchment_proportions_2019.csv");

describeShared("prepare on the England small-area files", () => {
  const dir = mkdtempSync(join(tmpdir(), "stp-prepare-england-"));
  let r16: PrepareResult;
  beforeAll(async () => {
    r16 = await runPrepare({
      lookup,
      columns: { unit: "CCG16CD", footprint: "STP17CD", splitArea: "LAD16CD" },
      catchment: proportions,
      smallAreaBoundaries: sharedFile("lsoa11_boundaries_bsc_england.geojson"),
      linkIslands: true,
      out: join(dir, "2016"),
    });
  }, 60_000);

  it("prepare 2016: CCG16 populations equal the shared file's, and catchments agree to its rounding (0.1)", async () => {
    expect(r16.ok).toBe(true);
    expect(r16.findings.map((f) => f.rule).sort()).toEqual(["footprint-split", "island-linked"]);
    const ours = new Map((await table(join(dir, "2016", "population.csv"))).map((r) => [r.CCG16CD, Number(r.population)]));
    const theirs = new Map((await table(sharedFile("ccg16_stp_lookup_population.csv"))).map((r) => [r.CCG16CD, Number(r.pop_mid2019)]));
    expect(maxDiff(ours, theirs)).toBe(0);
    const cat = maxDiff(await catchment(join(dir, "2016", "providers.csv"), "CCG16CD"), await catchment(sharedFile("trust_ccg16_catchment_2019.csv"), "CCG16CD"));
    expect(cat).toBeLessThanOrEqual(0.05 + 1e-6);
    const shares = maxDiff(await catchment(join(dir, "2016", "providers.csv"), "CCG16CD", "share_of_provider"), await catchment(sharedFile("trust_ccg16_catchment_2019.csv"), "CCG16CD", "share_of_trust"));
    expect(shares).toBeLessThanOrEqual(1e-6);
  });

  it("prepare 2016: the plan is each CCG's primary STP17, and the LAD overlap equals the shared one", async () => {
    const plan = new Map((await table(join(dir, "2016", "plan.csv"))).map((r) => [r.CCG16CD, r.STP17CD]));
    const primary = new Map((await table(sharedFile("ccg16_stp_lookup_population.csv"))).map((r) => [r.CCG16CD, r.STP17CD_primary]));
    expect(plan).toEqual(primary);
    const key = (r: Record<string, string>) => `${r.LAD16CD}|${r.CCG16CD}`;
    const ours = new Map((await table(join(dir, "2016", "areas.csv"))).map((r) => [key(r), `${r.population}/${r.small_areas}`]));
    const theirs = new Map((await table(sharedFile("ccg16_lad16_overlap.csv"))).map((r) => [key(r), `${r.pop_mid2019}/${r.n_lsoa}`]));
    expect(ours).toEqual(theirs);
  });

  it("prepare 2016: dissolved CCG polygons are valid and cover the shared dissolve's area to 0.1% each", () => {
    type Fc = FeatureCollection<Polygon | MultiPolygon>;
    const ours = JSON.parse(readFileSync(join(dir, "2016", "boundaries.geojson"), "utf8")) as Fc;
    const theirs = JSON.parse(readFileSync(sharedFile("ccg16_boundaries_from_lsoa_bsc.geojson"), "utf8")) as Fc;
    const ref = new Map(theirs.features.map((f) => [String(f.properties!.CCG16CD), area(f as Feature<Polygon>)]));
    expect(ours.features).toHaveLength(209);
    for (const f of ours.features) {
      const a = area(f as Feature<Polygon>), b = ref.get(String(f.properties!.CCG16CD))!;
      expect(Math.abs(a - b) / b).toBeLessThan(1e-3);
    }
    const invalid = validateGeometry(
      ours.features.map((f) => ({ id: String(f.properties!.CCG16CD), geometry: f.geometry })),
      { geographic: true, severity: { overlaps: "off", gaps: "off" } },
    );
    expect(invalid.map((f) => `${f.rule}: ${f.message}`)).toEqual([]);
  });

  it("prepare 2016: check on the prepared dataset gives the shared files' figures (78 cross-footprint providers, Greater Manchester over 2.8 m, 16 split areas)", async () => {
    const spec = await readManifest(join(dir, "2016", "stp-footprint.json"));
    const { result } = await runCheck(spec, { splitTolerance: 0.01 });
    expect(result.metrics).toMatchObject({ units: 209, footprints: 44, crossFootprintProviders: 78, splitAreas: 16, population: { min: 502990, max: 2869256, total: 56286961 } });
    expect(result.findings.filter((f) => f.severity === "error").map((f) => `${f.rule} ${f.footprint}`)).toEqual(["population-max E54000007"]);
  });

  itLong("prepare 2021: CCG21 inputs from the same small-area files, with the ONS CCG21 polygons as given", async () => {
    const r = await runPrepare({
      lookup,
      columns: { unit: "CCG21CD", footprint: "STP21CD", splitArea: "LAD21CD" },
      catchment: proportions,
      boundaries: sharedFile("ccg21_boundaries_buc.geojson"),
      out: join(dir, "2021"),
    });
    expect(r.findings).toEqual([]);
    expect(r.counts).toMatchObject({ units: 106, footprints: 42, providers: 138 });
    const ours = new Map((await table(join(dir, "2021", "population.csv"))).map((x) => [x.CCG21CD, Number(x.population)]));
    const theirs = new Map((await table(sharedFile("ccg21_stp21_lookup_population.csv"))).map((x) => [x.CCG21CD, Number(x.pop_mid2019)]));
    expect(maxDiff(ours, theirs)).toBe(0);
    const plan = new Map((await table(join(dir, "2021", "plan.csv"))).map((x) => [x.CCG21CD, x.STP21CD]));
    expect(plan).toEqual(new Map((await table(sharedFile("ccg21_stp21_lookup_population.csv"))).map((x) => [x.CCG21CD, x.STP21CD])));
    expect(maxDiff(await catchment(join(dir, "2021", "providers.csv"), "CCG21CD"), await catchment(sharedFile("trust_ccg21_catchment_2019.csv"), "CCG21CD"))).toBeLessThanOrEqual(0.05 + 1e-6);
    const spec = await readManifest(join(dir, "2021", "stp-footprint.json"));
    const { result } = await runCheck(spec, { splitTolerance: 0.01 });
    expect(result.metrics).toMatchObject({ units: 106, footprints: 42, population: { min: 502990, max: 2989312 } });
  }, 30_000);
});
