/** A label's box, centred on (x, y). */
export interface LabelBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Moves overlapping label boxes apart: each round, every overlapping pair is pushed apart along
 * the axis where they overlap least, each by half (a simple relaxation, as in force-directed label
 * placement; cf. Christensen, Marks & Shieber 1995 on the cost of exact placement). Boxes stay
 * inside `bounds`. The boxes are changed in place; the caller draws a leader line from the anchor
 * to any label that moved far.
 *
 * @param bounds [x0, y0, x1, y1] the boxes must stay in
 * @example
 * spreadLabels(boxes, [0, 0, 800, 900]); // boxes no longer overlap, where the space allows
 */
export function spreadLabels(boxes: LabelBox[], bounds: [number, number, number, number], rounds = 200, gap = 1): void {
  for (let round = 0; round < rounds; round++) {
    let moved = false;
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i], b = boxes[j];
        const ox = (a.width + b.width) / 2 + gap - Math.abs(a.x - b.x);
        const oy = (a.height + b.height) / 2 + gap - Math.abs(a.y - b.y);
        if (ox <= 0 || oy <= 0) continue;
        moved = true;
        if (ox < oy) {
          const s = a.x < b.x || (a.x === b.x && i < j) ? -1 : 1;
          a.x += (s * ox) / 2;
          b.x -= (s * ox) / 2;
        } else {
          const s = a.y < b.y || (a.y === b.y && i < j) ? -1 : 1;
          a.y += (s * oy) / 2;
          b.y -= (s * oy) / 2;
        }
      }
    }
    for (const b of boxes) {
      b.x = Math.min(Math.max(b.x, bounds[0] + b.width / 2), bounds[2] - b.width / 2);
      b.y = Math.min(Math.max(b.y, bounds[1] + b.height / 2), bounds[3] - b.height / 2);
    }
    if (!moved) break;
  }
}
