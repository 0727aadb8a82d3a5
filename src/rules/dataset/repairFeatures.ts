import type { Feature, Geometry, MultiPolygon, Polygon } from "geojson";
import { pointInRing } from "./geom/pointInRing.js";
import { cleanRing, polygonsOf, signedArea2, type Polygons } from "./geom/polygons.js";
import { Meet, meet, meetPoint } from "./geom/segmentIntersection.js";
import { segmentBounds, sweepPairs } from "./geom/sweepPairs.js";
import { segmentIds, unitSegments } from "./geom/unitSegments.js";

/**
 * Mechanical repairs of boundary features, for `validate --fix OUT`: rings are closed, repeated
 * consecutive points dropped, rings touching themselves split at the touch points into separate
 * rings (a loop wound like its ring becomes another polygon or hole; a loop wound the other way
 * becomes a hole of, or an island in, its ring; a loop of zero area, such as a spike going out and
 * back, is dropped), holes given to the polygon that contains them, and rings rewound to RFC 7946
 * (exterior counter-clockwise, holes clockwise). Nothing is moved, so areas do not change; crossings
 * and overlaps need judgement and are left alone. The input is never modified: features are copied.
 *
 * @example
 * const fixed = repairFeatures(collection.features);
 */
export function repairFeatures<F extends Feature<Geometry | null>>(features: readonly F[]): F[] {
  return features.map((f) => {
    const polygons = polygonsOf(f.geometry);
    if (!polygons) return { ...f };
    return { ...f, geometry: repairPolygons(polygons) };
  });
}

interface Loop {
  flat: number[];
  /** Twice the signed area. */
  area2: number;
}

/** Repairs the polygons of one unit (see repairFeatures). */
export function repairPolygons(polygons: Polygons): Polygon | MultiPolygon {
  const noded = nodeRingTouches(polygons);
  const shells: Loop[] = [];
  const holes: Loop[] = [];
  noded.forEach((rings) =>
    rings.forEach((flat, r) => {
      const total = signedArea2(flat);
      for (const loop of splitLoops(flat)) {
        const area2 = signedArea2(loop);
        if (area2 === 0) continue;
        // Same winding as the ring: same role; the other winding: the opposite role.
        const sameWay = total === 0 || area2 > 0 === total > 0;
        const isShell = (r === 0) === sameWay;
        (isShell ? shells : holes).push({ flat: loop, area2 });
      }
    }),
  );
  shells.sort((a, b) => Math.abs(a.area2) - Math.abs(b.area2));
  const holesOf: Loop[][] = shells.map(() => []);
  for (const h of holes) {
    let k = shells.findIndex((s) => holeInside(h.flat, s.flat));
    if (k < 0) k = shells.length - 1;
    if (k >= 0) holesOf[k].push(h);
  }
  const out = shells.map((s, k) => [wind(s, true), ...holesOf[k].map((h) => wind(h, false))]);
  // Largest part first, as files usually list them.
  out.reverse();
  if (out.length === 1) return { type: "Polygon", coordinates: out[0] };
  return { type: "MultiPolygon", coordinates: out };
}

/** The loop as positions, counter-clockwise for a shell, clockwise for a hole. */
function wind(loop: Loop, ccw: boolean): number[][] {
  const pts: number[][] = [];
  for (let i = 0; i < loop.flat.length; i += 2) pts.push([loop.flat[i], loop.flat[i + 1]]);
  if (loop.area2 > 0 !== ccw) pts.reverse();
  return pts;
}

function holeInside(hole: readonly number[], shell: readonly number[]): boolean {
  for (let i = 0; i + 1 < hole.length; i += 2) {
    const w = pointInRing(hole[i], hole[i + 1], shell);
    if (w !== 0) return w > 0;
  }
  return pointInRing((hole[0] + hole[2]) / 2, (hole[1] + hole[3]) / 2, shell) >= 0;
}

/**
 * Cleaned, closed rings (flat) with every vertex that lies inside another segment of its own ring
 * inserted into that segment, so that each self-touch is a repeated vertex.
 */
function nodeRingTouches(polygons: Polygons): (readonly number[])[][] {
  const u = unitSegments(polygons);
  const { xs, ys, ringOf } = u;
  const inserts = new Map<number, [number, number, number][]>();
  const b = segmentBounds(xs, ys);
  sweepPairs(segmentIds(u), b.minX, b.maxX, b.minY, b.maxY, (s, t) => {
    if (ringOf[s] !== ringOf[t]) return;
    if (meet(xs[s], ys[s], xs[s + 1], ys[s + 1], xs[t], ys[t], xs[t + 1], ys[t + 1]) !== Meet.Touch) return;
    const px = meetPoint.x, py = meetPoint.y;
    for (const k of [s, t]) {
      const atEnd = (xs[k] === px && ys[k] === py) || (xs[k + 1] === px && ys[k + 1] === py);
      if (atEnd) continue;
      const d = Math.abs(xs[k + 1] - xs[k]) >= Math.abs(ys[k + 1] - ys[k]) ? (px - xs[k]) / (xs[k + 1] - xs[k]) : (py - ys[k]) / (ys[k + 1] - ys[k]);
      const list = inserts.get(k) ?? [];
      list.push([d, px, py]);
      inserts.set(k, list);
    }
  });
  const out: (readonly number[])[][] = [];
  for (let r = 0; r + 1 < u.ringStart.length; r++) {
    const flat: number[] = [];
    for (let v = u.ringStart[r]; v < u.ringStart[r + 1]; v++) {
      flat.push(xs[v], ys[v]);
      const add = inserts.get(v);
      if (add) for (const [, x, y] of add.sort((p, q) => p[0] - q[0])) flat.push(x, y);
    }
    const p = u.ringPolygon[r];
    (out[p] ??= []).push(cleanRing(pairs(flat)));
  }
  return out.filter((rings) => rings !== undefined);
}

function pairs(flat: number[]): number[][] {
  const out: number[][] = [];
  for (let i = 0; i + 1 < flat.length; i += 2) out.push([flat[i], flat[i + 1]]);
  return out;
}

/**
 * Splits a closed flat ring at its repeated vertices into simple closed loops: walking the ring, a
 * vertex seen earlier on the current path closes the loop since then.
 */
function splitLoops(flat: readonly number[]): number[][] {
  const loops: number[][] = [];
  const stack: number[] = [];
  const seen = new Map<string, number>();
  const n = flat.length / 2 - 1; // the closing vertex repeats the first
  for (let i = 0; i < n; i++) {
    const x = flat[2 * i], y = flat[2 * i + 1];
    const key = `${x},${y}`;
    const at = seen.get(key);
    if (at !== undefined) {
      const loop = stack.splice(2 * at);
      for (let j = 0; j < loop.length; j += 2) seen.delete(`${loop[j]},${loop[j + 1]}`);
      loop.push(loop[0], loop[1]);
      if (loop.length >= 8) loops.push(loop);
    }
    seen.set(key, stack.length / 2);
    stack.push(x, y);
  }
  if (stack.length >= 6) {
    stack.push(stack[0], stack[1]);
    loops.push(stack);
  }
  return loops;
}
