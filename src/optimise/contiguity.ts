import type { State } from "./state.js";

/**
 * True when footprint assign[u] stays connected (and non-empty) without unit u.
 *
 * The footprint is connected now, so it stays connected exactly when all of u's neighbours inside it
 * are reachable from one another without passing through u. A unit with one such neighbour is a
 * leaf and can always leave; otherwise a breadth-first search from one neighbour stops as soon as it
 * has reached the others. Footprints are small, so this is cheap; it allocates nothing.
 */
export function canLeave(s: State, u: number): boolean {
  const a = s.assign[u];
  const { adjOffsets, adj } = s.inst;
  const assign = s.assign;
  let inside = 0;
  let first = -1;
  for (let e = adjOffsets[u]; e < adjOffsets[u + 1]; e++)
    if (assign[adj[e]] === a) {
      inside++;
      if (first < 0) first = adj[e];
    }
  if (inside <= 1) return inside === 1 || s.size[a] === 1;
  const mark = s.mark;
  const queue = s.queue;
  if (s.stamp >= 0x7ffffffe) {
    mark.fill(0);
    s.stamp = 0;
  }
  const st = ++s.stamp;
  // Targets (u's neighbours in the footprint) carry -st until reached; visited units carry st.
  for (let e = adjOffsets[u]; e < adjOffsets[u + 1]; e++) if (assign[adj[e]] === a) mark[adj[e]] = -st;
  mark[u] = st;
  mark[first] = st;
  let head = 0;
  let tail = 0;
  queue[tail++] = first;
  let found = 1;
  while (head < tail) {
    const x = queue[head++];
    for (let e = adjOffsets[x]; e < adjOffsets[x + 1]; e++) {
      const y = adj[e];
      if (assign[y] !== a) continue;
      const m = mark[y];
      if (m === st) continue;
      if (m === -st && ++found === inside) return true;
      mark[y] = st;
      queue[tail++] = y;
    }
  }
  return false;
}

/**
 * Connected components of each footprint of an assignment, as lists of units
 * (`components[f]` is empty for an empty footprint).
 */
export function footprintComponents(adjOffsets: Int32Array, adj: Int32Array, assign: Int32Array, k: number): number[][][] {
  const n = assign.length;
  const seen = new Uint8Array(n);
  const out: number[][][] = Array.from({ length: k }, () => []);
  for (let u = 0; u < n; u++) {
    if (seen[u]) continue;
    const f = assign[u];
    const comp = [u];
    seen[u] = 1;
    for (let i = 0; i < comp.length; i++) {
      const x = comp[i];
      for (let e = adjOffsets[x]; e < adjOffsets[x + 1]; e++) {
        const y = adj[e];
        if (!seen[y] && assign[y] === f) {
          seen[y] = 1;
          comp.push(y);
        }
      }
    }
    out[f].push(comp);
  }
  return out;
}
