/**
 * Marks segments that another unit has too, in the opposite direction: the shared boundary of two
 * neighbours in a clean (topologically consistent) file. Both sides of such a segment are covered, so
 * coverage analysis can skip it; in a clean file only the outer boundary remains.
 *
 * Segments are (from[k] -> to[k]) as vertex indexes into xs/ys; matching is exact (bit-equal
 * coordinates), with an open-addressing hash table on typed arrays.
 */
export function matchReversedEdges(
  xs: Float64Array, ys: Float64Array,
  from: Int32Array, to: Int32Array, unit: Int32Array,
): Uint8Array {
  const n = from.length;
  let size = 1;
  while (size < n * 2) size <<= 1;
  const mask = size - 1;
  const table = new Int32Array(size).fill(-1);
  const f64 = new Float64Array(1);
  const u32 = new Uint32Array(f64.buffer);
  const mix = (h: number, v: number): number => {
    f64[0] = v;
    h = Math.imul(h ^ u32[0], 0x9e3779b1);
    h = Math.imul(h ^ u32[1], 0x85ebca6b);
    return h ^ (h >>> 15);
  };
  const hash = (ax: number, ay: number, bx: number, by: number): number =>
    mix(mix(mix(mix(0x12345, ax), ay), bx), by) & mask;
  for (let s = 0; s < n; s++) {
    const a = from[s], b = to[s];
    let h = hash(xs[a], ys[a], xs[b], ys[b]);
    while (table[h] !== -1) h = (h + 1) & mask;
    table[h] = s;
  }
  const matched = new Uint8Array(n);
  for (let s = 0; s < n; s++) {
    const a = from[s], b = to[s];
    // Look for t = (b -> a) in another unit.
    let h = hash(xs[b], ys[b], xs[a], ys[a]);
    while (table[h] !== -1) {
      const t = table[h];
      const ta = from[t], tb = to[t];
      if (unit[t] !== unit[s] && xs[ta] === xs[b] && ys[ta] === ys[b] && xs[tb] === xs[a] && ys[tb] === ys[a]) {
        matched[s] = 1;
        break;
      }
      h = (h + 1) & mask;
    }
  }
  return matched;
}
