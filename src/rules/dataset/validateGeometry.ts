import type { Finding, Severity } from "../../model/types.js";
import type { GeometryCheckOptions, GeometryItem } from "./geometryItem.js";
import { geometryChecks } from "./geometryChecks.js";
import { badCoordinateUnits } from "./geom/badCoordinates.js";
import { isGeographic } from "./geom/looksLikeBng.js";

/** Options of validateGeometry: the checks' options plus per-rule severity overrides. */
export interface ValidateGeometryOptions extends GeometryCheckOptions {
  /** Rule id -> "error" | "warning" | "off" (from the manifest or the command line). */
  severity?: Record<string, Severity>;
}

/** Checks of ids, structure and coordinates: they see every item as read. */
const readingChecks = new Set(["missing-ids", "unique-ids", "empty-geometry", "geometry-type", "finite-coordinates", "projected-coordinates", "coordinate-range"]);

/**
 * Runs every dataset geometry check (see `geometryChecks`) on the items and returns their findings in
 * rule order, with severities overridden as configured and "off" rules skipped. Units whose
 * coordinates `coordinate-range` reports are left out of the geometric checks (rings, overlaps,
 * gaps, isolated units): a stray vertex is one finding, not hundreds of bogus overlaps, and costs
 * no more time than a good one.
 *
 * @example
 * const findings = validateGeometry(items, { file: "ccg16.geojson", neighbors: graph.neighbors });
 * const failed = findings.some((f) => f.severity === "error");
 */
export function validateGeometry(items: readonly GeometryItem[], opts: ValidateGeometryOptions = {}): Finding[] {
  const out: Finding[] = [];
  const sound = withoutBadCoordinates(items, isGeographic(items, opts.geographic));
  for (const [rule, check] of Object.entries(geometryChecks)) {
    const level = opts.severity?.[rule];
    if (level === "off") continue;
    for (const f of check(readingChecks.has(rule) ? items : sound, opts)) out.push(level ? { ...f, severity: level } : f);
  }
  return out;
}

/**
 * The items with the geometry of units whose coordinates are bad (see badCoordinateUnits) taken
 * out, for the geometric checks and the adjacency; the same array when there are none.
 */
export function withoutBadCoordinates(items: readonly GeometryItem[], geographic: boolean): readonly GeometryItem[] {
  const bad = badCoordinateUnits(items, geographic);
  return bad.size === 0 ? items : items.map((item, i) => (bad.has(i) ? { id: item.id, geometry: null } : item));
}
