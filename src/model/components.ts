/**
 * Connected components of the subgraph induced by `members` (unit indexes), using only
 * neighbours that are members too. Returns lists of members, largest first, ties by smallest index.
 *
 * @example
 * components([0, 1, 3], neighbors) // [[0, 1], [3]] when 3 touches neither 0 nor 1
 */
export function components(members: readonly number[], neighbors: readonly (readonly number[])[]): number[][] {
  const inSet = new Set(members);
  const seen = new Set<number>();
  const out: number[][] = [];
  for (const start of members) {
    if (seen.has(start)) continue;
    const comp: number[] = [];
    const stack = [start];
    seen.add(start);
    while (stack.length) {
      const u = stack.pop()!;
      comp.push(u);
      for (const v of neighbors[u]) {
        if (inSet.has(v) && !seen.has(v)) {
          seen.add(v);
          stack.push(v);
        }
      }
    }
    comp.sort((a, b) => a - b);
    out.push(comp);
  }
  out.sort((a, b) => b.length - a.length || a[0] - b[0]);
  return out;
}
