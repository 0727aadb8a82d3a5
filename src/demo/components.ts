/**
 * Connected components of a set of units in an adjacency graph.
 */

/**
 * Splits `members` into connected components, walking only edges between members.
 *
 * @returns components in order of their first member
 * @example
 * components([0, 1, 3], [[1], [0, 2], [1, 3], [2]]); // [[0, 1], [3]]
 */
export function components(members: number[], neighbors: number[][]): number[][] {
  const inSet = new Set(members);
  const seen = new Set<number>();
  const out: number[][] = [];
  for (const start of members) {
    if (seen.has(start)) continue;
    const comp = [start];
    seen.add(start);
    for (let i = 0; i < comp.length; i++) {
      for (const n of neighbors[comp[i]]) {
        if (inSet.has(n) && !seen.has(n)) {
          seen.add(n);
          comp.push(n);
        }
      }
    }
    out.push(comp);
  }
  return out;
}
