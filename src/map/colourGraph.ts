/**
 * Colours a graph so that no two neighbours share a colour, by DSATUR (Brélaz 1979, "New methods
 * to color the vertices of a graph", CACM 22(4)): repeatedly colour the uncoloured vertex with the
 * most distinct colours among its neighbours (its saturation), ties broken by most uncoloured
 * neighbours, then by lowest index, giving it the lowest colour no neighbour has. It is exact for
 * bipartite graphs and on planar maps usually needs 4 or 5 colours. Deterministic.
 *
 * @param neighbors adjacency lists (symmetric; self-loops are ignored)
 * @returns a colour index (0, 1, 2...) per vertex
 * @example
 * colourGraph([[1, 2], [0, 2], [0, 1]]); // Int32Array [0, 1, 2]
 */
export function colourGraph(neighbors: readonly (readonly number[])[]): Int32Array {
  const n = neighbors.length;
  const colour = new Int32Array(n).fill(-1);
  const seen: Set<number>[] = Array.from({ length: n }, () => new Set());
  const uncolouredDegree = neighbors.map((list, v) => new Set(list.filter((w) => w !== v)).size);
  for (let step = 0; step < n; step++) {
    let best = -1;
    for (let v = 0; v < n; v++) {
      if (colour[v] >= 0) continue;
      if (best < 0 || seen[v].size > seen[best].size || (seen[v].size === seen[best].size && uncolouredDegree[v] > uncolouredDegree[best])) best = v;
    }
    let c = 0;
    while (seen[best].has(c)) c++;
    colour[best] = c;
    for (const w of new Set(neighbors[best])) {
      if (w === best) continue;
      seen[w].add(c);
      if (colour[w] < 0) uncolouredDegree[w]--;
    }
  }
  return colour;
}
