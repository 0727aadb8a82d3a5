/**
 * Where point (x, y) lies relative to a flat closed ring [x0, y0, ..., x0, y0]: 1 inside, -1 outside,
 * 0 on the boundary (exactly, by the crossing-number test with exact handling of vertices and edges).
 */
export function pointInRing(x: number, y: number, flat: readonly number[]): number {
  let inside = false;
  for (let i = 0; i + 3 < flat.length; i += 2) {
    const ax = flat[i], ay = flat[i + 1], bx = flat[i + 2], by = flat[i + 3];
    if ((ax === x && ay === y) || (bx === x && by === y)) return 0;
    if (ay > y !== by > y) {
      const t = (bx - ax) * (y - ay) - (by - ay) * (x - ax);
      if (t === 0) return 0;
      if (t > 0 === by > ay) inside = !inside;
    } else if (ay === y && by === y && (ax - x) * (bx - x) <= 0) return 0;
  }
  return inside ? 1 : -1;
}
