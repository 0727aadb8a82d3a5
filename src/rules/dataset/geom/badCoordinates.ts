import { maxCoordinate, spanProblem } from "../../../model/coordinateLimits.js";
import type { GeometryItem } from "../geometryItem.js";
import { polygonsOf } from "./polygons.js";

/** What is wrong with a unit's coordinates: a sentence to follow its label, and what to do. */
export interface CoordinateProblem {
  problem: string;
  suggestion: string;
}

/**
 * The coordinate problem of a unit with well-formed polygons, or null: positions beyond any map
 * (over 1e8 in either axis), longitudes or latitudes out of range (geographic files only), or a
 * unit spanning more than half the globe (see model/coordinateLimits.ts).
 *
 * @example
 * coordinateProblem({ id: "A", geometry: squareWithAVertexAt1e308 }, true); // { problem: "1 position is beyond any map's range ..." }
 */
export function coordinateProblem(item: GeometryItem, geographic: boolean): CoordinateProblem | null {
  const polygons = polygonsOf(item.geometry);
  if (!polygons) return null;
  let beyond = 0, outside = 0;
  let firstBeyond: number[] | null = null, firstOutside: number[] | null = null;
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const rings of polygons)
    for (const ring of rings)
      for (const p of ring) {
        const x = p[0], y = p[1];
        if (Math.abs(x) > maxCoordinate || Math.abs(y) > maxCoordinate) {
          beyond++;
          firstBeyond ??= p;
          continue;
        }
        if (geographic && (Math.abs(x) > 180 || Math.abs(y) > 90)) {
          outside++;
          firstOutside ??= p;
        }
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
  const positions = (n: number) => `${n} position${n === 1 ? " is" : "s are"}`;
  if (firstBeyond) {
    return {
      problem: `${positions(beyond)} beyond any map's range (over 1e8 in x or y), first [${firstBeyond[0]}, ${firstBeyond[1]}]`,
      suggestion: "remove or correct the stray vertex; the unit is left out of every other check until then",
    };
  }
  if (firstOutside) {
    return {
      problem: `${positions(outside)} outside longitude [-180, 180] / latitude [-90, 90], first [${firstOutside[0]}, ${firstOutside[1]}]`,
      suggestion: "check the axis order ([longitude, latitude]) and the coordinate reference system",
    };
  }
  const span = Number.isFinite(x0) ? spanProblem(x0, y0, x1, y1, geographic) : null;
  if (span) {
    return { problem: span, suggestion: "look for a stray vertex, or a ring crossing the antimeridian (split it there)" };
  }
  return null;
}

const memo = new WeakMap<readonly GeometryItem[], Map<boolean, Set<number>>>();

/**
 * The items whose coordinates `coordinate-range` reports. `validate` keeps them out of every other
 * geometric check and of the adjacency, so that one bad vertex gives one finding and costs nothing
 * more. Remembered per items array.
 */
export function badCoordinateUnits(items: readonly GeometryItem[], geographic: boolean): Set<number> {
  let byKind = memo.get(items);
  if (!byKind) memo.set(items, (byKind = new Map()));
  let bad = byKind.get(geographic);
  if (!bad) {
    bad = new Set();
    for (let i = 0; i < items.length; i++) if (coordinateProblem(items[i], geographic)) bad.add(i);
    byKind.set(geographic, bad);
  }
  return bad;
}
