/**
 * Rook adjacency of polygons that share identical boundary segments.
 */
import type { Polygon } from "geojson";

/**
 * Finds, for every polygon, the polygons with which it shares at least one boundary segment.
 * Segments are hashed by their sorted end points, so the cost grows with the number of vertices;
 * it relies on neighbours using identical vertices along shared edges, which the generator
 * guarantees (polygons that only touch at a corner are not neighbours).
 *
 * @returns sorted neighbour lists, by polygon index
 * @example
 * sharedEdgeAdjacency([a, b]); // [[1], [0]] when a and b share an edge
 */
export function sharedEdgeAdjacency(polygons: Polygon[]): number[][] {
  const owner = new Map<string, number>();
  const sets = polygons.map(() => new Set<number>());
  polygons.forEach((polygon, i) => {
    for (const ring of polygon.coordinates) {
      for (let k = 0; k + 1 < ring.length; k++) {
        const a = `${ring[k][0]},${ring[k][1]}`;
        const b = `${ring[k + 1][0]},${ring[k + 1][1]}`;
        const key = a < b ? `${a};${b}` : `${b};${a}`;
        const other = owner.get(key);
        if (other === undefined) owner.set(key, i);
        else if (other !== i) {
          sets[i].add(other);
          sets[other].add(i);
        }
      }
    }
  });
  return sets.map((s) => [...s].sort((x, y) => x - y));
}
