import { geoIdentity, geoTransverseMercator, type GeoProjection } from "d3-geo";
import type { Units } from "../model/types.js";

/**
 * One unit in screen coordinates: its polygons, each a list of rings (the exterior first), each a
 * flat array `[x0, y0, x1, y1, ...]` of pixels, closed implicitly (the last point is not repeated).
 */
export type ShapeRings = number[][][];

/** Units projected to a drawing box. */
export interface ProjectedUnits {
  /** Per unit; an empty list for a unit without geometry. */
  shapes: ShapeRings[];
  /** Projects a point of the data (lon/lat or projected x/y) to pixels. */
  project(p: readonly [number, number]): [number, number];
  /** Bounding box of the drawn units: [x0, y0, x1, y1] in pixels. */
  bounds: [number, number, number, number];
  /** "transverse-mercator (central meridian -2)" or "identity": for the map's caption. */
  projection: string;
}

export interface ProjectOptions {
  /** The box to fit the units into: [[x0, y0], [x1, y1]] in pixels. */
  extent: [[number, number], [number, number]];
  /** Vertices closer than this (in pixels) to the previous kept one are dropped (default 0.25). */
  simplify?: number;
}

/**
 * Projects unit boundaries to pixels, fitted to a box. Longitude/latitude data gets a transverse
 * Mercator centred on the data's middle meridian (for England: about -2, the British National
 * Grid's central meridian), which keeps shapes and areas true to within a fraction of a per cent
 * over a few degrees of longitude; projected data (metres) is drawn as it is, with y flipped so
 * north is up. Vertices within `simplify` pixels of the previous kept vertex are dropped (a radial
 * distance filter: at drawing scale this removes most vertices of detailed boundaries and cannot
 * be seen), and so are rings that collapse to fewer than three points.
 *
 * @example
 * const p = projectUnits(dataset.units, { extent: [[10, 50], [790, 950]] });
 * p.shapes[0][0][0]; // the first ring of unit 0 as [x0, y0, x1, y1, ...]
 */
export function projectUnits(units: Units, opts: ProjectOptions): ProjectedUnits {
  // Fitting needs the extremes, not every vertex: each exterior ring's extreme points and every
  // 32nd vertex (an extreme of the projected outline lies next to one of these).
  const points: [number, number][] = [];
  let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
  for (const g of units.geometries) {
    if (!g) continue;
    for (const poly of g.type === "Polygon" ? [g.coordinates] : g.coordinates) {
      const ring = poly[0];
      let w = 0, e = 0, so = 0, no = 0;
      for (let i = 0; i < ring.length; i++) {
        const x = ring[i][0], y = ring[i][1];
        if (x < ring[w][0]) w = i;
        if (x > ring[e][0]) e = i;
        if (y < ring[so][1]) so = i;
        if (y > ring[no][1]) no = i;
        if ((i & 31) === 0) points.push(ring[i] as [number, number]);
      }
      for (const i of [w, e, so, no]) if (ring[i]) points.push(ring[i] as [number, number]);
      if (ring.length) {
        minX = Math.min(minX, ring[w][0]);
        maxX = Math.max(maxX, ring[e][0]);
        minY = Math.min(minY, ring[so][1]);
        maxY = Math.max(maxY, ring[no][1]);
      }
    }
  }
  let projection: GeoProjection | ReturnType<typeof geoIdentity>;
  let name: string;
  if (units.geographic) {
    const lon0 = points.length ? (minX + maxX) / 2 : 0;
    const lat0 = points.length ? (minY + maxY) / 2 : 0;
    projection = geoTransverseMercator().rotate([-lon0, -lat0]);
    name = `transverse Mercator, central meridian ${lon0.toFixed(1)}`;
  } else {
    projection = geoIdentity().reflectY(true);
    name = "projected coordinates (north up)";
  }
  // Fit by hand: at scale 1 and no translation the projection's output scales linearly, so one
  // pass over the sample gives its bounds, then scale and translation put it at the top of the
  // box, centred across (d3's fitExtent streams the sample three times and centres vertically).
  projection.scale(1).translate([0, 0]);
  let fx0 = Infinity, fy0 = Infinity, fx1 = -Infinity, fy1 = -Infinity;
  for (const p of points) {
    const q = projection(p);
    if (!q) continue;
    if (q[0] < fx0) fx0 = q[0];
    if (q[0] > fx1) fx1 = q[0];
    if (q[1] < fy0) fy0 = q[1];
    if (q[1] > fy1) fy1 = q[1];
  }
  const [[ex0, ey0], [ex1, ey1]] = opts.extent;
  if (fx0 <= fx1) {
    const k = Math.min((ex1 - ex0) / Math.max(fx1 - fx0, 1e-12), (ey1 - ey0) / Math.max(fy1 - fy0, 1e-12));
    projection.scale(k).translate([ex0 - k * fx0 + (ex1 - ex0 - k * (fx1 - fx0)) / 2, ey0 - k * fy0]);
  }
  const project = (p: readonly [number, number]): [number, number] => {
    const q = projection(p as [number, number]);
    return q ? [q[0], q[1]] : [NaN, NaN];
  };
  const simplify = opts.simplify ?? 0.25;
  const tol2 = simplify ** 2;
  // Most vertices fall within the filter distance of the previous one; drop them before
  // projecting (the costly part) by a cheaper test in data units, with a margin for the
  // projection's variation in scale (a few per cent over a country), then test again in pixels.
  const pre = preFilter((p) => projection(p), units.geographic, [(minX + maxX) / 2, (minY + maxY) / 2], simplify * 0.8, [minY, maxY]);
  let bx0 = Infinity, by0 = Infinity, bx1 = -Infinity, by1 = -Infinity;
  const shapes: ShapeRings[] = units.geometries.map((g) => {
    if (!g) return [];
    const polys: ShapeRings = [];
    for (const poly of g.type === "Polygon" ? [g.coordinates] : g.coordinates) {
      const rings: number[][] = [];
      poly.forEach((ring, r) => {
        const flat: number[] = [];
        let lx = NaN, ly = NaN;
        let px = NaN, py = NaN;
        for (const p of ring) {
          const ddx = (p[0] - px) * pre.kx, ddy = p[1] - py;
          if (ddx * ddx + ddy * ddy < pre.lim2) continue;
          px = p[0];
          py = p[1];
          const q = projection(p as [number, number]);
          if (!q) continue;
          const x = q[0], y = q[1];
          if (flat.length && (x - lx) ** 2 + (y - ly) ** 2 < tol2) continue;
          flat.push(x, y);
          lx = x;
          ly = y;
        }
        // The ring's closing point repeats the first (RFC 7946), or lands next to it.
        while (flat.length >= 4 && (flat[flat.length - 2] - flat[0]) ** 2 + (flat[flat.length - 1] - flat[1]) ** 2 < tol2) flat.length -= 2;
        if (flat.length < 6) return;
        if (r > 0 && rings.length === 0) return; // the exterior vanished: so do its holes
        rings.push(flat);
        for (let i = 0; i < flat.length; i += 2) {
          if (flat[i] < bx0) bx0 = flat[i];
          if (flat[i] > bx1) bx1 = flat[i];
          if (flat[i + 1] < by0) by0 = flat[i + 1];
          if (flat[i + 1] > by1) by1 = flat[i + 1];
        }
      });
      if (rings.length) polys.push(rings);
    }
    if (polys.length === 0) {
      // A unit smaller than the filter everywhere keeps its first exterior ring unfiltered, so it is drawn.
      const first = (g.type === "Polygon" ? g.coordinates : g.coordinates[0])[0] ?? [];
      const flat = first.slice(0, -1).flatMap((p) => project(p as [number, number]));
      if (flat.length >= 6 && flat.every(Number.isFinite)) polys.push([flat]);
    }
    return polys;
  });
  return { shapes, project, bounds: [bx0, by0, bx1, by1], projection: name };
}

/**
 * A test in data units for "within `pixels` of the previous point", calibrated at the data's
 * centre: the pixel length of a data unit there (for lon/lat, of a degree of latitude, with
 * longitude differences shrunk by the largest cosine of latitude in the data, which overstates
 * distances, so the test never drops a point the pixel test would keep). The test is
 * `((x - px) * kx) ** 2 + (y - py) ** 2 < lim2`, written out in the loop.
 */
function preFilter(
  projection: (p: [number, number]) => [number, number] | null,
  geographic: boolean,
  centre: [number, number],
  pixels: number,
  latitudes: [number, number],
): { kx: number; lim2: number } {
  const step = geographic ? 0.01 : Math.max(Math.abs(centre[0]), Math.abs(centre[1]), 1) * 1e-4;
  const a = projection(centre), b = projection([centre[0], centre[1] + step]);
  const perUnit = a && b ? Math.hypot(b[0] - a[0], b[1] - a[1]) / step : NaN;
  if (!(perUnit > 0)) return { kx: 1, lim2: -1 }; // never true: every vertex is projected
  const lim2 = (pixels / perUnit) ** 2;
  const [lat0, lat1] = latitudes;
  const nearestEquator = lat0 <= 0 && lat1 >= 0 ? 0 : Math.min(Math.abs(lat0), Math.abs(lat1));
  const c = geographic ? Math.cos((nearestEquator * Math.PI) / 180) : 1;
  return { kx: c, lim2 };
}
