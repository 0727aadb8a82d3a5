import type { Feature, FeatureCollection, MultiPolygon, Position } from "geojson";
import { type GeosGeometry, loadGeos, multiPolygon, polygonsOf } from "./geos.js";
import type { UnitGeometry } from "./types.js";

/**
 * Holes smaller than this (square metres), or thinner on average (2 x area / perimeter) than
 * `sliverHoleWidth` metres, are slivers between neighbours, not real enclaves.
 */
const sliverHoleArea = 10_000;
const sliverHoleWidth = 25;

/** Decimal places of the coordinates written by default: 1e-6 degree is about 0.1 m. */
export const defaultDecimals = 6;

export interface DissolveOptions {
  /** True for longitude/latitude (sliver sizes are then measured in metres). */
  geographic: boolean;
  /** Decimal places of the output coordinates (default 6): the precision grid of the overlay. */
  decimals?: number;
  /** Properties of footprint f's feature (default `{ footprint: id }`). */
  properties?: (f: number) => Record<string, unknown>;
}

/**
 * Dissolves units into one MultiPolygon per footprint that GEOS (and so shapely, PostGIS, QGIS)
 * finds valid, with RFC 7946 winding and coordinates on a grid of `decimals` places.
 *
 * Real boundary files are rarely valid (self-touching rings) and neighbours overlap or leave gaps
 * of a metre or two where they were buffered or simplified separately, so merging shared arcs
 * (topojson) leaves both sides of an overlap in the outline: self-intersections and footprints
 * overlapping each other. Instead each unit is made valid (GEOS MakeValid, "structure" method),
 * each footprint's units are unioned with OverlayNG on the precision grid (every vertex snapped
 * to the grid, the result valid by construction; units that already form a coverage on the grid,
 * like LSOAs, by GEOS's faster coverage union, checked), sliver holes left by gaps between its units are
 * filled, and a footprint overlapping footprints already dissolved loses the overlap (a difference
 * on the same grid), so no two footprints overlap. Rings are then oriented counter-clockwise
 * (holes clockwise).
 *
 * @param assignment footprint index per unit (-1: in none)
 * @example
 * const fc = await dissolveFootprints(units.geometries, assignment, ["F1", "F2"], { geographic: true });
 */
export async function dissolveFootprints(
  geometries: readonly (UnitGeometry | null)[],
  assignment: Int32Array,
  footprints: readonly string[],
  opts: DissolveOptions,
): Promise<FeatureCollection<MultiPolygon>> {
  const geos = await loadGeos();
  const decimals = opts.decimals ?? defaultDecimals;
  const grid = 10 ** -decimals;
  const properties = opts.properties ?? ((f: number) => ({ footprint: footprints[f] }));
  const members: number[][] = footprints.map(() => []);
  assignment.forEach((f, u) => {
    if (f >= 0 && geometries[u]) members[f].push(u);
  });

  const owned: GeosGeometry[] = [];
  const track = (g: GeosGeometry): GeosGeometry => {
    if (!g) throw new Error("GEOS returned no geometry");
    owned.push(g);
    return g;
  };
  try {
    // Each footprint: its units unioned on the grid, sliver holes filled. Units cut from one map
    // (small areas that share their edges exactly, already on the grid) are a coverage: GEOS's
    // coverage union merges them several times faster, and the result is kept when it is valid
    // and loses no area (an overlap would). Otherwise each unit is made valid and the units are
    // unioned by OverlayNG on the grid.
    const unions = members.map((units) => {
      if (units.length === 0) return [];
      let union: GeosGeometry | null = null;
      if (units.every((u) => onGrid(geometries[u]!, decimals))) {
        const all = track(geos.fromGeoJson(multiPolygon(units.flatMap((u) => polygonsOf(geometries[u])))));
        const c = geos.coverageUnion(all);
        if (c) {
          track(c);
          const sum = units.reduce((t, u) => t + geos.area(track(geos.fromGeoJson(geometries[u]!))), 0);
          if (geos.isValid(c) && Math.abs(geos.area(c) - sum) <= 1e-9 * Math.max(sum, 1e-12)) union = c;
        }
      }
      if (union === null) {
        const parts: Position[][][] = [];
        for (const u of units) {
          const g = track(geos.fromGeoJson(geometries[u]!));
          parts.push(...polygonsOf(geos.toGeoJson(track(geos.makeValid(g)))));
        }
        if (parts.length === 0) return [];
        union = track(geos.unaryUnion(track(geos.fromGeoJson(multiPolygon(parts))), grid));
      }
      return polygonsOf(geos.toGeoJson(union)).map((poly) => [poly[0], ...poly.slice(1).filter((hole) => !isSliver(hole, opts.geographic))]);
    });

    // Overlaps between footprints go to the footprint dissolved first (bounding boxes pick the candidates).
    const boxes = unions.map(bbox);
    const done: Position[][][][] = [];
    const features: Feature<MultiPolygon>[] = unions.map((polys, f) => {
      let result = polys;
      const earlier = done.flatMap((d, e) => (polys.length && boxesMeet(boxes[e], boxes[f]) ? d : []));
      const self = polys.length ? track(geos.fromGeoJson(multiPolygon(polys))) : 0;
      let out = self;
      if (self && earlier.length) {
        const other = track(geos.unaryUnion(track(geos.fromGeoJson(multiPolygon(earlier))), grid));
        out = track(geos.difference(self, other, grid));
      }
      if (out) {
        result = polygonsOf(geos.toGeoJson(out));
        const oriented = track(geos.fromGeoJson(multiPolygon(result)));
        geos.orient(oriented);
        result = polygonsOf(geos.toGeoJson(oriented)).map((poly) => poly.map((ring) => ring.map((p) => [round(p[0], decimals), round(p[1], decimals)])));
      }
      done.push(result);
      return { type: "Feature", properties: properties(f), geometry: multiPolygon(result) };
    });
    return { type: "FeatureCollection", features };
  } finally {
    for (const g of owned) geos.destroy(g);
  }
}

/** True when every coordinate of a geometry is on the grid of `decimals` places (to within float noise). */
function onGrid(g: UnitGeometry, decimals: number): boolean {
  const k = 10 ** decimals;
  for (const poly of g.type === "Polygon" ? [g.coordinates] : g.coordinates) {
    for (const ring of poly) {
      for (const p of ring) {
        const x = p[0] * k, y = p[1] * k;
        if (Math.abs(x - Math.round(x)) > 1e-6 || Math.abs(y - Math.round(y)) > 1e-6) return false;
      }
    }
  }
  return true;
}

/** x rounded to `decimals` places (GEOS already put it on the grid; this drops float noise like 0.30000000000000004). */
function round(x: number, decimals: number): number {
  return Number(x.toFixed(decimals));
}

type Box = [number, number, number, number];

function bbox(polys: Position[][][]): Box {
  const b: Box = [Infinity, Infinity, -Infinity, -Infinity];
  for (const poly of polys) {
    for (const p of poly[0]) {
      if (p[0] < b[0]) b[0] = p[0];
      if (p[1] < b[1]) b[1] = p[1];
      if (p[0] > b[2]) b[2] = p[0];
      if (p[1] > b[3]) b[3] = p[1];
    }
  }
  return b;
}

function boxesMeet(a: Box, b: Box): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

/** A hole too small or too thin to be an enclave (equirectangular metres about its latitude). */
function isSliver(ring: Position[], geographic: boolean): boolean {
  const lat = geographic && ring.length ? ring[0][1] : 0;
  const ky = geographic ? 111_195 : 1;
  const kx = ky * Math.cos((lat * Math.PI) / 180);
  let a = 0, perimeter = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const xi = ring[i][0] * kx, yi = ring[i][1] * ky, xj = ring[j][0] * kx, yj = ring[j][1] * ky;
    a += (xj - xi) * (yj + yi);
    perimeter += Math.hypot(xj - xi, yj - yi);
  }
  a = Math.abs(a / 2);
  return a < sliverHoleArea || (perimeter > 0 && (2 * a) / perimeter < sliverHoleWidth);
}
