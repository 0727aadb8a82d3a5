import { geoIdentity, geoPath, geoTransverseMercator, type GeoProjection } from "d3-geo";
import type { MultiPoint } from "geojson";
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
  const points: [number, number][] = [];
  let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
  for (const g of units.geometries) {
    if (!g) continue;
    for (const poly of g.type === "Polygon" ? [g.coordinates] : g.coordinates) {
      // Exterior rings bound the drawing; holes lie inside them.
      for (const p of poly[0]) {
        points.push(p as [number, number]);
        if (p[0] < minX) minX = p[0];
        if (p[0] > maxX) maxX = p[0];
        if (p[1] < minY) minY = p[1];
        if (p[1] > maxY) maxY = p[1];
      }
    }
  }
  const outline: MultiPoint = { type: "MultiPoint", coordinates: points };
  let projection: GeoProjection | ReturnType<typeof geoIdentity>;
  let name: string;
  if (units.geographic) {
    const lon0 = points.length ? (minX + maxX) / 2 : 0;
    const lat0 = points.length ? (minY + maxY) / 2 : 0;
    projection = geoTransverseMercator().rotate([-lon0, -lat0]).fitExtent(opts.extent, outline);
    name = `transverse Mercator, central meridian ${lon0.toFixed(1)}`;
  } else {
    projection = geoIdentity().reflectY(true).fitExtent(opts.extent, outline);
    name = "projected coordinates (north up)";
  }
  // fitExtent centres the data in the box; move it to the top of the box (keeping it centred
  // across), so that the picture's height can follow the data.
  const [[fx0, fy0], [fx1]] = geoPath(projection).bounds(outline);
  const [[ex0, ey0], [ex1]] = opts.extent;
  const [tx, ty] = projection.translate();
  if (Number.isFinite(fx0) && Number.isFinite(fy0)) projection.translate([tx + ex0 - fx0 + (ex1 - ex0 - (fx1 - fx0)) / 2, ty + ey0 - fy0]);
  const project = (p: readonly [number, number]): [number, number] => {
    const q = projection(p as [number, number]);
    return q ? [q[0], q[1]] : [NaN, NaN];
  };
  const tol2 = (opts.simplify ?? 0.25) ** 2;
  let bx0 = Infinity, by0 = Infinity, bx1 = -Infinity, by1 = -Infinity;
  const shapes: ShapeRings[] = units.geometries.map((g) => {
    if (!g) return [];
    const polys: ShapeRings = [];
    for (const poly of g.type === "Polygon" ? [g.coordinates] : g.coordinates) {
      const rings: number[][] = [];
      poly.forEach((ring, r) => {
        const flat: number[] = [];
        let lx = NaN, ly = NaN;
        for (const p of ring) {
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
