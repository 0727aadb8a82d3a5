import { describe, expect, it } from "vitest";
import { canLeave, footprintComponents } from "../../src/optimise/contiguity.js";
import { createRng } from "../../src/optimise/random.js";
import { gridInstance, isConnected, stateOf } from "./generate.js";

describe("contiguity", () => {
  it("contiguity: canLeave agrees with a brute-force check on connected footprints", () => {
    let checked = 0;
    let refused = 0;
    for (let seed = 1; seed <= 30; seed++) {
      const inst = gridInstance({ rows: 4, cols: 4, k: 3, seed });
      const rng = createRng(seed);
      // Random connected footprints by growing from random seeds.
      const assign = new Int32Array(inst.n).fill(-1);
      const k = 3;
      for (let f = 0; f < k; f++) {
        let u: number;
        do u = Math.floor(rng() * inst.n);
        while (assign[u] >= 0);
        assign[u] = f;
      }
      while (assign.includes(-1))
        for (let u = 0; u < inst.n; u++) {
          if (assign[u] >= 0) continue;
          for (let e = inst.adjOffsets[u]; e < inst.adjOffsets[u + 1]; e++)
            if (assign[inst.adj[e]] >= 0 && rng() < 0.5) {
              assign[u] = assign[inst.adj[e]];
              break;
            }
        }
      const s = stateOf(inst, assign, k);
      for (let u = 0; u < inst.n; u++) {
        const f = assign[u];
        const rest = [];
        for (let w = 0; w < inst.n; w++) if (w !== u && assign[w] === f) rest.push(w);
        const expected = rest.length === 0 ? true : isConnected(inst, rest);
        expect(canLeave(s, u)).toBe(expected);
        checked++;
        if (!expected) refused++;
      }
    }
    expect(refused).toBeGreaterThan(10);
    expect(checked).toBe(30 * 16);
  });

  it("contiguity: footprintComponents splits a footprint cut in two", () => {
    // 0 - 1 - 2     footprint 0 = {0, 2}, footprint 1 = {1}: 0 is in two pieces
    const adjOffsets = Int32Array.from([0, 1, 3, 4]);
    const adj = Int32Array.from([1, 0, 2, 1]);
    const comps = footprintComponents(adjOffsets, adj, Int32Array.from([0, 1, 0]), 2);
    expect(comps[0]).toEqual([[0], [2]]);
    expect(comps[1]).toEqual([[1]]);
  });
});
