/** A shape for label placement: where it is, and how far a point is from its edge. */
export interface LabelShape {
  /** Bounding box [x0, y0, x1, y1]. */
  bounds: [number, number, number, number];
  /** Distance from (x, y) to the edge: positive inside the shape, negative outside. */
  signedDistance(x: number, y: number): number;
}

interface Cell {
  x: number;
  y: number;
  /** Half the cell's side. */
  h: number;
  /** Signed distance of the centre. */
  d: number;
  /** The best distance any point of the cell can have: d + h * sqrt(2). */
  max: number;
}

/**
 * The pole of inaccessibility: the point inside a shape farthest from its edge, the centre of
 * the largest inscribed circle, where a label fits best (unlike a centroid, it is always inside,
 * even for crescents and shapes with holes). Found by the quadtree search of Garcia-Castellanos
 * and Lombardo (2007) as popularised for labels by Agafonkin (2016): cells are split in order of
 * the best distance they could hold, and a cell is dropped once it cannot beat the best point
 * found by more than `precision`.
 *
 * Why not the `polylabel` package (the same algorithm): it takes one polygon (an exterior ring and
 * its holes) and measures the distance to every ring, while a footprint's label needs the union of
 * several unit polygons with the distance measured to the footprint's outline only, so that inner
 * unit boundaries do not push the label away (footprintLabelShape); polylabel would need the units
 * dissolved into footprint rings first, and it searches only the first ring's box. Where both
 * apply (the largest polygon of each unit, projected as the map draws it), polylabel 2.1.0 is 2 to
 * 5 times faster (CCG16, 209 polygons at 2 px: 7.5 ms against 23.8 ms; the demo's 200 at 1 px:
 * 17.8 against 41.1 ms) and finds the same inscribed radius to within 0.8 px (equal for 190 of 209),
 * but the map of the England 2016 plan spends about 50 ms of its 1.8 s here (a CPU profile), which
 * does not pay for a second implementation beside this one.
 *
 * @returns the point and its distance to the edge
 * @example
 * poleOfInaccessibility(shape, 0.5); // { x, y, distance }
 */
export function poleOfInaccessibility(shape: LabelShape, precision = 1): { x: number; y: number; distance: number } {
  const [x0, y0, x1, y1] = shape.bounds;
  const width = x1 - x0, height = y1 - y0;
  const size = Math.min(width, height);
  const cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
  let best = makeCell(shape, cx, cy, 0);
  if (!(size > 0)) return { x: cx, y: cy, distance: best.d };
  const queue: Cell[] = [];
  const push = (c: Cell) => {
    // A binary max-heap on `max`.
    queue.push(c);
    let i = queue.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (queue[p].max >= queue[i].max) break;
      [queue[p], queue[i]] = [queue[i], queue[p]];
      i = p;
    }
  };
  const pop = (): Cell => {
    const top = queue[0];
    const last = queue.pop()!;
    if (queue.length) {
      queue[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1, r = l + 1;
        let m = i;
        if (l < queue.length && queue[l].max > queue[m].max) m = l;
        if (r < queue.length && queue[r].max > queue[m].max) m = r;
        if (m === i) break;
        [queue[m], queue[i]] = [queue[i], queue[m]];
        i = m;
      }
    }
    return top;
  };
  const h = size / 2;
  for (let x = x0; x < x1; x += size) for (let y = y0; y < y1; y += size) push(makeCell(shape, x + h, y + h, h));
  for (const c of queue) if (c.d > best.d) best = c;
  // Cap the work for degenerate shapes (long thin slivers); the answer is then approximate.
  for (let guard = 0; queue.length && guard < 20000; guard++) {
    const c = pop();
    if (c.d > best.d) best = c;
    if (c.max - best.d <= precision) continue;
    const q = c.h / 2;
    push(makeCell(shape, c.x - q, c.y - q, q));
    push(makeCell(shape, c.x + q, c.y - q, q));
    push(makeCell(shape, c.x - q, c.y + q, q));
    push(makeCell(shape, c.x + q, c.y + q, q));
  }
  return { x: best.x, y: best.y, distance: best.d };
}

function makeCell(shape: LabelShape, x: number, y: number, h: number): Cell {
  const d = shape.signedDistance(x, y);
  return { x, y, h, d, max: d + h * Math.SQRT2 };
}
