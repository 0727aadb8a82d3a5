import type { Geometry } from "geojson";

/** A ring as read: positions [x, y, ...]. */
export type Ring = number[][];
/** Polygons of a unit, each a list of rings (the first is the shell). */
export type Polygons = Ring[][];

function isPosition(p: unknown): p is number[] {
  return (
    Array.isArray(p) &&
    p.length >= 2 &&
    typeof p[0] === "number" &&
    typeof p[1] === "number" &&
    Number.isFinite(p[0]) &&
    Number.isFinite(p[1])
  );
}

function isRing(r: unknown): r is Ring {
  return Array.isArray(r) && r.every(isPosition);
}

function isPolygon(p: unknown): p is Ring[] {
  return Array.isArray(p) && p.length > 0 && p.every(isRing);
}

const memo = new WeakMap<object, Polygons | null>();

/**
 * The polygons of a Polygon or MultiPolygon whose coordinates are well formed (finite numbers, at least
 * one ring per polygon), or null for anything else. Geometric checks run only on these, so that a
 * malformed feature yields the one structural finding and nothing more. Remembered per geometry
 * object, since every check asks (geometries must not be mutated while being validated).
 */
export function polygonsOf(geometry: Geometry | null | undefined): Polygons | null {
  if (!geometry || typeof geometry !== "object") return null;
  const known = memo.get(geometry);
  if (known !== undefined) return known;
  const result = parsePolygons(geometry);
  memo.set(geometry, result);
  return result;
}

function parsePolygons(geometry: Geometry): Polygons | null {
  const coords = (geometry as { coordinates?: unknown }).coordinates;
  if (geometry.type === "Polygon") return isPolygon(coords) ? [coords] : null;
  if (geometry.type === "MultiPolygon") {
    return Array.isArray(coords) && coords.length > 0 && coords.every(isPolygon) ? (coords as Polygons) : null;
  }
  return null;
}

/** True when the ring's last position equals its first. */
export function isClosed(ring: Ring): boolean {
  if (ring.length === 0) return false;
  const a = ring[0];
  const b = ring[ring.length - 1];
  return a[0] === b[0] && a[1] === b[1];
}

const cleanMemo = new WeakMap<Ring, readonly number[]>();

/**
 * The ring's distinct consecutive vertices, closed (last = first): repeated consecutive points are
 * dropped and a missing closing position is added. Returns flat [x0, y0, x1, y1, ...], remembered
 * per ring array (several checks ask; real files repeat most points, e.g. CCG16 has 450k positions
 * for 53k vertices). The result is shared: do not modify it.
 */
export function cleanRing(ring: Ring): readonly number[] {
  const known = cleanMemo.get(ring);
  if (known) return known;
  const out: number[] = [];
  for (const p of ring) {
    const n = out.length;
    if (n >= 2 && out[n - 2] === p[0] && out[n - 1] === p[1]) continue;
    out.push(p[0], p[1]);
  }
  const n = out.length;
  if (n >= 2 && !(out[0] === out[n - 2] && out[1] === out[n - 1])) out.push(out[0], out[1]);
  cleanMemo.set(ring, out);
  return out;
}

/** Twice the signed shoelace area of a flat closed ring (positive when counter-clockwise). */
export function signedArea2(flat: readonly number[]): number {
  let s = 0;
  const x0 = flat[0];
  const y0 = flat[1];
  for (let i = 0; i + 3 < flat.length; i += 2) {
    s += (flat[i] - x0) * (flat[i + 3] - y0) - (flat[i + 2] - x0) * (flat[i + 1] - y0);
  }
  return s;
}

/** Human label of a unit for messages: `unit A (feature 3)`, or `feature 3` when it has no id. */
export function unitLabel(id: string | null | undefined, index: number): string {
  return id ? `unit ${id} (feature ${index})` : `feature ${index}`;
}

/** Human label of a ring: `ring 1 of polygon 0` for MultiPolygons, `ring 1` for Polygons. */
export function ringLabel(polygonCount: number, p: number, r: number): string {
  const kind = r === 0 ? "exterior ring" : `hole ${r}`;
  return polygonCount > 1 ? `${kind} of polygon ${p}` : kind;
}
