/**
 * Footprint adjacency from unit adjacency: two footprints are neighbours when any unit of one is
 * next to any unit of the other. Units with a negative assignment (unassigned) are left out.
 *
 * @param assignment footprint of each unit, or -1
 * @param footprints number of footprints
 * @returns sorted neighbour lists per footprint
 * @example
 * footprintGraph(Int32Array.from([0, 0, 1]), [[1], [0, 2], [1]], 2); // [[1], [0]]
 */
export function footprintGraph(assignment: ArrayLike<number>, neighbors: readonly (readonly number[])[], footprints: number): number[][] {
  const sets: Set<number>[] = Array.from({ length: footprints }, () => new Set());
  neighbors.forEach((list, u) => {
    const a = assignment[u];
    if (a < 0) return;
    for (const v of list) {
      const b = assignment[v];
      if (b >= 0 && b !== a) sets[a].add(b);
    }
  });
  return sets.map((s) => [...s].sort((x, y) => x - y));
}
