/**
 * Sign of the orientation of (a, b, c): 1 counter-clockwise, -1 clockwise, 0 collinear, exact for any
 * finite doubles. The float determinant is trusted when it exceeds Shewchuk's error bound for orient2d
 * ("Adaptive Precision Floating-Point Arithmetic and Fast Robust Geometric Predicates", 1997, eq. for
 * ccwerrboundA); otherwise the determinant is recomputed exactly: with exact double products and an
 * expansion sum when the coordinate differences are exact (nearby points), else with BigInt.
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
  return exactOrientFast(ax, ay, bx, by, cx, cy) ?? exactOrient(ax, ay, bx, by, cx, cy);
}

// Exact arithmetic on doubles (Dekker's two-product, Knuth's two-sum, Shewchuk's expansions).
const SPLITTER = 134217729; // 2^27 + 1

/** The rounding error of x = a - b (zero when the subtraction was exact). */
function diffErr(a: number, b: number, x: number): number {
  const bv = a - x;
  const av = x + bv;
  return (a - av) + (bv - b);
}

function productErr(a: number, b: number, x: number): number {
  let c = SPLITTER * a;
  const ahi = c - (c - a), alo = a - ahi;
  c = SPLITTER * b;
  const bhi = c - (c - b), blo = b - bhi;
  return alo * blo - (((x - ahi * bhi) - alo * bhi) - ahi * blo);
}

/**
 * The exact sign when the four coordinate differences are exact in floating point (always true for
 * nearby points: Sterbenz's lemma), from exact products and an expansion sum; null otherwise.
 */
function exactOrientFast(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number | null {
  const dx1 = bx - ax, dy2 = cy - ay, dy1 = by - ay, dx2 = cx - ax;
  if (diffErr(bx, ax, dx1) !== 0 || diffErr(cy, ay, dy2) !== 0 || diffErr(by, ay, dy1) !== 0 || diffErr(cx, ax, dx2) !== 0) return null;
  const p = dx1 * dy2, pe = productErr(dx1, dy2, p);
  const q = dy1 * dx2, qe = productErr(dy1, dx2, q);
  // p + pe - q - qe as a nonoverlapping expansion; its sign is that of its largest component.
  const parts = [pe, -qe, p, -q];
  const e: number[] = [];
  for (const b of parts) {
    let qq = b;
    for (let i = 0; i < e.length; i++) {
      const sum = qq + e[i];
      const bv = sum - qq;
      const err = (qq - (sum - bv)) + (e[i] - bv);
      e[i] = err;
      qq = sum;
    }
    e.push(qq);
  }
  for (let i = e.length - 1; i >= 0; i--) if (e[i] !== 0) return e[i] > 0 ? 1 : -1;
  return 0;
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
