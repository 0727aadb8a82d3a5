import type { Severity } from "../options/valueTypes.js";
import type { MultiPolygon, Polygon } from "geojson";

/** Polygonal geometry of one unit, as read (possibly invalid: self-touching rings are common). */
export type UnitGeometry = Polygon | MultiPolygon;

/**
 * Every ring of every unit in flat typed arrays: ring r holds the points
 * (coords[2k], coords[2k+1]) for k in [ringStart[r], ringStart[r+1]), and belongs to unit
 * ringUnit[r]. Hot loops (adjacency, overlays) read these instead of nested GeoJSON arrays
 * (model/flatRings.ts builds them).
 */
export interface FlatRings {
  coords: Float64Array;
  ringStart: Int32Array;
  ringUnit: Int32Array;
  /** Bounding box of all points: [minX, minY, maxX, maxY]. */
  bbox: [number, number, number, number];
}

/**
 * The organisations being grouped (CCGs, LSOAs, ...). Inside the tool a unit is its integer index;
 * `ids[i]` maps back to the code people use.
 */
export interface Units {
  ids: string[];
  names: string[];
  /** id -> index */
  index: Map<string, number>;
  /** Geometry per unit, or null when the unit has none (a finding for `validate`). */
  geometries: (UnitGeometry | null)[];
  /** True when coordinates are longitude/latitude degrees, false for projected metres. */
  geographic: boolean;
  /** The same rings in flat typed arrays, when built (toUnits builds them). */
  flat?: FlatRings;
}

/** Per-unit population (NaN where the unit has no population value). */
export type Population = Float64Array;

/** Extra adjacency that counts for contiguity: a ferry, a bridge. */
export interface Link {
  a: string;
  b: string;
  kind?: string;
  note?: string;
  /** 1-based CSV line, for messages. */
  line?: number;
}

/**
 * Providers (hospital trusts) and how their activity is spread over units, in CSR form:
 * the entries of provider p are k in [offsets[p], offsets[p+1]) with `unit[k]` and `value[k]`.
 * Values are activity, patients or catchment population; shares are value / total[p].
 */
export interface Providers {
  ids: string[];
  offsets: Int32Array;
  unit: Int32Array;
  value: Float64Array;
  total: Float64Array;
}

/** Unit adjacency: `neighbors[i]` is the sorted list of units next to unit i. */
export interface AdjacencyGraph {
  kind: "rook" | "queen";
  neighbors: number[][];
  /** Pairs that came from links rather than shared boundaries, as [a, b] with a < b. */
  linked: [number, number][];
}

/** One row of a plan: a unit placed in a footprint. A unit may appear twice (an overlap finding). */
export interface PlanRow {
  unit: string;
  footprint: string;
  /** 1-based line in the plan file, or undefined for plans made in memory. */
  line?: number;
  /** Share of the unit in this footprint, for plans derived from polygons (1 for CSV plans). */
  share?: number;
}

/** A promise that a unit stays in a footprint (a row of a lock file). */
export interface Lock {
  unit: string;
  footprint: string;
  /** 1-based line in the lock file, for messages. */
  line?: number;
}

/** Units that must share one footprint (a devolution area's organisations), from a groups file. */
export interface Group {
  id: string;
  units: string[];
  /** 1-based line of each unit's row, for messages. */
  lines: number[];
}

/**
 * Population bounds of one footprint that differ from the dataset's ("this area may be smaller"):
 * the footprint is named by its id, or by a unit it contains.
 */
export interface BoundException {
  footprint?: string;
  unit?: string;
  /** Least population (the dataset's minimum when absent). */
  min?: number;
  /** Greatest population (the dataset's maximum when absent). */
  max?: number;
  note?: string;
  /** 1-based line in the exceptions file, for messages. */
  line?: number;
}

/** A candidate grouping of units into footprints, as read, before any rule is applied. */
export interface Plan {
  rows: PlanRow[];
  /** footprint id -> display name (may be empty). */
  names: Map<string, string>;
  /** Where the plan came from, for messages. */
  source?: string;
}

/** An organisation of a second geography (a local authority) overlapping units, with weights. */
export interface AreaOverlap {
  area: string;
  name?: string;
  unit: string;
  weight: number;
}

export type { Severity };

/** Rule parameters of a dataset. */
export interface RuleParams {
  populationMin: number;
  populationMax: number;
  /** A provider is cross-footprint with at least this share of its activity in each of two footprints. */
  threshold: number;
  /** Per-rule severity overrides. */
  severity: Record<string, Severity>;
}

/** A dataset: everything the commands need besides a plan. */
export interface Dataset {
  name: string;
  units: Units;
  population: Population;
  providers: Providers | null;
  links: Link[];
  areas: AreaOverlap[] | null;
  adjacency: AdjacencyGraph;
  params: RuleParams;
  /** Provider code -> name (hospital trust names), where a names file was given. */
  providerNames?: Map<string, string>;
  /** The plan named by the manifest, if any (commands may take another). */
  plan: Plan | null;
  /** Files the dataset was read from, for messages and reports. */
  files: Record<string, string>;
}

/** A finding of a rule: plain text, no colour. */
export interface Finding {
  rule: string;
  severity: "error" | "warning";
  message: string;
  footprint?: string;
  units?: string[];
  provider?: string;
  /** The provider's name, where the dataset names providers. */
  providerName?: string;
  shares?: Record<string, number>;
  /** For contiguity: the units of each piece of a footprint, the main piece first. */
  pieces?: string[][];
  /** [longitude, latitude] (or projected x, y) of the problem, where it has one. */
  location?: [number, number];
  suggestion?: string;
  /** The input file and 1-based line the finding is about, where it is one row (for annotations). */
  file?: string;
  line?: number;
}
