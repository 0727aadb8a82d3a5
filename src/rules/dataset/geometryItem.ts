import type { Geometry } from "geojson";
import type { Finding } from "../../model/types.js";
import { defaults } from "../../options/defaults.js";

/**
 * One feature of a boundary file as read, before any check: its id (as extracted by the reader, or
 * null/undefined/"" when it has none) and its geometry (possibly null or malformed: coordinates may be
 * strings or nulls in a broken file, so checks never trust the declared types).
 */
export interface GeometryItem {
  id: string | null | undefined;
  /** The unit's name, where the file has one: shown beside the id in messages. */
  name?: string;
  geometry: Geometry | null | undefined;
}

/** Options and context shared by the dataset geometry checks. */
export interface GeometryCheckOptions {
  /** The file the items came from, for file-level messages. */
  file?: string;
  /**
   * True when coordinates are longitude/latitude degrees (RFC 7946), false for projected metres.
   * Undefined: detect (a file whose coordinates look like British National Grid is projected).
   */
  geographic?: boolean;
  /** Unit adjacency by item index (from the adjacency builder, links included); enables `isolated-units`. */
  neighbors?: number[][];
  /** An overlap piece is reported when its area exceeds this many m² ... (default: GEOMETRY_DEFAULTS) */
  overlapArea?: number;
  /** ... and its mean width (2 x area / perimeter) exceeds this many metres (default: GEOMETRY_DEFAULTS). */
  overlapWidth?: number;
  /** A hole in the union of all units is a sliver gap when its area is at most this many m² (default: GEOMETRY_DEFAULTS). */
  gapArea?: number;
  /** Holes smaller than this many m² are numerical dust from coordinate rounding and are ignored (default: GEOMETRY_DEFAULTS). */
  gapMinArea?: number;
}

/** A dataset geometry check: pure, returns findings, never throws on bad data. */
export type GeometryCheck = (items: readonly GeometryItem[], opts?: GeometryCheckOptions) => Finding[];

/** "E38000087 (NHS Isle of Wight CCG)", the id alone, or "feature 12" for an item without an id. */
export function itemLabel(items: readonly GeometryItem[], u: number): string {
  const { id, name } = items[u];
  if (!id) return `feature ${u}`;
  return name ? `${id} (${name})` : id;
}

/** Defaults of the tolerances, in m² and m (from the option table: validate's flags). */
export const GEOMETRY_DEFAULTS = {
  overlapArea: defaults.overlapArea,
  overlapWidth: defaults.overlapWidth,
  gapArea: defaults.gapArea,
  gapMinArea: defaults.gapMinArea,
} as const;
