import type { Instance } from "./instance.js";

/**
 * A plan of k footprints by seeded region growing: seeds spread out (the first at random, each next
 * one a unit farthest in steps from the seeds so far), then the footprint with the fewest people
 * repeatedly takes a random unassigned neighbour until every reachable unit is placed. The result
 * is contiguous by construction but may break the population bounds (repair follows).
 * @returns footprint index per unit (-1 for units no seed can reach)
 */
export function growPlan(inst: Instance, k: number, rng: () => number): Int32Array {
  const { n, adjOffsets, adj, population } = inst;
  const assign = new Int32Array(n).fill(-1);
  const dist = new Int32Array(n).fill(0x7fffffff);
  const queue = new Int32Array(n);
  const seeds: number[] = [];
  for (let f = 0; f < Math.min(k, n); f++) {
    let seed = -1;
    if (f === 0) seed = Math.floor(rng() * n);
    else {
      let far = -1;
      let ties = 0;
      for (let u = 0; u < n; u++) {
        if (assign[u] >= 0) continue;
        if (dist[u] > far) {
          far = dist[u];
          seed = u;
          ties = 1;
        } else if (dist[u] === far && rng() * ++ties < 1) seed = u;
      }
    }
    if (seed < 0) break;
    seeds.push(seed);
    assign[seed] = f;
    // Update hop distances to the nearest seed by breadth-first search from the new seed.
    let head = 0;
    let tail = 0;
    dist[seed] = 0;
    queue[tail++] = seed;
    while (head < tail) {
      const x = queue[head++];
      for (let e = adjOffsets[x]; e < adjOffsets[x + 1]; e++) {
        const y = adj[e];
        if (dist[y] > dist[x] + 1) {
          dist[y] = dist[x] + 1;
          queue[tail++] = y;
        }
      }
    }
  }
  const members: number[][] = seeds.map((u) => [u]);
  const pop = seeds.map((u) => population[u]);
  const open = seeds.map(() => true);
  for (;;) {
    let f = -1;
    for (let g = 0; g < members.length; g++) if (open[g] && (f < 0 || pop[g] < pop[f])) f = g;
    if (f < 0) break;
    const frontier: number[] = [];
    for (const x of members[f])
      for (let e = adjOffsets[x]; e < adjOffsets[x + 1]; e++) if (assign[adj[e]] < 0) frontier.push(adj[e]);
    if (frontier.length === 0) {
      open[f] = false;
      continue;
    }
    const u = frontier[Math.floor(rng() * frontier.length)];
    assign[u] = f;
    members[f].push(u);
    pop[f] += population[u];
  }
  return assign;
}
