import type { Geometry, Position } from "geojson";
import { InputError } from "../errors.js";
import { maxCoordinate, spanProblem } from "./coordinateLimits.js";
import { FlatRingsBuilder } from "./flatRings.js";
import type { UnitGeometry, Units } from "./types.js";

/** What `toUnits` needs of a boundary file (see io/readBoundaries). */
export interface UnitSource {
  file: string;
  idField: string;
  features: { index: number; id: string; name: string; geometry: Geometry | null }[];
}

/**
 * Builds the unit model from boundary features, refusing what the planning commands cannot use:
 * empty or duplicate ids, geometry that is not a Polygon or MultiPolygon, coordinates that are not
 * pairs of finite numbers, coordinates beyond any map, a unit spanning more than half the globe
 * (see coordinateLimits). (`validate` reports these as findings instead.)
 */
export function toUnits(src: UnitSource): Units {
  const { file } = src;
  if (src.features.length === 0) throw new InputError(file, "holds no features");
  const ids: string[] = [];
  const names: string[] = [];
  const geometries: UnitGeometry[] = [];
  const index = new Map<string, number>();
  const flat = new FlatRingsBuilder();
  const boxes: [number, number, number, number, number][] = [];
  for (const f of src.features) {
    if (f.id === "") throw new InputError(file, `has no id (field "${src.idField}")`, { feature: f.index });
    const previous = index.get(f.id);
    if (previous !== undefined) {
      throw new InputError(file, `id "${f.id}" is used again (first at feature ${src.features[previous].index})`, { feature: f.index });
    }
    const g = f.geometry;
    if (!g || (g.type !== "Polygon" && g.type !== "MultiPolygon")) {
      const what = g ? `a ${String((g as { type?: unknown }).type)}` : "no geometry";
      throw new InputError(file, `unit "${f.id}" has ${what}; units must be Polygon or MultiPolygon`, { feature: f.index });
    }
    const polys = (g.type === "Polygon" ? [g.coordinates] : g.coordinates) as unknown;
    if (!Array.isArray(polys) || polys.length === 0) {
      throw new InputError(file, `unit "${f.id}" has empty coordinates`, { feature: f.index });
    }
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (const poly of polys) {
      if (!Array.isArray(poly)) throw badCoordinates(file, f);
      for (const ring of poly as unknown[]) {
        if (!Array.isArray(ring)) throw badCoordinates(file, f);
        for (const p of ring as Position[]) {
          if (!Array.isArray(p) || p.length < 2) throw badCoordinates(file, f);
          const x = p[0], y = p[1];
          if (typeof x !== "number" || typeof y !== "number" || !Number.isFinite(x) || !Number.isFinite(y)) {
            throw badCoordinates(file, f, p);
          }
          if (Math.abs(x) > maxCoordinate || Math.abs(y) > maxCoordinate) {
            throw new InputError(file, `unit "${f.id}" has a coordinate out of any map's range (${JSON.stringify(p).slice(0, 60)})`, { feature: f.index });
          }
          if (x < x0) x0 = x;
          if (x > x1) x1 = x;
          if (y < y0) y0 = y;
          if (y > y1) y1 = y;
        }
        flat.addRing(ids.length, ring as Position[]);
      }
    }
    boxes.push([x0, y0, x1, y1, f.index]);
    index.set(f.id, ids.length);
    ids.push(f.id);
    names.push(f.name);
    geometries.push(g);
  }
  const rings = flat.finish();
  const [minX, minY, maxX, maxY] = rings.bbox;
  const geographic = minX >= -180 && maxX <= 180 && minY >= -90 && maxY <= 90;
  boxes.forEach(([bx0, by0, bx1, by1, feature], u) => {
    const problem = spanProblem(bx0, by0, bx1, by1, geographic);
    if (problem) throw new InputError(file, `unit "${ids[u]}" ${problem} (a stray vertex, or a ring crossing the antimeridian?)`, { feature });
  });
  return { ids, names, index, geometries, geographic, flat: rings };
}

function badCoordinates(file: string, f: { index: number; id: string }, p?: unknown): InputError {
  const shown = p === undefined ? "" : ` (${JSON.stringify(p)?.slice(0, 40)})`;
  return new InputError(file, `unit "${f.id}" has a coordinate that is not a pair of finite numbers${shown}`, { feature: f.index });
}
