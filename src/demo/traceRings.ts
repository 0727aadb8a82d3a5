/**
 * Boundaries of unions of grid cells, as rings of corner keys.
 */
import type { HexGrid } from "./hexGrid.js";

/**
 * Traces the boundary rings of every unit.
 *
 * Each cell lists its corners counter-clockwise, so an edge whose other side is another unit (or
 * sea) is a boundary edge with the unit on its left. Chaining these directed edges gives exterior
 * rings counter-clockwise and hole rings clockwise (RFC 7946 order). Exactly three cells meet at
 * every corner, so a corner has at most one outgoing boundary edge per unit and the chaining is
 * unambiguous. Two neighbouring units walk their shared edge in opposite directions through the
 * same corner keys, which is what makes their shared boundaries identical.
 *
 * @returns per unit, its rings as corner-key arrays (first key not repeated at the end)
 * @example
 * const rings = traceRings(grid, cellUnit, count); // rings[u][0] is usually the exterior
 */
export function traceRings(grid: HexGrid, cellUnit: Int32Array, count: number): number[][][] {
  const next: Map<number, number>[] = Array.from({ length: count }, () => new Map());
  const starts: number[][] = Array.from({ length: count }, () => []);
  for (let c = 0; c < grid.size; c++) {
    const u = cellUnit[c];
    if (u < 0) continue;
    for (let k = 0; k < 6; k++) {
      const n = grid.neighbor(c, k);
      if (n >= 0 && cellUnit[n] === u) continue;
      const a = grid.cornerKey(c, k);
      const b = grid.cornerKey(c, (k + 1) % 6);
      if (next[u].has(a)) throw new Error("traceRings: two boundary edges leave one corner");
      next[u].set(a, b);
      starts[u].push(a);
    }
  }
  return next.map((edges, u) => {
    const rings: number[][] = [];
    const used = new Set<number>();
    for (const start of starts[u]) {
      if (used.has(start)) continue;
      const ring: number[] = [];
      let key = start;
      do {
        used.add(key);
        ring.push(key);
        const to = edges.get(key);
        if (to === undefined) throw new Error("traceRings: open boundary");
        key = to;
      } while (key !== start);
      rings.push(ring);
    }
    return rings;
  });
}
