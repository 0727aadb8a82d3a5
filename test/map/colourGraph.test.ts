import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { colourGraph } from "../../src/map/colourGraph.js";

/** Symmetric adjacency lists from an edge list. */
function graph(n: number, edges: [number, number][]): number[][] {
  const g: number[][] = Array.from({ length: n }, () => []);
  for (const [a, b] of edges) {
    if (a === b) continue;
    if (!g[a].includes(b)) g[a].push(b);
    if (!g[b].includes(a)) g[b].push(a);
  }
  return g;
}

function proper(g: number[][], c: Int32Array): boolean {
  return g.every((list, v) => list.every((w) => c[v] !== c[w]));
}

describe("colourGraph", () => {
  it("colourGraph: a triangle needs three colours", () => {
    const c = colourGraph(graph(3, [[0, 1], [1, 2], [2, 0]]));
    expect(new Set(c).size).toBe(3);
  });

  it("colourGraph: an even cycle (bipartite) gets two colours", () => {
    const c = colourGraph(graph(6, [[0, 1], [1, 2], [2, 3], [3, 4], [4, 5], [5, 0]]));
    expect(new Set(c).size).toBe(2);
    expect(proper(graph(6, [[0, 1], [1, 2], [2, 3], [3, 4], [4, 5], [5, 0]]), c)).toBe(true);
  });

  it("colourGraph: a wheel with an odd rim needs four colours", () => {
    //   hub 0 joined to rim 1..5 (a 5-cycle): the rim needs 3, the hub a 4th
    const edges: [number, number][] = [[1, 2], [2, 3], [3, 4], [4, 5], [5, 1], [0, 1], [0, 2], [0, 3], [0, 4], [0, 5]];
    const c = colourGraph(graph(6, edges));
    expect(proper(graph(6, edges), c)).toBe(true);
    expect(new Set(c).size).toBe(4);
  });

  it("colourGraph: isolated vertices all get colour 0", () => {
    expect([...colourGraph([[], [], []])]).toEqual([0, 0, 0]);
  });

  it("colourGraph: any graph gets a proper colouring with at most max degree + 1 colours", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }).chain((n) => fc.tuple(fc.constant(n), fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 80 }))),
        ([n, edges]) => {
          const g = graph(n, edges);
          const c = colourGraph(g);
          const maxDegree = Math.max(0, ...g.map((l) => l.length));
          return proper(g, c) && Math.max(...c) <= maxDegree;
        },
      ),
    );
  });
});
