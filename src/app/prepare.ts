import { basename, join, relative, resolve } from "node:path";
import { UsageError } from "../errors.js";
import { hashFile } from "../io/hashFile.js";
import { type CatchmentColumns, openCatchment } from "../io/readCatchment.js";
import { type LookupColumnNames, readLookup } from "../io/readLookup.js";
import { readPopulation } from "../io/readPopulation.js";
import { openCsv } from "../io/readCsv.js";
import { detectColumn } from "../io/detectFields.js";
import type { Finding } from "../model/types.js";
import { InputError } from "../errors.js";
import { areaOverlaps } from "./prepare/areaOverlaps.js";
import { dissolvedBoundaries, givenBoundaries, type PreparedBoundaries } from "./prepare/boundaries.js";
import { aggregateCatchment, type CatchmentOut } from "./prepare/catchment.js";
import { primaryFootprints } from "./prepare/footprints.js";
import { prepareLinks } from "./prepare/links.js";
import { buildUnitTable } from "./prepare/unitTable.js";
import { preparedFiles, writePrepared } from "./prepare/writePrepared.js";
import { type Outputs, prepareOutputs } from "./outputs.js";
import type { PrepareResult } from "./prepare/prepareResult.js";

export type { PrepareResult };

/** Names of a population column, best first ("All Ages" in ONS small-area estimates). */
const populationPreferences: (string | RegExp)[] = ["population", "pop", /^pop/i, /population/i, /^all[ _]ages$/i, "value"];

/** What `prepare` builds a dataset from: the public small-area files as published, and where to write it. */
export interface PrepareOptions {
  /** Small-area lookup CSV: a row per small area, columns naming its organisations. */
  lookup: string;
  /** Lookup columns: the grouping column (`unit`) is required. */
  columns: LookupColumnNames;
  /** Small-area population CSV; default: a population column of the lookup. */
  population?: string;
  /** The population file's small-area column (default: detected, the lookup's column name first). */
  populationAreaColumn?: string;
  /** The population value column (of the population file, or of the lookup). */
  populationColumn?: string;
  /** Catchment proportions CSV: area, provider, proportion of the area's patients. */
  catchment?: string;
  catchmentColumns?: CatchmentColumns;
  /** The lookup column holding the catchment's areas (default: the lookup column of the same name). */
  catchmentLevel?: string;
  /** Unit polygons as given. */
  boundaries?: string;
  boundaryIdField?: string;
  /** Small-area polygons, dissolved into units. */
  smallAreaBoundaries?: string;
  smallAreaIdField?: string;
  /** TopoJSON object of either boundary file. */
  layer?: string;
  /** Links CSV (unit_a, unit_b) to copy into the dataset. */
  links?: string;
  /** Link each group of units that touches no other to its nearest unit. */
  linkIslands?: boolean;
  /**
   * Folder to write the dataset to (created if missing). Only the dataset's files are written
   * there (see preparedFiles); none may be an input.
   */
  out: string;
  /** The dataset's name in its manifest. */
  name?: string;
  /** How the run was started, recorded in prepare.json. */
  provenance?: { version: string; command: string };
}

/**
 * Builds a dataset (unit-level CSVs, unit polygons and a manifest that `info`, `check`, `validate`
 * and `optimise` read unchanged) from public small-area files: a lookup grouping small areas into
 * units (and footprints, and a second geography), small-area populations, catchment proportions by
 * small or middle-layer area, and unit polygons or small-area polygons to dissolve. Sums are exact;
 * rows that do not join are reported with counts and examples. Nothing is written when a finding
 * is an error; otherwise every file is written whole (the manifest last).
 *
 * @example
 * const r = await runPrepare({ lookup: "lsoa11_lookup.csv", columns: { unit: "CCG16CD", footprint: "STP17CD" },
 *   catchment: "trust_msoa_catchment.csv", smallAreaBoundaries: "lsoa11.geojson", out: "england2016" });
 * r.ok; // true: england2016/stp-footprint.json is ready for `check`
 * @param outputs from prepareDatasetOutputs, made before any work (the command line makes them
 *   first, to handle Ctrl-C); made here when not given
 */
export async function runPrepare(o: PrepareOptions, outputs?: Outputs): Promise<PrepareResult> {
  outputs ??= await prepareDatasetOutputs(o);
  try {
    return await prepare(o, outputs);
  } finally {
    outputs.abandon();
  }
}

/**
 * Checks the folder `prepare` writes (`out`) before any work: none of the dataset files it would
 * replace there may be an input (the lookup, populations, catchments, polygons, links), and the
 * folder (or, when missing, its nearest parent) must be writable (see prepareOutputs).
 * @throws UsageError naming --out
 */
export function prepareDatasetOutputs(o: PrepareOptions): Promise<Outputs> {
  return prepareOutputs(null, [{ option: "--out", path: o.out, folderFiles: preparedFiles }], [
    { path: o.lookup, what: "--lookup" },
    { path: o.population, what: "--population" },
    { path: o.catchment, what: "--catchment" },
    { path: o.boundaries, what: "--boundaries" },
    { path: o.smallAreaBoundaries, what: "--small-area-boundaries" },
    { path: o.links, what: "--links" },
  ]);
}

async function prepare(o: PrepareOptions, outputs: Outputs): Promise<PrepareResult> {
  if (o.boundaries === undefined && o.smallAreaBoundaries === undefined) {
    throw new UsageError("give unit polygons (--boundaries FILE) or small-area polygons to dissolve (--small-area-boundaries FILE)");
  }
  if (o.boundaries !== undefined && o.smallAreaBoundaries !== undefined) {
    throw new UsageError("give either --boundaries or --small-area-boundaries, not both", "--boundaries");
  }
  const lookup = await readLookup(o.lookup, o.columns);
  const c = lookup.columns;

  // Populations: a separate file, or a column of the lookup.
  let populationColumn: string;
  let unitTable;
  if (o.population !== undefined) {
    // ONS small-area population estimates name their columns "LSOA Code" and "All Ages".
    const { header } = await openCsv(o.population);
    const areaColumn = detectColumn(o.population, header, "small-area", o.populationAreaColumn, [c.smallArea, "unit", "code", "id", /^[A-Za-z]+\d{2}CD$/, /code/i], "--population-area-column");
    populationColumn = detectColumn(o.population, header, "population", o.populationColumn, populationPreferences, "--population-column", [areaColumn]);
    const rows = await readPopulation(o.population, c.smallArea, { unitColumn: areaColumn, valueColumn: populationColumn });
    unitTable = buildUnitTable(lookup, { rows, file: o.population });
  } else {
    const exclude = Object.values(c).filter((v): v is string => v !== undefined);
    try {
      populationColumn = detectColumn(lookup.file, lookup.header, "population", o.populationColumn, populationPreferences, "--population-column", exclude);
    } catch (err) {
      if (o.populationColumn !== undefined) throw err;
      throw new InputError(lookup.file, `has no population column; give --population FILE (small-area populations) or --population-column NAME`, { line: 1 });
    }
    unitTable = buildUnitTable(lookup, { column: populationColumn });
  }
  const { table } = unitTable;
  const findings: Finding[] = [...unitTable.findings];
  if (table.unitIds.length === 0) throw new InputError(lookup.file, `no small area has a ${c.unit}: nothing to group`, { field: c.unit });

  const plan = primaryFootprints(lookup, table);
  findings.push(...plan.findings);
  const areas = areaOverlaps(lookup, table);
  findings.push(...areas.findings);

  let catchment: { rows: CatchmentOut[]; providers: number } = { rows: [], providers: 0 };
  let catchmentColumns: Record<string, string> = {};
  if (o.catchment !== undefined) {
    const stream = await openCatchment(o.catchment, lookup.header, o.catchmentColumns);
    const level = o.catchmentLevel ?? stream.columns.area;
    if (!lookup.header.includes(level)) {
      throw new InputError(
        lookup.file,
        o.catchmentLevel !== undefined
          ? `has no column "${level}" (--catchment-level)`
          : `has no column "${level}" to match the catchment's areas; name the lookup column holding them with --catchment-level`,
        { line: 1 },
      );
    }
    const agg = await aggregateCatchment(stream, lookup, level, table);
    catchment = agg;
    findings.push(...agg.findings);
    catchmentColumns = { catchmentArea: stream.columns.area, catchmentLevel: level, provider: stream.columns.provider, proportion: stream.columns.proportion };
  }

  let boundaries: PreparedBoundaries;
  if (o.boundaries !== undefined) boundaries = await givenBoundaries(o.boundaries, table, c.unit, { idField: o.boundaryIdField, layer: o.layer });
  else boundaries = await dissolvedBoundaries(o.smallAreaBoundaries!, table, c.smallArea, { idField: o.smallAreaIdField, layer: o.layer });
  findings.push(...boundaries.findings);
  table.unitNames.forEach((n, u) => {
    if (n === "" && boundaries.names[u]) table.unitNames[u] = boundaries.names[u];
  });

  const links = await prepareLinks(table, boundaries, { links: o.links, linkIslands: o.linkIslands });
  findings.push(...links.findings);

  const inputs: PrepareResult["inputs"] = [];
  const inputFiles: [string, string | undefined][] = [
    ["lookup", o.lookup],
    ["population", o.population],
    ["catchment", o.catchment],
    ["boundaries", o.boundaries],
    ["smallAreaBoundaries", o.smallAreaBoundaries],
    ["links", o.links],
  ];
  for (const [role, file] of inputFiles) if (file !== undefined) inputs.push({ role, file, sha256: await hashFile(file) });

  let total = 0;
  for (const p of table.population) total += p;
  const ok = !findings.some((f) => f.severity === "error");
  const name = o.name ?? `${c.unit} units from ${basename(o.lookup)}`;
  const result: PrepareResult = {
    ok,
    name,
    out: o.out,
    files: [],
    manifest: null,
    columns: {
      smallArea: c.smallArea,
      unit: c.unit,
      ...(c.unitName ? { unitName: c.unitName } : {}),
      population: populationColumn,
      ...(c.footprint ? { footprint: c.footprint } : {}),
      ...(c.footprintName ? { footprintName: c.footprintName } : {}),
      ...(c.splitArea ? { splitArea: c.splitArea } : {}),
      ...(c.splitAreaName ? { splitAreaName: c.splitAreaName } : {}),
      ...catchmentColumns,
    },
    counts: {
      smallAreas: table.smallAreas.length,
      units: table.unitIds.length,
      population: total,
      footprints: new Set(plan.rows.map((r) => r.footprint)).size,
      providers: catchment.providers,
      providerRows: catchment.rows.length,
      areaRows: areas.rows.length,
      links: links.links.length,
      boundaryFeatures: boundaries.features,
    },
    boundaries: boundaries.source,
    inputs,
    ...(o.provenance ? { version: o.provenance.version, command: o.provenance.command } : {}),
    findings,
  };
  if (!ok) return result;

  const written = writePrepared(outputs, {
    result,
    lookup,
    table,
    plan: plan.rows,
    areas: areas.rows,
    catchment: catchment.rows,
    providerColumn: catchmentColumns.provider,
    boundaries,
    links: links.links,
  });
  result.files = written.files.map((f) => relative(resolve(o.out), f) || basename(f));
  result.manifest = join(o.out, "stp-footprint.json");
  return result;
}
