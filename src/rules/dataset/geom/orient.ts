/**
 * Sign of the orientation of (a, b, c): 1 counter-clockwise, -1 clockwise, 0 collinear, exact for any
 * finite doubles. The float determinant is trusted when it exceeds Shewchuk's error bound for orient2d
 * ("Adaptive Precision Floating-Point Arithmetic and Fast Robust Geometric Predicates", 1997, eq. for
 * ccwerrboundA); otherwise the determinant is recomputed exactly with BigInt, which is rare (nearly
 * collinear points, e.g. a vertex lying on another segment).
 */
export function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  const detleft = (bx - ax) * (cy - ay);
  const detright = (by - ay) * (cx - ax);
  const det = detleft - detright;
  const bound = 3.3306690738754716e-16 * (Math.abs(detleft) + Math.abs(detright));
  if (det > bound) return 1;
  if (-det > bound) return -1;
  // Repeated points are common (shared vertices, adjacent segments) and exactly collinear.
  if ((cx === ax && cy === ay) || (cx === bx && cy === by) || (ax === bx && ay === by)) return 0;
  return exactOrient(ax, ay, bx, by, cx, cy);
}

const view = new DataView(new ArrayBuffer(8));

/** x = mantissa * 2^exponent with an integer mantissa (finite doubles only). */
function decompose(x: number): [bigint, number] {
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const sign = hi >>> 31 ? -1n : 1n;
  const biased = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let exp: number;
  if (biased === 0) exp = -1074;
  else {
    mant |= 1n << 52n;
    exp = biased - 1075;
  }
  return [sign * mant, exp];
}

function exactOrient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  const parts = [ax, ay, bx, by, cx, cy].map(decompose);
  let e = Infinity;
  for (const [, ex] of parts) e = Math.min(e, ex);
  const [AX, AY, BX, BY, CX, CY] = parts.map(([m, ex]) => m << BigInt(ex - e));
  const det = (BX - AX) * (CY - AY) - (BY - AY) * (CX - AX);
  return det > 0n ? 1 : det < 0n ? -1 : 0;
}
