/**
 * Unit polygons in longitude/latitude from traced rings.
 */
import type { Polygon, Position } from "geojson";
import type { HexGrid } from "./hexGrid.js";
import { toLonLat } from "./projection.js";

/** Twice the signed area of a ring (positive when counter-clockwise), shoelace formula. */
export function signedArea2(ring: Position[]): number {
  let s = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    s += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  }
  return s;
}

/**
 * Builds a unit's polygon: corner keys become jittered positions, then rounded lon/lat; runs of
 * equal rounded points are merged (rounding could, in principle, collapse a short edge) and each
 * ring is closed by repeating its first position. Both neighbours of a shared edge round the same
 * numbers, so shared boundaries stay identical after rounding.
 *
 * @throws Error when a unit is not one piece (an invariant of the partition)
 * @example
 * const polygon = unitGeometry(grid, rings[u]);
 */
export function unitGeometry(grid: HexGrid, rings: number[][]): Polygon {
  const coords = rings.map((ring) => {
    const out: Position[] = [];
    for (const key of ring) {
      const [x, y] = grid.cornerPosition(key);
      const p = toLonLat(x, y);
      const last = out[out.length - 1];
      if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
    }
    while (out.length > 1 && out[0][0] === out[out.length - 1][0] && out[0][1] === out[out.length - 1][1]) out.pop();
    out.push([out[0][0], out[0][1]]);
    return out;
  });
  const exteriors = coords.filter((r) => signedArea2(r) > 0);
  const holes = coords.filter((r) => signedArea2(r) < 0);
  if (exteriors.length !== 1) throw new Error(`unitGeometry: a unit has ${exteriors.length} exterior rings`);
  return { type: "Polygon", coordinates: [exteriors[0], ...holes] };
}
