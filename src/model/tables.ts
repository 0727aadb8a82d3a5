import type { AreaOverlap, Link, Plan } from "./types.js";
import type { UnitSource } from "./units.js";

/**
 * The plain tables of a dataset, as its readers give them and before anything is joined: codes
 * are strings as written, each row keeps its line for messages. `buildDataset` turns them into a
 * `Dataset` in one pass.
 */
export interface DatasetTables {
  /** The boundary features (ids, names, geometry). */
  boundaries: UnitSource;
  /** Population rows, from a CSV or a boundary property; null when the dataset has none. */
  population: PopulationTable | null;
  providers: ProviderTable | null;
  links: { file: string; rows: Link[] } | null;
  areas: { file: string; rows: AreaOverlap[] } | null;
  plan: Plan | null;
  /** Provider code -> name, from a names CSV; null (or absent) when the dataset names no providers. */
  providerNames?: { file: string; names: Map<string, string> } | null;
}

/** One population value of a unit, with the line (or 0-based feature) it came from. */
export interface PopulationRow {
  unit: string;
  value: number;
  line?: number;
}

export interface PopulationTable {
  /** The file the rows came from, for messages. */
  file: string;
  /** Where the population came from, as reports show it: the CSV, or "boundaries (field)". */
  source: string;
  rows: PopulationRow[];
}

/**
 * Long provider rows `provider,unit,value` in columns, codes interned: row i is provider
 * `providers[provider[i]]`, unit code `units[unit[i]]`, value `value[i]`. 16 bytes a row, so a
 * file of millions of rows stays small; `unitLine[u]` is the first line that names unit code u.
 */
export interface ProviderTable {
  /** The file the rows came from, for messages (none for rows made in memory). */
  file?: string;
  length: number;
  providers: string[];
  units: string[];
  unitLine: (number | undefined)[];
  provider: Int32Array;
  unit: Int32Array;
  value: Float64Array;
}
