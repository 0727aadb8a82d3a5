import { join } from "node:path";
import { defaults } from "../../options/defaults.js";
import type { Lookup } from "../../io/readLookup.js";
import { manifestSchema } from "../../io/manifest.js";
import { toCsv } from "../../io/writeCsv.js";
import type { Link } from "../../model/types.js";
import type { Outputs } from "../outputs.js";
import type { PrepareResult } from "./prepareResult.js";
import type { AreaOverlapOut } from "./areaOverlaps.js";
import type { PreparedBoundaries } from "./boundaries.js";
import type { CatchmentOut } from "./catchment.js";
import type { PlanRowOut } from "./footprints.js";
import type { UnitTable } from "./unitTable.js";

/** What the prepared dataset is made of, ready to write. */
export interface PreparedData {
  result: PrepareResult;
  lookup: Lookup;
  table: UnitTable;
  plan: PlanRowOut[];
  areas: AreaOverlapOut[];
  catchment: CatchmentOut[];
  providerColumn?: string;
  boundaries: PreparedBoundaries;
  links: Link[];
}

/** The files a prepared dataset may have, the only ones `prepare --out FOLDER` writes there. */
export const preparedFiles = /^(boundaries\.geojson|population\.csv|providers\.csv|areas\.csv|plan\.csv|links\.csv|prepare\.json|stp-footprint\.json)$/;

/** Catchment populations and shares keep 6 decimals: far below a person, and files stay readable. */
const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/**
 * Writes a prepared dataset into the `--out` folder output (created if missing): boundaries.geojson,
 * population.csv, and where there is data for them providers.csv, areas.csv, plan.csv and
 * links.csv, then prepare.json (how it was made: inputs with hashes, columns, counts, findings) and
 * last the manifest, stp-footprint.json, which names the files in the existing manifest format.
 * Every file is staged first and all are renamed into place together, the manifest last (see
 * app/outputs.ts); that none is an input was checked before any work (prepareDatasetOutputs).
 * @param outputs with a `--out` folder output for `preparedFiles`
 */
export function writePrepared(outputs: Outputs, d: PreparedData): { files: string[] } {
  const out = outputs.path("--out");
  if (out === undefined) throw new Error("writePrepared needs an --out folder output");
  const { table, lookup } = d;
  const c = lookup.columns;
  const unitCol = c.unit;
  const names = table.unitNames.some((n) => n !== "");
  const nameCol = c.unitName ?? (unitCol.endsWith("CD") ? unitCol.replace(/CD$/, "NM") : "name");
  const path = (f: string) => join(out, f);
  const planned: [string, string][] = [];

  const features = table.unitIds.flatMap((id, u) => {
    const geometry = d.boundaries.geometries[u];
    if (!geometry) return [];
    const properties: Record<string, unknown> = { [unitCol]: id };
    if (names) properties[nameCol] = table.unitNames[u];
    properties.population = table.population[u];
    return [JSON.stringify({ type: "Feature", properties, geometry })];
  });
  planned.push(["boundaries.geojson", `{"type":"FeatureCollection","features":[\n${features.join(",\n")}\n]}\n`]);

  const popHeader = names ? [unitCol, nameCol, "population", "small_areas"] : [unitCol, "population", "small_areas"];
  planned.push([
    "population.csv",
    toCsv(popHeader, table.unitIds.map((id, u) => (names ? [id, table.unitNames[u], table.population[u], table.smallAreaCount[u]] : [id, table.population[u], table.smallAreaCount[u]]))),
  ]);

  const providerCol = d.providerColumn && d.providerColumn !== unitCol ? d.providerColumn : "provider";
  if (d.catchment.length) {
    planned.push([
      "providers.csv",
      toCsv(
        [providerCol, unitCol, "catchment_pop", "share_of_provider", "share_of_unit"],
        d.catchment.map((r) => [r.provider, r.unit, round6(r.value), round6(r.shareOfProvider), round6(r.shareOfUnit)]),
      ),
    ]);
  }
  const areaCol = c.splitArea ?? "area";
  const areaNameCol = c.splitAreaName ?? (areaCol.endsWith("CD") ? areaCol.replace(/CD$/, "NM") : "area_name");
  if (d.areas.length) {
    const withNames = d.areas.some((a) => a.name !== "");
    planned.push([
      "areas.csv",
      toCsv(
        withNames ? [areaCol, areaNameCol, unitCol, "population", "small_areas"] : [areaCol, unitCol, "population", "small_areas"],
        d.areas.map((a) => (withNames ? [a.area, a.name, a.unit, a.population, a.smallAreas] : [a.area, a.unit, a.population, a.smallAreas])),
      ),
    ]);
  }
  const footprintCol = c.footprint && c.footprint !== unitCol ? c.footprint : "footprint";
  const footprintNameCol = c.footprintName && c.footprintName !== nameCol ? c.footprintName : "footprint_name";
  const footprintNames = d.plan.some((r) => r.name !== "");
  if (d.plan.length) {
    planned.push([
      "plan.csv",
      toCsv(footprintNames ? [unitCol, footprintCol, footprintNameCol] : [unitCol, footprintCol], d.plan.map((r) => (footprintNames ? [r.unit, r.footprint, r.name] : [r.unit, r.footprint]))),
    ]);
  }
  if (d.links.length) planned.push(["links.csv", toCsv(["unit_a", "unit_b", "kind", "note"], d.links.map((l) => [l.a, l.b, l.kind ?? "", l.note ?? ""]))]);

  const manifest = manifestSchema.parse({
    name: d.result.name,
    description: `Prepared by stp-footprint prepare from ${d.result.inputs.map((i) => i.file).join(", ")}; prepare.json says how (inputs with SHA-256, columns, counts, findings).`,
    boundaries: { path: "boundaries.geojson", idField: unitCol, ...(names ? { nameField: nameCol } : {}) },
    population: { path: "population.csv", unitColumn: unitCol, valueColumn: "population" },
    ...(d.catchment.length ? { providers: { path: "providers.csv", providerColumn: providerCol, unitColumn: unitCol, valueColumn: "catchment_pop" } } : {}),
    ...(d.links.length ? { links: "links.csv" } : {}),
    ...(d.areas.length ? { areas: { path: "areas.csv", areaColumn: areaCol, unitColumn: unitCol, weightColumn: "population" } } : {}),
    ...(d.plan.length ? { plan: { path: "plan.csv", unitColumn: unitCol, footprintColumn: footprintCol, ...(footprintNames ? { nameColumn: footprintNameCol } : {}) } } : {}),
    populationMin: defaults.populationMin,
    populationMax: defaults.populationMax,
    threshold: defaults.threshold,
    adjacency: "rook",
  });
  const files = [...planned.map(([f]) => f), "prepare.json", "stp-footprint.json"];
  for (const [f, text] of planned) outputs.writeIn("--out", f, text);
  const result = { ...d.result, files, manifest: path("stp-footprint.json") };
  outputs.writeIn("--out", "prepare.json", JSON.stringify(result, null, 2) + "\n");
  outputs.writeIn("--out", "stp-footprint.json", JSON.stringify(manifest, null, 2) + "\n");
  outputs.commit();
  return { files: files.map(path) };
}
