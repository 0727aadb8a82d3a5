/**
 * Calls `visit(a, b)` for every pair of boxes (given by index into the bound arrays) whose x and y
 * ranges overlap, with a sweep over x: boxes sorted by minX, an active list pruned as the sweep passes
 * each box's maxX. Cost is O(n log n + n * active), where active is the number of boxes cut by a
 * vertical line, small for polygon boundaries (not O(n²) per ring).
 *
 * `ids` selects the boxes to sweep (segment start vertices, say); bounds are indexed by those ids.
 */
export function sweepPairs(
  ids: Int32Array,
  minX: Float64Array, maxX: Float64Array, minY: Float64Array, maxY: Float64Array,
  visit: (a: number, b: number) => void,
): void {
  const order = Int32Array.from(ids).sort((a, b) => minX[a] - minX[b] || a - b);
  const active = new Int32Array(order.length);
  let n = 0;
  for (let i = 0; i < order.length; i++) {
    const s = order[i];
    const x0 = minX[s], y0 = minY[s], y1 = maxY[s];
    let j = 0;
    while (j < n) {
      const a = active[j];
      if (maxX[a] < x0) {
        active[j] = active[--n];
        continue;
      }
      if (minY[a] <= y1 && maxY[a] >= y0) visit(a, s);
      j++;
    }
    active[n++] = s;
  }
}

/** Per-segment bounds of the segments (k, k + 1) of flat vertex arrays, indexed by start vertex k. */
export function segmentBounds(xs: Float64Array, ys: Float64Array) {
  const n = xs.length;
  const minX = new Float64Array(n), maxX = new Float64Array(n);
  const minY = new Float64Array(n), maxY = new Float64Array(n);
  for (let k = 0; k + 1 < n; k++) {
    const ax = xs[k], bx = xs[k + 1], ay = ys[k], by = ys[k + 1];
    minX[k] = ax < bx ? ax : bx;
    maxX[k] = ax < bx ? bx : ax;
    minY[k] = ay < by ? ay : by;
    maxY[k] = ay < by ? by : ay;
  }
  return { minX, maxX, minY, maxY };
}
