import type { Finding } from "../../model/types.js";
import type { GeometryItem } from "./geometryItem.js";
import { unitLabel } from "./geom/polygons.js";

/** Depth of positions in the coordinates of each polygonal type. */
const DEPTH = { Polygon: 2, MultiPolygon: 3 } as const;

/**
 * Rule `finite-coordinates` (error): every position of a Polygon/MultiPolygon must be an array of at
 * least two finite numbers, nested as the type requires. One finding per unit, naming the first bad
 * position.
 *
 * @example
 * finiteCoordinates([{ id: "A", geometry: { type: "Polygon", coordinates: [[[0, 0], ["1", 0], [1, 1], [0, 0]]] } }]) // one finding
 */
export function finiteCoordinates(items: readonly GeometryItem[]): Finding[] {
  const out: Finding[] = [];
  items.forEach((item, i) => {
    const g = item.geometry;
    if (!g || (g.type !== "Polygon" && g.type !== "MultiPolygon")) return;
    const coords = (g as { coordinates?: unknown }).coordinates;
    if (!Array.isArray(coords) || coords.length === 0) return; // empty-geometry
    if (allFinite(coords, DEPTH[g.type])) return;
    const bad = firstBad(coords, DEPTH[g.type], []);
    if (!bad) return;
    out.push({
      rule: "finite-coordinates",
      severity: "error",
      message: `${unitLabel(item.id, i)}: coordinates[${bad.path.join("][")}] is ${bad.what}; positions must be [longitude, latitude] numbers`,
      units: item.id ? [item.id] : [],
    });
  });
  return out;
}

/** Fast check without allocation; firstBad then finds the culprit for the message. */
function allFinite(c: unknown, depth: number): boolean {
  if (!Array.isArray(c)) return false;
  if (depth === 0) {
    if (c.length < 2) return false;
    for (let k = 0; k < c.length; k++) {
      const v = c[k];
      if (typeof v !== "number" || !Number.isFinite(v)) return false;
    }
    return true;
  }
  for (let k = 0; k < c.length; k++) if (!allFinite(c[k], depth - 1)) return false;
  return true;
}

function firstBad(c: unknown, depth: number, path: number[]): { path: number[]; what: string } | null {
  if (depth === 0) {
    if (Array.isArray(c) && c.length >= 2) {
      let ok = true;
      for (const v of c) if (typeof v !== "number" || !Number.isFinite(v)) ok = false;
      if (ok) return null;
    }
    return { path: path.slice(), what: describe(c) };
  }
  if (!Array.isArray(c)) return { path: path.slice(), what: `${describe(c)}, not an array` };
  for (let k = 0; k < c.length; k++) {
    path.push(k);
    const bad = firstBad(c[k], depth - 1, path);
    path.pop();
    if (bad) return bad;
  }
  return null;
}

function describe(v: unknown): string {
  const s = JSON.stringify(v);
  return s === undefined ? String(v) : s.length > 60 ? `${s.slice(0, 57)}...` : s;
}
