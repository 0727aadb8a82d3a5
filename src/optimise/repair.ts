import { canLeave, footprintComponents } from "./contiguity.js";
import type { Instance } from "./instance.js";
import type { State } from "./state.js";

/**
 * Makes every footprint of an assignment one connected piece: each footprint keeps the piece with
 * the most locked units (then the most people); units of its other pieces go, wave by wave, to the
 * smallest neighbouring footprint. Locked units in a detached piece stay put (the plan then stays
 * infeasible and the result says so). Works in place.
 */
export function repairContiguity(inst: Instance, assign: Int32Array, k: number, lock: Int32Array | null): void {
  const comps = footprintComponents(inst.adjOffsets, inst.adj, assign, k);
  const pop = new Float64Array(k);
  for (let u = 0; u < inst.n; u++) if (assign[u] >= 0) pop[assign[u]] += inst.population[u];
  for (let f = 0; f < k; f++) {
    if (comps[f].length <= 1) continue;
    const score = (c: number[]) => {
      let locked = 0;
      let people = 0;
      for (const u of c) {
        if (lock && lock[u] >= 0) locked++;
        people += inst.population[u];
      }
      return [locked, people];
    };
    let keep = 0;
    for (let i = 1; i < comps[f].length; i++) {
      const [l, p] = score(comps[f][i]);
      const [lk, pk] = score(comps[f][keep]);
      if (l > lk || (l === lk && p > pk)) keep = i;
    }
    comps[f].forEach((c, i) => {
      if (i === keep) return;
      for (const u of c)
        if (!lock || lock[u] < 0) {
          assign[u] = -1;
          pop[f] -= inst.population[u];
        }
    });
  }
  assignOrphans(inst, assign, pop);
}

/** Gives every unit with assign -1 to its smallest assigned neighbouring footprint, in waves. */
export function assignOrphans(inst: Instance, assign: Int32Array, pop: Float64Array): void {
  for (;;) {
    const wave: [number, number][] = [];
    let left = 0;
    for (let u = 0; u < inst.n; u++) {
      if (assign[u] >= 0) continue;
      left++;
      let best = -1;
      for (let e = inst.adjOffsets[u]; e < inst.adjOffsets[u + 1]; e++) {
        const f = assign[inst.adj[e]];
        if (f >= 0 && (best < 0 || pop[f] < pop[best])) best = f;
      }
      if (best >= 0) wave.push([u, best]);
    }
    if (left === 0 || wave.length === 0) return;
    for (const [u, f] of wave) {
      assign[u] = f;
      pop[f] += inst.population[u];
    }
  }
}

function violation(pop: number, min: number, max: number): number {
  return pop < min ? min - pop : pop > max ? pop - max : 0;
}

/**
 * The change in total population-bound violation if the unit on the source side of edge e moved
 * to the footprint on its other side; NaN when that move is not allowed (same footprint, a locked
 * unit, or the last unit of its footprint).
 */
function violationChange(s: State, e: number): number {
  const { adj, population } = s.inst;
  const u = s.edgeSrc[e];
  const from = s.assign[u];
  const to = s.assign[adj[e]];
  if (from === to || s.lock[u] >= 0 || s.size[from] === 1) return NaN;
  const p = population[u];
  const { minOf, maxOf } = s;
  return (
    violation(s.pop[from] - p, minOf[from], maxOf[from]) - violation(s.pop[from], minOf[from], maxOf[from]) +
    violation(s.pop[to] + p, minOf[to], maxOf[to]) - violation(s.pop[to], minOf[to], maxOf[to])
  );
}

/** Total population-bound violation (people below min or above max) over non-empty footprints. */
export function populationViolation(s: State): number {
  let v = 0;
  for (let f = 0; f < s.k; f++) if (s.size[f] > 0) v += violation(s.pop[f], s.minOf[f], s.maxOf[f]);
  return v;
}

/**
 * Brings every footprint within the population bounds by contiguity-preserving single-unit moves:
 * each step takes the move that most reduces the total violation (ties: fewest cross-footprint
 * providers, then random). When no move reduces it, it walks randomly over moves that keep it, for
 * a bounded number of steps. Locks are respected; moves count against nothing here.
 * @returns true when the plan ends within the bounds
 */
export function repairPopulation(s: State, rng: () => number, maxSteps = 20 * s.n + 1000): boolean {
  const { adj } = s.inst;
  let stall = 0;
  for (let step = 0; step < maxSteps; step++) {
    if (populationViolation(s) === 0) return true;
    let bestU = -1;
    let bestTo = -1;
    let bestDv = Infinity;
    let bestDc = Infinity;
    let ties = 0;
    for (let e = 0; e < adj.length; e++) {
      const dv = violationChange(s, e);
      if (Number.isNaN(dv) || dv > 0 || dv > bestDv) continue;
      const u = s.edgeSrc[e];
      const to = s.assign[adj[e]];
      if (!canLeave(s, u)) continue;
      const cross = s.energy.terms[0];
      cross.delta(s, u, to);
      const dc = cross.dCount;
      if (dv < bestDv || (dv === bestDv && dc < bestDc)) {
        bestU = u;
        bestTo = to;
        bestDv = dv;
        bestDc = dc;
        ties = 1;
      } else if (dv === bestDv && dc === bestDc && rng() * ++ties < 1) {
        bestU = u;
        bestTo = to;
      }
    }
    if (bestU < 0) return false;
    if (bestDv < 0) stall = 0;
    else if (++stall > 10 * s.n) return false;
    if (bestDv === 0) {
      // Plateau: pick a random violation-neutral move instead of the lowest-cross one, to wander.
      const pick = randomNeutralMove(s, rng);
      if (pick < 0) return false;
      s.flip(s.edgeSrc[pick], s.assign[adj[pick]]);
      continue;
    }
    s.flip(bestU, bestTo);
  }
  return populationViolation(s) === 0;
}

function randomNeutralMove(s: State, rng: () => number): number {
  const E = s.inst.adj.length;
  for (let tries = 0; tries < 4 * E; tries++) {
    const e = Math.floor(rng() * E);
    if (violationChange(s, e) <= 0 && canLeave(s, s.edgeSrc[e])) return e;
  }
  return -1;
}
