import type { Finding } from "../../model/types.js";
import type { GeometryItem } from "./geometryItem.js";
import { polygonsOf, unitLabel } from "./geom/polygons.js";
import { ringsCross } from "./geom/ringsCross.js";
import { Meet, meet, meetPoint } from "./geom/segmentIntersection.js";
import { segmentBounds, sweepPairs } from "./geom/sweepPairs.js";
import { segmentIds, unitSegments, type UnitSegments } from "./geom/unitSegments.js";

/** What a unit's self-intersection analysis found: counts and the first location of each kind. */
interface SelfIntersectionReport {
  /** Rings touching themselves at a point (GEOS "Ring Self-intersection"). */
  ringTouches: number;
  ringTouchAt: [number, number] | null;
  /** Boundaries crossing or overlapping along a piece (GEOS "Self-intersection"). */
  crossings: number;
  crossingAt: [number, number] | null;
}

/**
 * Finds where a unit's boundary meets itself, as GEOS's validity test judges it (OGC rules, repeated
 * consecutive points ignored): a ring passing through one of its own points is a "Ring
 * Self-intersection"; segments crossing, or overlapping along a piece (a spike going back on itself),
 * or two rings crossing at a shared vertex, is a "Self-intersection". Two different rings touching at
 * a point without crossing (a hole touching its shell, two parts meeting at a corner) is valid.
 *
 * Candidate segment pairs come from an x-sweep over segment boxes (see sweepPairs), so a unit with n
 * segments costs about n log n, not n².
 */
function analyseSelfIntersections(u: UnitSegments): SelfIntersectionReport {
  const rep: SelfIntersectionReport = { ringTouches: 0, ringTouchAt: null, crossings: 0, crossingAt: null };
  const { xs, ys, ringOf, ringStart } = u;
  const b = segmentBounds(xs, ys);
  const cross = (x: number, y: number) => {
    rep.crossings++;
    if (!rep.crossingAt) rep.crossingAt = [x, y];
  };
  sweepPairs(segmentIds(u), b.minX, b.maxX, b.minY, b.maxY, (s0, t0) => {
    const s = s0 < t0 ? s0 : t0;
    const t = s0 < t0 ? t0 : s0;
    const r = ringOf[s];
    const sameRing = r === ringOf[t];
    const kind = meet(xs[s], ys[s], xs[s + 1], ys[s + 1], xs[t], ys[t], xs[t + 1], ys[t + 1]);
    if (kind === Meet.None) return;
    const adjacent = sameRing && (t === s + 1 || (s === ringStart[r] && t === ringStart[r + 1] - 2));
    if (kind === Meet.Proper || kind === Meet.Collinear) {
      cross(meetPoint.x, meetPoint.y);
      return;
    }
    if (adjacent) return;
    const px = meetPoint.x, py = meetPoint.y;
    if (sameRing) {
      // A touch is seen by up to four segment pairs around the point; count it once, from the pair
      // whose segments both start at (or pass through) the point.
      if (isEnd(xs, ys, s, px, py) || isEnd(xs, ys, t, px, py)) return;
      rep.ringTouches++;
      if (!rep.ringTouchAt) rep.ringTouchAt = [px, py];
      return;
    }
    if (isEnd(xs, ys, s, px, py) || isEnd(xs, ys, t, px, py)) return;
    const [a0, a1] = around(u, s, px, py);
    const [b0, b1] = around(u, t, px, py);
    if (ringsCross(px, py, xs[a0], ys[a0], xs[a1], ys[a1], xs[b0], ys[b0], xs[b1], ys[b1])) cross(px, py);
  });
  return rep;
}

function isEnd(xs: Float64Array, ys: Float64Array, s: number, x: number, y: number): boolean {
  return xs[s + 1] === x && ys[s + 1] === y;
}

/** Vertices before and after point P along the ring of segment s (P is its start or inside it). */
function around(u: UnitSegments, s: number, x: number, y: number): [number, number] {
  if (u.xs[s] !== x || u.ys[s] !== y) return [s, s + 1];
  const r = u.ringOf[s];
  // The ring is closed: the vertex before its first is the one before its closing vertex.
  const prev = s === u.ringStart[r] ? u.ringStart[r + 1] - 2 : s - 1;
  return [prev, s + 1];
}

/**
 * Rule `self-intersections` (error): one finding per unit whose boundary meets itself, naming the
 * kind and giving the first location. Units whose geometry is not a well-formed polygon are skipped
 * (other rules report them).
 *
 * @example
 * selfIntersections([{ id: "A", geometry: bowtie }]) // [{ rule: "self-intersections", units: ["A"], location: [1, 1], ... }]
 */
export function selfIntersections(items: readonly GeometryItem[]): Finding[] {
  const out: Finding[] = [];
  items.forEach((item, i) => {
    const polygons = polygonsOf(item.geometry);
    if (!polygons) return;
    const rep = analyseSelfIntersections(unitSegments(polygons));
    if (rep.crossings === 0 && rep.ringTouches === 0) return;
    const parts: string[] = [];
    if (rep.crossings) parts.push(`its boundary crosses or runs back over itself at ${plural(rep.crossings, "place")} (Self-intersection)`);
    if (rep.ringTouches) parts.push(`a ring touches itself at ${plural(rep.ringTouches, "point")} (Ring Self-intersection)`);
    const at = (rep.crossingAt ?? rep.ringTouchAt)!;
    out.push({
      rule: "self-intersections",
      severity: "error",
      message: `${unitLabel(item.id, i)}: ${parts.join("; ")}`,
      units: item.id ? [item.id] : [],
      location: at,
      suggestion: "run `stp-footprint validate --fix OUT` to split rings at their touch points, or repair the file in a GIS",
    });
  });
  return out;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
