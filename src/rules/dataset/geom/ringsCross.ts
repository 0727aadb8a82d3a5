/**
 * True when two boundaries that meet at node P cross there: boundary 1 passes P from a0 to a1,
 * boundary 2 from b0 to b1. They cross when b0 and b1 lie in different sectors cut out by the rays
 * P->a0 and P->a1; a b-ray along an a-ray is a shared edge, not a crossing (collinear pieces are
 * reported separately).
 */
export function ringsCross(
  px: number, py: number,
  a0x: number, a0y: number, a1x: number, a1y: number,
  b0x: number, b0y: number, b1x: number, b1y: number,
): boolean {
  const base = Math.atan2(a0y - py, a0x - px);
  const rel = (x: number, y: number) => {
    let t = Math.atan2(y - py, x - px) - base;
    while (t < 0) t += 2 * Math.PI;
    while (t >= 2 * Math.PI) t -= 2 * Math.PI;
    return t;
  };
  const ra1 = rel(a1x, a1y);
  const rb0 = rel(b0x, b0y);
  const rb1 = rel(b1x, b1y);
  if (rb0 === 0 || rb1 === 0 || rb0 === ra1 || rb1 === ra1) return false;
  return rb0 < ra1 !== rb1 < ra1;
}
