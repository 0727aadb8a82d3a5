/**
 * What a planning unit's coordinates may be. Beyond these, coordinates are a slip (a stray
 * vertex at 1e308, a ring crossing the antimeridian) that would make the geometry work unbounded:
 * a vertex at 1e308 turned the adjacency grid into one cell (187 s and 16,666 bogus overlaps in
 * `validate`), a feature spanning the globe made the grid 2.4 GB. The readers refuse such units
 * and `validate` reports them once (`coordinate-range`) and keeps them out of every other check.
 */

/** Larger than any projected coordinate in metres on Earth (100,000 km) and any longitude or latitude. */
export const maxCoordinate = 1e8;

/** Half the globe: the most a unit may span, in degrees of longitude and latitude... */
export const maxSpanDegrees = { x: 180, y: 90 } as const;

/** ... and in projected metres (half the Earth's circumference). */
export const maxSpanMetres = 20_000_000;

/**
 * Why a unit's bounding box is too large for a planning unit, or null when it is not: more than
 * half the globe across.
 *
 * @example
 * spanProblem(-179.9, -89.9, 179.9, 89.9, true); // "spans 359.8° of longitude, more than half the globe"
 */
export function spanProblem(x0: number, y0: number, x1: number, y1: number, geographic: boolean): string | null {
  const w = x1 - x0, h = y1 - y0;
  if (geographic) {
    if (w > maxSpanDegrees.x) return `spans ${round(w)}° of longitude, more than half the globe`;
    if (h > maxSpanDegrees.y) return `spans ${round(h)}° of latitude, more than half the globe`;
  } else if (w > maxSpanMetres || h > maxSpanMetres) {
    return `spans ${round(Math.max(w, h) / 1000)} km, more than half the globe`;
  }
  return null;
}

function round(x: number): number {
  return Math.round(x * 10) / 10;
}
