import { orient } from "./orient.js";

/** How two segments meet. */
export const Meet = {
  None: 0,
  /** They cross at a point inside both. */
  Proper: 1,
  /** They share one point that is an endpoint of at least one of them. */
  Touch: 2,
  /** They are collinear and share a piece of positive length. */
  Collinear: 3,
} as const;
export type Meet = (typeof Meet)[keyof typeof Meet];

/** The meeting point of the last `meet()` call (for Collinear: one end of the shared piece). */
export const meetPoint = { x: 0, y: 0, x2: 0, y2: 0 };

/**
 * Classifies how segments (a, b) and (c, d) meet, with exact orientation tests; sets `meetPoint`.
 * A proper crossing point is computed in floating point (it is only used as a location).
 */
export function meet(
  ax: number, ay: number, bx: number, by: number,
  cx: number, cy: number, dx: number, dy: number,
): Meet {
  const o1 = orient(ax, ay, bx, by, cx, cy);
  const o2 = orient(ax, ay, bx, by, dx, dy);
  if (o1 !== 0 && o1 === o2) return Meet.None;
  const o3 = orient(cx, cy, dx, dy, ax, ay);
  const o4 = orient(cx, cy, dx, dy, bx, by);
  if (o3 !== 0 && o3 === o4) return Meet.None;
  if (o1 === 0 && o2 === 0) return collinear(ax, ay, bx, by, cx, cy, dx, dy);
  if (o1 !== 0 && o2 !== 0 && o3 !== 0 && o4 !== 0) {
    const t = ((cx - ax) * (dy - cy) - (cy - ay) * (dx - cx)) / ((bx - ax) * (dy - cy) - (by - ay) * (dx - cx));
    meetPoint.x = ax + t * (bx - ax);
    meetPoint.y = ay + t * (by - ay);
    return Meet.Proper;
  }
  // Exactly one endpoint lies on the other segment (or two coincide): that endpoint is the point.
  if (o1 === 0) set(cx, cy);
  else if (o2 === 0) set(dx, dy);
  else if (o3 === 0) set(ax, ay);
  else set(bx, by);
  return Meet.Touch;
}

function set(x: number, y: number): void {
  meetPoint.x = x;
  meetPoint.y = y;
}

function collinear(
  ax: number, ay: number, bx: number, by: number,
  cx: number, cy: number, dx: number, dy: number,
): Meet {
  // Project on the dominant axis of (a, b); all four points are on one line.
  const useX = Math.abs(bx - ax) >= Math.abs(by - ay);
  const pa = useX ? ax : ay, pb = useX ? bx : by, pc = useX ? cx : cy, pd = useX ? dx : dy;
  const lo1 = Math.min(pa, pb), hi1 = Math.max(pa, pb);
  const lo2 = Math.min(pc, pd), hi2 = Math.max(pc, pd);
  const lo = Math.max(lo1, lo2), hi = Math.min(hi1, hi2);
  if (lo > hi) return Meet.None;
  const pick = (v: number): [number, number] =>
    v === pa ? [ax, ay] : v === pb ? [bx, by] : v === pc ? [cx, cy] : [dx, dy];
  const [x1, y1] = pick(lo);
  const [x2, y2] = pick(hi);
  meetPoint.x = x1;
  meetPoint.y = y1;
  meetPoint.x2 = x2;
  meetPoint.y2 = y2;
  return lo === hi ? Meet.Touch : Meet.Collinear;
}
