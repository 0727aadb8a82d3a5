import type { Instance } from "./instance.js";

/**
 * Changes the number of non-empty footprints of a contiguous assignment to `target`, in place:
 * while there are too few, the most populous footprint that can be is split in two along an edge
 * of a random spanning tree (as ReCom does), the most balanced cut of a few trees, the part
 * without locked units taking a free slot; while there are too many, the least populous footprint
 * without locked units is merged into its least populous neighbour. Both keep every footprint
 * contiguous; population bounds are repaired afterwards.
 * @param k slots available (at least `target`)
 * @returns true when the count reached `target`
 */
export function adjustCount(inst: Instance, assign: Int32Array, k: number, target: number, lock: Int32Array | null, rng: () => number): boolean {
  const { n, population } = inst;
  const pop = new Float64Array(k);
  const size = new Int32Array(k);
  const locked = new Uint8Array(k);
  const update = () => {
    pop.fill(0);
    size.fill(0);
    locked.fill(0);
    for (let u = 0; u < n; u++) {
      pop[assign[u]] += population[u];
      size[assign[u]]++;
      if (lock && lock[u] >= 0) locked[assign[u]] = 1;
    }
  };
  update();
  let count = 0;
  for (let f = 0; f < k; f++) if (size[f] > 0) count++;
  const tried = new Uint8Array(k);
  while (count < target) {
    const free = size.indexOf(0);
    if (free < 0) return false;
    let f = -1;
    for (let g = 0; g < k; g++) if (size[g] >= 2 && !tried[g] && (f < 0 || pop[g] > pop[f])) f = g;
    if (f < 0) return false;
    if (!splitFootprint(inst, assign, f, free, lock, rng, 16)) {
      tried[f] = 1;
      continue;
    }
    tried.fill(0);
    update();
    count++;
  }
  while (count > target) {
    let f = -1;
    for (let g = 0; g < k; g++) if (size[g] > 0 && !locked[g] && (f < 0 || pop[g] < pop[f])) f = g;
    if (f < 0) return false;
    let into = -1;
    for (let u = 0; u < n; u++) {
      if (assign[u] !== f) continue;
      for (let e = inst.adjOffsets[u]; e < inst.adjOffsets[u + 1]; e++) {
        const g = assign[inst.adj[e]];
        if (g !== f && (into < 0 || pop[g] < pop[into])) into = g;
      }
    }
    if (into < 0) return false;
    for (let u = 0; u < n; u++) if (assign[u] === f) assign[u] = into;
    update();
    count--;
  }
  return true;
}

/**
 * Splits footprint f in two connected parts along an edge of a random spanning tree: of `trees`
 * random trees, the cut whose smaller part holds the most people (parts at least inst.min when
 * possible), the part without locked units moving to slot `to`.
 * @returns false when no tree edge gives a part free of locked units
 */
export function splitFootprint(inst: Instance, assign: Int32Array, f: number, to: number, lock: Int32Array | null, rng: () => number, trees: number): boolean {
  const { n, adjOffsets, adj, population } = inst;
  const units: number[] = [];
  for (let u = 0; u < n; u++) if (assign[u] === f) units.push(u);
  if (units.length < 2) return false;
  const local = new Map(units.map((u, i) => [u, i]));
  const m = units.length;
  let total = 0;
  for (const u of units) total += population[u];
  let bestScore = -Infinity;
  let bestSide: Uint8Array | null = null;
  const parent = new Int32Array(m);
  const order = new Int32Array(m);
  const sub = new Float64Array(m);
  const lockSub = new Int32Array(m);
  for (let t = 0; t < trees; t++) {
    // A random spanning tree by randomised breadth-first search from a random root.
    parent.fill(-2);
    const root = Math.floor(rng() * m);
    parent[root] = -1;
    let head = 0;
    let tail = 0;
    order[tail++] = root;
    while (head < tail) {
      // Take a random queued node next (a randomised traversal, not strictly breadth-first).
      const j = head + Math.floor(rng() * (tail - head));
      const x = order[j];
      order[j] = order[head];
      order[head++] = x;
      const u = units[x];
      for (let e = adjOffsets[u]; e < adjOffsets[u + 1]; e++) {
        const y = local.get(adj[e]);
        if (y === undefined || parent[y] !== -2) continue;
        parent[y] = x;
        order[tail++] = y;
      }
    }
    if (tail < m) return false; // not connected: not a footprint to split
    sub.fill(0);
    lockSub.fill(0);
    for (let i = m - 1; i >= 0; i--) {
      const x = order[i];
      sub[x] += population[units[x]];
      if (lock && lock[units[x]] >= 0) lockSub[x]++;
      if (parent[x] >= 0) {
        sub[parent[x]] += sub[x];
        lockSub[parent[x]] += lockSub[x];
      }
    }
    const locksTotal = lockSub[root];
    for (let x = 0; x < m; x++) {
      if (parent[x] < 0) continue;
      // Cutting the edge to x's parent: x's subtree is one part.
      const a = sub[x];
      const b = total - a;
      const subtreeFree = lockSub[x] === 0;
      const restFree = locksTotal - lockSub[x] === 0;
      if (!subtreeFree && !restFree) continue;
      const low = Math.min(a, b);
      const score = low >= inst.min ? low : low - total;
      if (score <= bestScore) continue;
      bestScore = score;
      const side = new Uint8Array(m);
      // Mark x's subtree.
      side[x] = 1;
      for (let i = 0; i < m; i++) {
        const y = order[i];
        if (parent[y] >= 0 && side[parent[y]]) side[y] = 1;
      }
      if (!subtreeFree) for (let i = 0; i < m; i++) side[i] ^= 1;
      bestSide = side;
    }
  }
  if (!bestSide) return false;
  for (let i = 0; i < m; i++) if (bestSide[i]) assign[units[i]] = to;
  return true;
}
