/**
 * Renumbers the footprints of `assign` so that they keep the start's numbers where they can: the
 * partition is the same, but each footprint takes the start number it shares most units with
 * (greedily, largest overlaps first). Searches that merge and re-split footprints otherwise leave a
 * footprint's number on another region, and every unit in it would count as moved.
 * Returns a new array, and for each new number whether that footprint shares units with the
 * start footprint of the same number (false for footprints given a number left over).
 *
 * Locks come first: a footprint holding a unit locked to number f is given f (and counts as
 * matched), whatever it shares, since the lock file names that footprint. Only a plan that already
 * breaks a lock (two locks to different numbers in one footprint) can leave a lock unmet.
 *
 * @example
 * relabelToStart(Int32Array.of(1, 1, 0), Int32Array.of(0, 0, 1)).assign // Int32Array [0, 0, 1]
 */
export function relabelToStart(
  assign: Int32Array,
  start: Int32Array,
  lock: Int32Array | null = null,
): { assign: Int32Array; matched: boolean[] } {
  let k = 0;
  for (const f of assign) k = Math.max(k, f + 1);
  for (const f of start) k = Math.max(k, f + 1);
  if (lock) for (const f of lock) k = Math.max(k, f + 1);
  const overlap = new Int32Array(k * k);
  for (let u = 0; u < assign.length; u++) if (assign[u] >= 0 && start[u] >= 0) overlap[assign[u] * k + start[u]]++;
  const pairs: [number, number, number][] = [];
  for (let a = 0; a < k; a++) for (let s = 0; s < k; s++) if (overlap[a * k + s] > 0) pairs.push([overlap[a * k + s], a, s]);
  pairs.sort((x, y) => y[0] - x[0] || x[1] - y[1] || x[2] - y[2]);
  const to = new Int32Array(k).fill(-1);
  const taken = new Uint8Array(k);
  const pinned = new Uint8Array(k);
  if (lock)
    for (let u = 0; u < assign.length; u++) {
      const a = assign[u];
      const f = lock[u];
      if (f < 0 || a < 0 || to[a] >= 0 || taken[f]) continue;
      to[a] = f;
      taken[f] = 1;
      pinned[f] = 1;
    }
  for (const [, a, s] of pairs) {
    if (to[a] >= 0 || taken[s]) continue;
    to[a] = s;
    taken[s] = 1;
  }
  const matched = Array.from({ length: k }, (_, f) => pinned[f] === 1);
  for (let a = 0; a < k; a++) if (to[a] >= 0) matched[to[a]] = true;
  let free = 0;
  for (let a = 0; a < k; a++) {
    if (to[a] >= 0) continue;
    while (taken[free]) free++;
    to[a] = free;
    taken[free] = 1;
  }
  return { assign: assign.map((f) => (f >= 0 ? to[f] : f)), matched };
}
