import { describe, expect, it } from "vitest";
import { EnergyPair } from "../../src/optimise/energy/energy.js";
import { createRng } from "../../src/optimise/random.js";
import { labelFootprints } from "../../src/model/labelFootprints.js";
import { gridInstance, stateOf } from "./generate.js";

/** Units moved as the result's names count them, from scratch (footprint numbers as identities). */
function movedByIdentity(assign: Int32Array, start: Int32Array, pop: Float64Array, weight: Int32Array, k: number): number {
  const popF = new Float64Array(k);
  const startPop = new Float64Array(k);
  const same = new Float64Array(k);
  const cnt = new Float64Array(k);
  let moved = 0;
  for (let u = 0; u < assign.length; u++) {
    popF[assign[u]] += pop[u];
    startPop[start[u]] += pop[u];
    if (start[u] === assign[u]) {
      same[assign[u]] += pop[u];
      cnt[assign[u]] += weight[u];
    } else moved += weight[u];
  }
  for (let f = 0; f < k; f++) if (!(same[f] > popF[f] / 2 && same[f] > startPop[f] / 2)) moved += cnt[f];
  return moved;
}

describe("State: units moved by identity", () => {
  it("State: with identity, moves and deltas count every unit of a footprint that stops continuing its start, as a recount does", () => {
    for (let seed = 1; seed <= 15; seed++) {
      const inst = gridInstance({ rows: 4, cols: 5, k: 4, seed, providers: 8 });
      const k = 4;
      const rng = createRng(seed);
      const start = Int32Array.from({ length: inst.n }, (_, u) => Math.floor((u * k) / inst.n));
      const weight = Int32Array.from({ length: inst.n }, () => 1 + Math.floor(rng() * 3));
      const s = stateOf(inst, start, k, { start, weight, identity: true });
      const two = new EnergyPair(s, s.energy);
      for (let step = 0; step < 300; step++) {
        const u = Math.floor(rng() * inst.n);
        const to = Math.floor(rng() * k);
        if (to === s.assign[u]) continue;
        const before = s.moved;
        const d = s.movedDelta(u, to);
        s.flip(u, to);
        expect(s.moved - before).toBe(d);
        expect(s.moved).toBe(movedByIdentity(s.assign, start, inst.population, weight, k));
        // The two-footprint evaluator counts the same after a flip between two footprints.
        const fa = s.assign[u];
        const fb = (fa + 1) % k;
        const units = new Int32Array(31);
        let r = 0;
        for (let x = 0; x < inst.n && r < 31; x++) if (s.assign[x] === fa || s.assign[x] === fb) units[r++] = x;
        if (r === 0) continue;
        two.load(s, fa, fb, units, r);
        const i = Math.floor(rng() * r);
        two.flip(s, i);
        const after = Int32Array.from(s.assign);
        after[units[i]] = after[units[i]] === fa ? fb : fa;
        expect(two.moved).toBe(movedByIdentity(after, start, inst.population, weight, k));
      }
      // The names the result gets never count more units moved than the search did.
      const labels = labelFootprints({ assign: s.assign, start, startIds: ["A", "B", "C", "D"], startNames: ["", "", "", ""], population: inst.population, nameOf: () => "" });
      const unweighted = stateOf(inst, s.assign, k, { start, identity: true });
      expect(labels.moved).toBeLessThanOrEqual(unweighted.moved);
    }
  });
});
