import { InputError } from "../errors.js";
import { buildAdjacency, defaultSnapTolerance } from "../model/adjacency.js";
import { joinPopulation, type DataIssue } from "../model/population.js";
import { buildProvidersStreaming } from "../model/providers.js";
import type { Dataset, Link, Plan, Severity } from "../model/types.js";
import { toUnits } from "../model/units.js";
import { detectColumn } from "./detectFields.js";
import { type Manifest, checkBounds, entry } from "./manifest.js";
import { readAreas } from "./readAreas.js";
import { readBoundaries, type BoundaryFile } from "./readBoundaries.js";
import { readLinks } from "./readLinks.js";
import { readPlan } from "./readPlan.js";
import { readPopulation } from "./readPopulation.js";
import { streamProviders } from "./readProviders.js";
import { parseNumber } from "./parseNumber.js";

/** Everything needed to load a dataset: files (absolute or relative to the working folder) and fields. */
export interface DatasetSpec {
  /** The manifest the spec was read from, if any (an input no output may overwrite). */
  manifest?: string;
  name?: string;
  synthetic?: boolean;
  boundaries: string;
  idField?: string;
  nameField?: string;
  layer?: string;
  populationField?: string;
  population?: string;
  populationUnitColumn?: string;
  populationColumn?: string;
  providers?: string;
  providerColumn?: string;
  providerUnitColumn?: string;
  providerValueColumn?: string;
  providerSites?: string;
  /** Columns of the provider sites CSV, when the manifest names them (otherwise detected). */
  providerSiteColumns?: { providerColumn?: string; lonColumn?: string; latColumn?: string };
  links?: string;
  areas?: string;
  areaColumn?: string;
  areaUnitColumn?: string;
  areaWeightColumn?: string;
  plan?: string;
  planUnitColumn?: string;
  footprintColumn?: string;
  footprintNameColumn?: string;
  /**
   * The plan file the plan column names above were written for (the manifest's plan). Another
   * plan file given on the command line has its columns detected instead; undefined when the
   * names were given as flags, which apply to any plan.
   */
  planColumnsFor?: string;
  populationMin?: number;
  populationMax?: number;
  threshold?: number;
  adjacency?: "rook" | "queen";
  snapTolerance?: number;
  severity?: Record<string, Severity>;
}

export const defaultParams = { populationMin: 300_000, populationMax: 2_800_000, threshold: 0.05 } as const;

/** Turns a (resolved) manifest into a dataset spec. */
export function specFromManifest(m: Manifest): DatasetSpec {
  const b = entry<{ idField?: string; nameField?: string; populationField?: string; layer?: string }>(m.boundaries)!;
  const pop = entry<{ unitColumn?: string; valueColumn?: string }>(m.population);
  const prov = entry<{ providerColumn?: string; unitColumn?: string; valueColumn?: string }>(m.providers);
  const areas = entry<{ areaColumn?: string; unitColumn?: string; weightColumn?: string }>(m.areas);
  const plan = entry<{ unitColumn?: string; footprintColumn?: string; nameColumn?: string }>(m.plan);
  const sites = entry<{ providerColumn?: string; lonColumn?: string; latColumn?: string }>(m.providerSites);
  return {
    name: m.name,
    synthetic: m.synthetic,
    boundaries: b.path,
    idField: b.idField,
    nameField: b.nameField,
    layer: b.layer,
    populationField: b.populationField,
    population: pop?.path,
    populationUnitColumn: pop?.unitColumn,
    populationColumn: pop?.valueColumn,
    providers: prov?.path,
    providerColumn: prov?.providerColumn,
    providerUnitColumn: prov?.unitColumn,
    providerValueColumn: prov?.valueColumn,
    providerSites: sites?.path,
    providerSiteColumns: sites ? { providerColumn: sites.providerColumn, lonColumn: sites.lonColumn, latColumn: sites.latColumn } : undefined,
    links: entry(m.links)?.path,
    areas: areas?.path,
    areaColumn: areas?.areaColumn,
    areaUnitColumn: areas?.unitColumn,
    areaWeightColumn: areas?.weightColumn,
    plan: plan?.path,
    planUnitColumn: plan?.unitColumn,
    footprintColumn: plan?.footprintColumn,
    footprintNameColumn: plan?.nameColumn,
    planColumnsFor: plan?.path,
    populationMin: m.populationMin,
    populationMax: m.populationMax,
    threshold: m.threshold,
    adjacency: m.adjacency,
    snapTolerance: m.snapTolerance,
    severity: m.severity,
  };
}

export interface LoadOptions {
  /** Collect data problems as issues instead of throwing the first error (for `validate`). */
  lenient?: boolean;
  /** Skip building the adjacency graph (it is the slowest part for large files). */
  skipAdjacency?: boolean;
  /** Skip reading the plan named by the spec. */
  skipPlan?: boolean;
}

export interface LoadedDataset {
  dataset: Dataset;
  /** The boundary file as read, with raw features (for `validate`). */
  boundaryFile: BoundaryFile;
  /** Data problems found while joining tables (warnings; errors too when lenient). */
  issues: DataIssue[];
  /** Where the population came from, or null when the dataset has none. */
  populationSource: string | null;
}

/**
 * Reads a whole dataset: boundaries, population, providers, links, areas, plan, and builds the
 * adjacency graph. Unless `lenient`, the first error-severity data issue is thrown as an InputError.
 *
 * @example
 * const { dataset } = await loadDataset({ boundaries: "units.geojson", population: "pop.csv" });
 */
export async function loadDataset(spec: DatasetSpec, opts: LoadOptions = {}): Promise<LoadedDataset> {
  const params = {
    populationMin: spec.populationMin ?? defaultParams.populationMin,
    populationMax: spec.populationMax ?? defaultParams.populationMax,
    threshold: spec.threshold ?? defaultParams.threshold,
    severity: spec.severity ?? {},
  };
  checkBounds(params.populationMin, params.populationMax);
  const boundaryFile = await readBoundaries(spec.boundaries, { idField: spec.idField, nameField: spec.nameField, layer: spec.layer });
  const units = toUnits(boundaryFile);
  const issues: DataIssue[] = [];
  const files: Record<string, string> = { boundaries: spec.boundaries };

  let population: Float64Array = new Float64Array(units.ids.length).fill(NaN);
  let populationSource: string | null = null;
  if (spec.population !== undefined) {
    files.population = spec.population;
    const rows = await readPopulation(spec.population, boundaryFile.idField, { unitColumn: spec.populationUnitColumn, valueColumn: spec.populationColumn });
    const joined = joinPopulation(units, rows, spec.population);
    population = joined.population;
    issues.push(...joined.issues);
    populationSource = spec.population;
  } else {
    const fields = Object.keys(boundaryFile.features[0]?.properties ?? {});
    const field = spec.populationField ?? tryDetect(spec.boundaries, fields, boundaryFile.idField);
    if (field !== undefined) {
      if (!fields.includes(field)) throw new InputError(spec.boundaries, `has no field "${field}" (--population-field)`);
      const rows = boundaryFile.features.map((f) => {
        const v = f.properties[field];
        const value = typeof v === "number" ? v : parseNumber(String(v ?? ""), spec.boundaries, 0, field);
        return { unit: f.id, value };
      });
      const joined = joinPopulation(units, rows, spec.boundaries);
      population = joined.population;
      issues.push(...joined.issues);
      populationSource = `${spec.boundaries} (${field})`;
    }
  }

  let providers = null;
  if (spec.providers !== undefined) {
    files.providers = spec.providers;
    const rows = await streamProviders(spec.providers, boundaryFile.idField, {
      providerColumn: spec.providerColumn,
      unitColumn: spec.providerUnitColumn,
      valueColumn: spec.providerValueColumn,
    });
    const built = await buildProvidersStreaming(units, rows, spec.providers);
    providers = built.providers;
    issues.push(...built.issues);
  }

  let links: Link[] = [];
  const linkPairs: [number, number][] = [];
  if (spec.links !== undefined) {
    files.links = spec.links;
    links = await readLinks(spec.links, units.index);
    for (const l of links) {
      const a = units.index.get(l.a), b = units.index.get(l.b);
      const bad = a === undefined ? l.a : b === undefined ? l.b : undefined;
      if (bad !== undefined || a === undefined || b === undefined) {
        issues.push({ rule: "link-unknown-unit", severity: "error", message: `link names "${bad}", which is not a unit of the boundaries`, file: spec.links, line: l.line, units: [bad ?? ""] });
        continue;
      }
      linkPairs.push([a, b]);
    }
  }

  let areas = null;
  if (spec.areas !== undefined) {
    files.areas = spec.areas;
    areas = await readAreas(spec.areas, boundaryFile.idField, { areaColumn: spec.areaColumn, unitColumn: spec.areaUnitColumn, weightColumn: spec.areaWeightColumn });
  }

  let plan: Plan | null = null;
  if (spec.plan !== undefined && !opts.skipPlan) {
    files.plan = spec.plan;
    plan = await readPlan(spec.plan, boundaryFile.idField, planColumns(spec, spec.plan));
  }
  if (spec.providerSites !== undefined) files.providerSites = spec.providerSites;

  if (!opts.lenient) {
    const first = issues.find((i) => i.severity === "error" && i.rule !== "population-missing");
    if (first) throw new InputError(first.file, first.message, { line: first.line });
  }

  const adjacency = opts.skipAdjacency
    ? { kind: spec.adjacency ?? "rook", neighbors: units.ids.map(() => []), linked: [] }
    : buildAdjacency(units.geometries, { kind: spec.adjacency, geographic: units.geographic, tolerance: spec.snapTolerance ?? defaultSnapTolerance }, linkPairs, units.flat);

  const dataset: Dataset = {
    name: spec.name ?? spec.boundaries,
    units,
    population,
    providers,
    links,
    areas,
    adjacency,
    params,
    plan,
    files,
  };
  return { dataset, boundaryFile, issues, populationSource };
}

/** The plan column names that apply to `file`: the spec's, unless they were written for another plan file. */
export function planColumns(spec: DatasetSpec, file: string): { unitColumn?: string; footprintColumn?: string; nameColumn?: string } {
  if (spec.planColumnsFor !== undefined && spec.planColumnsFor !== file) return {};
  return { unitColumn: spec.planUnitColumn, footprintColumn: spec.footprintColumn, nameColumn: spec.footprintNameColumn };
}

/** A boundary property that holds population: `population`, `pop`, or the one field starting "pop". */
function tryDetect(file: string, fields: string[], idField: string): string | undefined {
  try {
    return detectColumn(file, fields, "population", undefined, ["population", "pop", /^pop/i], "--population-field", [idField]);
  } catch {
    return undefined;
  }
}

/** Throws when the dataset has no usable population (commands that need one call this). */
export function requirePopulation(loaded: LoadedDataset): void {
  if (loaded.populationSource === null) {
    throw new InputError(loaded.dataset.files.boundaries, "has no population field; give --population FILE or --population-field NAME");
  }
  const missing = loaded.issues.find((i) => i.rule === "population-missing");
  if (missing) throw new InputError(missing.file, missing.message);
}
