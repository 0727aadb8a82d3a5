import { defaults } from "../options/defaults.js";
import { flattenGeometries } from "./flatRings.js";
import { SegmentHashGrid } from "./segmentHashGrid.js";
import type { AdjacencyGraph, FlatRings, UnitGeometry } from "./types.js";

export interface AdjacencyOptions {
  /** "rook": units sharing a stretch of boundary; "queen": units that touch at all. Default: the option table's (rook). */
  kind?: "rook" | "queen";
  /** True when coordinates are longitude/latitude degrees (then distances are converted to metres). */
  geographic: boolean;
  /**
   * Snap tolerance in metres (default: the option table's, 5 m): boundary within this distance of a neighbour's boundary
   * counts as shared. It absorbs rounding, sub-metre buffers and tiny gaps or overlaps between
   * neighbours, so adjacency does not depend on exact vertex matches or valid polygons.
   */
  tolerance?: number;
  /**
   * Rook only: the least length of shared boundary, in metres, for two units to be neighbours
   * (default 4 x tolerance). Units meeting at a corner share only a few tolerance-lengths.
   */
  minShared?: number;
}

/** Metres per degree of latitude (mean) and of longitude at the equator. */
const metresPerDegree = 111_195;

/**
 * Builds the unit adjacency graph from polygon boundaries, tolerant of invalid polygons, tiny gaps
 * and overlaps.
 *
 * Method: every boundary segment goes into a sparse uniform grid of cells (SegmentHashGrid: each
 * segment, cut into pieces no longer than a cell, into the cells their boxes, grown by the
 * tolerance, cover). For each vertex we find the other units whose
 * boundary passes within the tolerance; a segment whose two ends are both near unit B is boundary
 * shared with B, and its length is added to the pair. Rook neighbours share at least `minShared`
 * metres (the mean of the two directions); queen neighbours have any vertex near each other.
 * The cost is linear in the number of vertices (times the few segments per cell), never
 * quadratic in the number of units.
 *
 * @param links extra pairs (ferries, bridges) added as neighbours and listed in `linked`
 * @param rings the geometries' rings already flattened (Units.flat), to save a pass
 * @example
 * const g = buildAdjacency(units.geometries, { geographic: true });
 * g.neighbors[0]; // sorted indexes of the units next to unit 0
 */
export function buildAdjacency(
  geometries: readonly (UnitGeometry | null)[],
  opts: AdjacencyOptions,
  links: readonly [number, number][] = [],
  rings?: FlatRings,
): AdjacencyGraph {
  const kind = opts.kind ?? defaults.adjacency;
  const tol = opts.tolerance ?? defaults.snapTolerance;
  const minShared = opts.minShared ?? 4 * tol;
  const n = geometries.length;
  const flat = flatten(rings ?? flattenGeometries(geometries), opts.geographic);
  const { xs, ys, segFrom, segUnit, segCount } = flat;

  // Cell size: big enough that a typical segment spans few cells, never below 4 tolerances.
  let totalLen = 0;
  for (let s = 0; s < segCount; s++) {
    const a = segFrom[s];
    totalLen += Math.hypot(xs[a + 1] - xs[a], ys[a + 1] - ys[a]);
  }
  const meanLen = segCount ? totalLen / segCount : 1;
  const cell = Math.max(4 * tol, 2 * meanLen, 1e-9);
  const grid = new SegmentHashGrid(xs, ys, segFrom.subarray(0, segCount), cell, tol);

  // For each vertex, the units (other than its own) whose boundary passes within tol.
  const tol2 = tol * tol;
  const vertexCount = xs.length;
  const nearStart = new Int32Array(vertexCount + 1);
  let near = new Int32Array(Math.max(16, vertexCount));
  let nearLen = 0;
  const stamp = new Int32Array(n).fill(-1);
  const vertexUnit = flat.vertexUnit;
  for (let v = 0; v < vertexCount; v++) {
    nearStart[v] = nearLen;
    const u = vertexUnit[v];
    if (u < 0) continue;
    const x = xs[v], y = ys[v];
    const c = grid.cellOf(x, y);
    if (c < 0) continue;
    for (let k = grid.start[c], end = grid.start[c + 1]; k < end; k++) {
      const s = grid.items[k];
      const b = segUnit[s];
      if (b === u || stamp[b] === v) continue;
      const a = segFrom[s];
      if (pointSegmentDistance2(x, y, xs[a], ys[a], xs[a + 1], ys[a + 1]) <= tol2) {
        stamp[b] = v;
        if (nearLen === near.length) {
          const grown = new Int32Array(near.length * 2);
          grown.set(near);
          near = grown;
        }
        near[nearLen++] = b;
      }
    }
  }
  nearStart[vertexCount] = nearLen;

  const pairs = new Map<number, number>();
  if (kind === "queen") {
    for (let v = 0; v < vertexCount; v++) {
      const u = vertexUnit[v];
      for (let k = nearStart[v]; k < nearStart[v + 1]; k++) {
        const b = near[k];
        const key = u < b ? u * n + b : b * n + u;
        pairs.set(key, Infinity);
      }
    }
  } else {
    // shared[A->B] accumulates under key A*n+B; both directions are averaged below.
    for (let s = 0; s < segCount; s++) {
      const a = segFrom[s];
      const u = segUnit[s];
      const len = Math.hypot(xs[a + 1] - xs[a], ys[a + 1] - ys[a]);
      for (let i = nearStart[a]; i < nearStart[a + 1]; i++) {
        const b = near[i];
        for (let j = nearStart[a + 1]; j < nearStart[a + 2]; j++) {
          if (near[j] === b) {
            const key = u * n + b;
            pairs.set(key, (pairs.get(key) ?? 0) + len);
            break;
          }
        }
      }
    }
  }

  const neighbors: number[][] = Array.from({ length: n }, () => []);
  const seen = new Set<number>();
  for (const [key, length] of pairs) {
    const a = Math.floor(key / n), b = key - a * n;
    const lo = Math.min(a, b), hi = Math.max(a, b);
    const canonical = lo * n + hi;
    if (seen.has(canonical)) continue;
    let shared = length;
    if (kind === "rook") {
      const back = pairs.get(b * n + a) ?? 0;
      shared = (length + back) / 2;
    }
    if (shared >= minShared) {
      seen.add(canonical);
      neighbors[lo].push(hi);
      neighbors[hi].push(lo);
    }
  }
  const linked: [number, number][] = [];
  for (const [a0, b0] of links) {
    if (a0 === b0) continue;
    const a = Math.min(a0, b0), b = Math.max(a0, b0);
    linked.push([a, b]);
    if (!seen.has(a * n + b)) {
      seen.add(a * n + b);
      neighbors[a].push(b);
      neighbors[b].push(a);
    }
  }
  for (const list of neighbors) list.sort((p, q) => p - q);
  return { kind, neighbors, linked };
}

/** Number of distinct neighbouring pairs in a graph. */
export function countPairs(g: AdjacencyGraph): number {
  let total = 0;
  for (const list of g.neighbors) total += list.length;
  return total / 2;
}

interface Flat {
  xs: Float64Array;
  ys: Float64Array;
  /** Unit of each vertex. */
  vertexUnit: Int32Array;
  /** Segment s runs from vertex segFrom[s] to segFrom[s] + 1. */
  segFrom: Int32Array;
  segUnit: Int32Array;
  segCount: number;
}

/**
 * Copies all rings into flat projected arrays (metres), dropping repeated consecutive points and
 * closing open rings, so that every segment is vertex i -> i + 1 within one ring.
 */
function flatten(rings: FlatRings, geographic: boolean): Flat {
  const { coords, ringStart, ringUnit } = rings;
  const ringCount = ringUnit.length;
  const total = coords.length / 2 + ringCount;
  // An equirectangular projection about the middle latitude: good to a few per cent over a
  // country the size of England, which is plenty for a snapping tolerance.
  const lat0 = geographic ? (rings.bbox[1] + rings.bbox[3]) / 2 : 0;
  const kx = geographic ? metresPerDegree * Math.cos((lat0 * Math.PI) / 180) : 1;
  const ky = geographic ? metresPerDegree : 1;
  const xs = new Float64Array(total);
  const ys = new Float64Array(total);
  const vertexUnit = new Int32Array(total).fill(-1);
  const segFrom = new Int32Array(total);
  const segUnit = new Int32Array(total);
  let nv = 0, ns = 0;
  for (let r = 0; r < ringCount; r++) {
    const u = ringUnit[r];
    const start = nv;
    for (let k = ringStart[r]; k < ringStart[r + 1]; k++) {
      const x = coords[2 * k] * kx, y = coords[2 * k + 1] * ky;
      if (nv > start && xs[nv - 1] === x && ys[nv - 1] === y) continue;
      xs[nv] = x;
      ys[nv] = y;
      nv++;
    }
    if (nv - start < 2) {
      nv = start;
      continue;
    }
    if (xs[nv - 1] !== xs[start] || ys[nv - 1] !== ys[start]) {
      xs[nv] = xs[start];
      ys[nv] = ys[start];
      nv++;
    }
    for (let v = start; v < nv; v++) vertexUnit[v] = u;
    for (let v = start; v < nv - 1; v++) {
      segFrom[ns] = v;
      segUnit[ns] = u;
      ns++;
    }
  }
  return {
    xs: xs.subarray(0, nv),
    ys: ys.subarray(0, nv),
    vertexUnit: vertexUnit.subarray(0, nv),
    segFrom,
    segUnit,
    segCount: ns,
  };
}

function pointSegmentDistance2(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax, dy = by - ay;
  const len2 = dx * dx + dy * dy;
  let t = len2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / len2 : 0;
  if (t < 0) t = 0;
  else if (t > 1) t = 1;
  const ex = ax + t * dx - px, ey = ay + t * dy - py;
  return ex * ex + ey * ey;
}
