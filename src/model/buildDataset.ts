import { buildAdjacency } from "./adjacency.js";
import { joinLinks } from "./links.js";
import { type DataIssue, joinPopulation } from "./population.js";
import { providersFromTable } from "./providers.js";
import type { DatasetTables } from "./tables.js";
import type { AdjacencyGraph, Dataset, RuleParams } from "./types.js";
import { toUnits } from "./units.js";

export interface BuildDatasetOptions {
  /** The dataset's name, for reports. */
  name: string;
  params: RuleParams;
  /** How units are adjacent (see buildAdjacency). */
  adjacency: { kind: "rook" | "queen"; tolerance: number };
  /** Skip the adjacency graph (every unit without neighbours): it is the slowest part for large files. */
  skipAdjacency?: boolean;
  /** Files the dataset was read from, by role, for messages. */
  files: Record<string, string>;
}

/**
 * Builds a dataset from its tables in one pass: the units (refusing features the planning commands
 * cannot use), then the population, providers and links joined to them, then the adjacency graph.
 * Join problems come back as issues; whether they stop a command is for the caller.
 * @example
 * const { dataset, issues } = buildDataset(tables, { name: "demo", params, adjacency: { kind: "rook", tolerance: 5 }, files });
 */
export function buildDataset(tables: DatasetTables, opts: BuildDatasetOptions): { dataset: Dataset; issues: DataIssue[] } {
  const units = toUnits(tables.boundaries);
  const issues: DataIssue[] = [];

  let population: Float64Array = new Float64Array(units.ids.length).fill(NaN);
  if (tables.population) {
    const joined = joinPopulation(units, tables.population.rows, tables.population.file);
    population = joined.population;
    issues.push(...joined.issues);
  }

  let providers = null;
  if (tables.providers) {
    const built = providersFromTable(units, tables.providers);
    providers = built.providers;
    issues.push(...built.issues);
  }

  if (tables.providerNames) issues.push(...providerNameIssues(tables.providerNames, providers?.ids ?? null));

  let linkPairs: [number, number][] = [];
  if (tables.links) {
    const joined = joinLinks(units, tables.links.rows, tables.links.file);
    linkPairs = joined.pairs;
    issues.push(...joined.issues);
  }

  const adjacency: AdjacencyGraph = !opts.skipAdjacency
    ? buildAdjacency(units.geometries, { kind: opts.adjacency.kind, geographic: units.geographic, tolerance: opts.adjacency.tolerance }, linkPairs, units.flat)
    : { kind: opts.adjacency.kind, neighbors: units.ids.map(() => []), linked: [] };

  const dataset: Dataset = {
    name: opts.name,
    units,
    population,
    providers,
    links: tables.links?.rows ?? [],
    areas: tables.areas?.rows ?? null,
    adjacency,
    params: opts.params,
    plan: tables.plan,
    files: opts.files,
  };
  if (tables.providerNames) dataset.providerNames = tables.providerNames.names;
  return { dataset, issues };
}

/** Notes on a provider names table: names for codes with no provider rows, providers without a name. */
function providerNameIssues(table: { file: string; names: Map<string, string> }, providerIds: readonly string[] | null): DataIssue[] {
  if (!providerIds) return [];
  const issues: DataIssue[] = [];
  const some = (codes: string[]) => codes.slice(0, 5).map((c) => `"${c}"`).join(", ") + (codes.length > 5 ? ` and ${codes.length - 5} more` : "");
  const known = new Set(providerIds);
  const unknown = [...table.names.keys()].filter((code) => !known.has(code));
  if (unknown.length) {
    issues.push({ rule: "provider-names-unknown", severity: "warning", message: `${unknown.length} of ${table.names.size} provider names are for codes with no provider rows (not used): ${some(unknown)}`, file: table.file });
  }
  const unnamed = providerIds.filter((id) => !table.names.has(id));
  if (unnamed.length) {
    issues.push({ rule: "provider-names-missing", severity: "warning", message: `${unnamed.length} of ${providerIds.length} providers have no name (shown by code): ${some(unnamed)}`, file: table.file });
  }
  return issues;
}
