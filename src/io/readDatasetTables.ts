import type { DatasetTables } from "../model/tables.js";
import type { Plan } from "../model/types.js";
import type { DatasetSpec } from "../options/datasetSpec.js";
import { readAreas } from "./readAreas.js";
import { type BoundaryFile, readBoundaries } from "./readBoundaries.js";
import { readBoundaryPopulation } from "./readBoundaryPopulation.js";
import { readLinks } from "./readLinks.js";
import { readNames } from "./readNames.js";
import { readPlan } from "./readPlan.js";
import { readPopulation } from "./readPopulation.js";
import { readProviders } from "./readProviders.js";

/** What readDatasetTables read: the tables, the boundary file as read, and the files by role. */
export interface ReadTables {
  tables: DatasetTables;
  /** The boundary file with its raw features (for `validate`). */
  boundaryFile: BoundaryFile;
  /** The files read, by role (boundaries, population, providers, links, areas, plan, providerSites). */
  files: Record<string, string>;
}

/**
 * Reads every file a dataset spec names into plain tables, nothing joined yet: the boundaries first
 * (their id field is the preferred unit column of the CSVs), then the population (a CSV, or a
 * boundary property), providers, links, areas and plan. Each reader refuses a malformed file with
 * an InputError; whether rows match the units is for `buildDataset`.
 */
export async function readDatasetTables(spec: DatasetSpec, opts: { skipPlan?: boolean } = {}): Promise<ReadTables> {
  const files: Record<string, string> = { boundaries: spec.boundaries };
  const boundaryFile = await readBoundaries(spec.boundaries, { idField: spec.idField, nameField: spec.nameField, layer: spec.layer });
  const idField = boundaryFile.idField;

  let population: DatasetTables["population"];
  if (spec.population !== undefined) {
    files.population = spec.population;
    const rows = await readPopulation(spec.population, idField, { unitColumn: spec.populationUnitColumn, valueColumn: spec.populationColumn });
    population = { file: spec.population, source: spec.population, rows };
  } else {
    population = readBoundaryPopulation(boundaryFile, spec.populationField);
  }

  let providers: DatasetTables["providers"] = null;
  if (spec.providers !== undefined) {
    files.providers = spec.providers;
    providers = await readProviders(spec.providers, idField, { providerColumn: spec.providerColumn, unitColumn: spec.providerUnitColumn, valueColumn: spec.providerValueColumn });
  }

  let links: DatasetTables["links"] = null;
  if (spec.links !== undefined) {
    files.links = spec.links;
    // The boundaries' codes recognise a links file without a header (see readLinks).
    links = { file: spec.links, rows: await readLinks(spec.links, new Set(boundaryFile.features.map((f) => f.id))) };
  }

  let areas: DatasetTables["areas"] = null;
  if (spec.areas !== undefined) {
    files.areas = spec.areas;
    areas = { file: spec.areas, rows: await readAreas(spec.areas, idField, { areaColumn: spec.areaColumn, nameColumn: spec.areaNameColumn, unitColumn: spec.areaUnitColumn, weightColumn: spec.areaWeightColumn }) };
  }

  let providerNames: DatasetTables["providerNames"] = null;
  if (spec.providerNames !== undefined) {
    files.providerNames = spec.providerNames;
    providerNames = { file: spec.providerNames, names: await readNames(spec.providerNames, "provider", { codeColumn: spec.providerNamesProviderColumn, nameColumn: spec.providerNamesNameColumn }) };
  }

  let plan: Plan | null = null;
  if (spec.plan !== undefined && !opts.skipPlan) {
    files.plan = spec.plan;
    plan = await readPlan(spec.plan, idField, planColumns(spec, spec.plan));
  }
  if (spec.providerSites !== undefined) files.providerSites = spec.providerSites;

  const boundaries = { file: boundaryFile.file, idField, features: boundaryFile.features };
  return { tables: { boundaries, population, providers, links, areas, plan, providerNames }, boundaryFile, files };
}

/** The plan column names that apply to `file`: the spec's, unless they were written for another plan file. */
export function planColumns(spec: DatasetSpec, file: string): { unitColumn?: string; footprintColumn?: string; nameColumn?: string } {
  if (spec.planColumnsFor !== undefined && spec.planColumnsFor !== file) return {};
  return { unitColumn: spec.planUnitColumn, footprintColumn: spec.footprintColumn, nameColumn: spec.footprintNameColumn };
}
