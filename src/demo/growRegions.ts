/**
 * Seeded region growing over a unit adjacency graph.
 */

/**
 * Grows one region from each seed until every reachable unit belongs to a region. At each step
 * the region with the smallest `weight` total that still has an unassigned neighbour takes the
 * neighbour nearest to its seed (ties: lower index), which keeps regions compact and their
 * totals balanced.
 *
 * @param weight per-unit weight to balance (population, or 1 to balance unit counts)
 * @returns region index per unit, -1 for units no region reached
 * @example
 * growRegions([0, 5], neighbors, weight, x, y);
 */
export function growRegions(
  seeds: number[],
  neighbors: number[][],
  weight: ArrayLike<number>,
  x: ArrayLike<number>,
  y: ArrayLike<number>,
): Int32Array {
  const region = new Int32Array(neighbors.length).fill(-1);
  const total = seeds.map((s, r) => {
    region[s] = r;
    return weight[s];
  });
  const members = seeds.map((s) => [s]);
  const active = seeds.map(() => true);
  for (;;) {
    let pick = -1;
    for (let r = 0; r < seeds.length; r++) {
      if (active[r] && (pick < 0 || total[r] < total[pick])) pick = r;
    }
    if (pick < 0) break;
    const s = seeds[pick];
    let best = -1;
    let bestD = Infinity;
    for (const m of members[pick]) {
      for (const n of neighbors[m]) {
        if (region[n] !== -1) continue;
        const d = Math.hypot(x[n] - x[s], y[n] - y[s]);
        if (d < bestD || (d === bestD && n < best)) {
          best = n;
          bestD = d;
        }
      }
    }
    if (best < 0) {
      active[pick] = false;
      continue;
    }
    region[best] = pick;
    members[pick].push(best);
    total[pick] += weight[best];
  }
  return region;
}
