import type { Geometry, MultiPolygon, Position } from "geojson";

/** A GEOS geometry: a pointer into the WebAssembly module's memory (freed with `destroy`). */
export type GeosGeometry = number;

/**
 * The few GEOS operations the tool uses, from geos-wasm (GEOS 3.13 compiled to WebAssembly): the
 * library behind shapely, PostGIS and QGIS, so "valid" means what those tools mean by it.
 * The `...Prec` operations are OverlayNG with a fixed precision grid: every output vertex lies on
 * the grid and the output is valid (no self-intersections, holes inside shells), which rounding
 * the coordinates afterwards could not promise.
 */
export interface Geos {
  fromGeoJson(g: Geometry): GeosGeometry;
  toGeoJson(g: GeosGeometry): Geometry;
  /** A valid polygonal geometry covering the same area (GEOS "structure" method, collapsed parts dropped). */
  makeValid(g: GeosGeometry): GeosGeometry;
  unaryUnion(g: GeosGeometry, gridSize: number): GeosGeometry;
  /**
   * Union of polygons that form a coverage (they share edges exactly and do not overlap: small
   * areas cut from one map); much faster than unaryUnion, but wrong or refused for other inputs,
   * so the caller checks the result. Null when GEOS refuses.
   */
  coverageUnion(g: GeosGeometry): GeosGeometry | null;
  /** Area, in the coordinates' units squared. */
  area(g: GeosGeometry): number;
  difference(a: GeosGeometry, b: GeosGeometry, gridSize: number): GeosGeometry;
  isValid(g: GeosGeometry): boolean;
  /** GEOS's reason a geometry is invalid ("Valid Geometry" when it is valid). */
  validReason(g: GeosGeometry): string;
  /** Exterior rings counter-clockwise, holes clockwise (RFC 7946's right-hand rule). */
  orient(g: GeosGeometry): void;
  destroy(g: GeosGeometry): void;
}

interface GeosWasm {
  GEOSMakeValidParams_create(): number;
  GEOSMakeValidParams_setMethod(p: number, method: number): number;
  GEOSMakeValidParams_setKeepCollapsed(p: number, keep: number): number;
  GEOSMakeValidWithParams(g: number, p: number): number;
  GEOSUnaryUnionPrec(g: number, gridSize: number): number;
  GEOSCoverageUnion(g: number): number;
  GEOSArea(g: number, out: number): number;
  GEOSDifferencePrec(a: number, b: number, gridSize: number): number;
  GEOSisValid(g: number): number;
  GEOSisValidReason(g: number): number;
  GEOSOrientPolygons(g: number, exteriorCW: number): number;
  GEOSGeom_destroy(g: number): void;
  GEOSFree(p: number): void;
  Module: { UTF8ToString(p: number): string; _malloc(n: number): number; _free(p: number): void; HEAPF64: Float64Array };
}

let loading: Promise<Geos> | null = null;

/**
 * Loads GEOS once (about 0.1 s to compile the WebAssembly) and returns the operations above.
 *
 * @example
 * const geos = await loadGeos();
 * const g = geos.fromGeoJson(polygon);
 * geos.isValid(g); // as shapely's is_valid
 */
export function loadGeos(): Promise<Geos> {
  loading ??= (async () => {
    const { default: init } = (await import("geos-wasm")) as unknown as { default: () => Promise<GeosWasm> };
    const { geojsonToGeosGeom, geosGeomToGeojson } = (await import("geos-wasm/helpers")) as unknown as {
      geojsonToGeosGeom(g: Geometry, geos: GeosWasm): number;
      geosGeomToGeojson(p: number, geos: GeosWasm): Geometry;
    };
    const w = await init();
    const params = w.GEOSMakeValidParams_create();
    w.GEOSMakeValidParams_setMethod(params, 1); // GEOS_MAKE_VALID_STRUCTURE: areas stay areas
    w.GEOSMakeValidParams_setKeepCollapsed(params, 0);
    return {
      fromGeoJson: (g) => geojsonToGeosGeom(g, w),
      toGeoJson: (g) => geosGeomToGeojson(g, w),
      makeValid: (g) => w.GEOSMakeValidWithParams(g, params),
      unaryUnion: (g, grid) => w.GEOSUnaryUnionPrec(g, grid),
      coverageUnion: (g) => {
        try {
          return w.GEOSCoverageUnion(g) || null;
        } catch {
          return null;
        }
      },
      area: (g) => {
        const p = w.Module._malloc(8);
        try {
          w.GEOSArea(g, p);
          return w.Module.HEAPF64[p / 8];
        } finally {
          w.Module._free(p);
        }
      },
      difference: (a, b, grid) => w.GEOSDifferencePrec(a, b, grid),
      isValid: (g) => w.GEOSisValid(g) === 1,
      validReason: (g) => {
        const p = w.GEOSisValidReason(g);
        const s = w.Module.UTF8ToString(p);
        w.GEOSFree(p);
        return s;
      },
      orient: (g) => void w.GEOSOrientPolygons(g, 0),
      destroy: (g) => w.GEOSGeom_destroy(g),
    };
  })();
  return loading;
}

/** The polygons of any geometry (a GeometryCollection from an overlay may hold lines or points too). */
export function polygonsOf(g: Geometry | null): Position[][][] {
  if (!g) return [];
  if (g.type === "Polygon") return g.coordinates.length ? [g.coordinates] : [];
  if (g.type === "MultiPolygon") return g.coordinates.filter((p) => p.length);
  if (g.type === "GeometryCollection") return g.geometries.flatMap(polygonsOf);
  return [];
}

/** A MultiPolygon of polygons (possibly none). */
export function multiPolygon(polys: Position[][][]): MultiPolygon {
  return { type: "MultiPolygon", coordinates: polys };
}
