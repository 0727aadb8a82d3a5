import type { Feature, FeatureCollection, MultiPolygon, Position } from "geojson";
import { merge } from "topojson-client";
import { topology } from "topojson-server";
import type { UnitGeometry } from "./types.js";

/**
 * Holes smaller than this (square metres), or thinner on average (2 x area / perimeter) than
 * `sliverHoleWidth` metres, are slivers between neighbours, not real enclaves.
 */
const sliverHoleArea = 10_000;
const sliverHoleWidth = 25;

/**
 * Dissolves units into one MultiPolygon per footprint. The units become a topology (quantised to
 * 1e6 steps across the extent, so nearly equal vertices meet, as topojson-server does), then each
 * footprint's units are merged along the arcs they share. Neighbours that were simplified or
 * buffered separately leave thin holes along former boundaries; holes under `sliverHoleArea` or
 * thinner than `sliverHoleWidth` are dropped.
 *
 * @param assignment footprint index per unit (-1: in none)
 * @example
 * const fc = dissolveFootprints(units.geometries, assignment, ["F1", "F2"], true);
 */
export function dissolveFootprints(
  geometries: readonly (UnitGeometry | null)[],
  assignment: Int32Array,
  footprints: readonly string[],
  geographic: boolean,
  properties: (f: number) => Record<string, unknown> = (f) => ({ footprint: footprints[f] }),
): FeatureCollection<MultiPolygon> {
  const fc: FeatureCollection = {
    type: "FeatureCollection",
    features: geometries.map((geometry) => ({ type: "Feature", properties: {}, geometry: geometry ?? null }) as Feature),
  };
  const topo = topology({ units: fc }, 1e6);
  const all = (topo.objects.units as unknown as { geometries: unknown[] }).geometries;
  const byFootprint: unknown[][] = footprints.map(() => []);
  assignment.forEach((f, u) => {
    if (f >= 0 && geometries[u]) byFootprint[f].push(all[u]);
  });
  const features = footprints.map((_, f) => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const merged = merge(topo as any, byFootprint[f] as any) as MultiPolygon;
    const coordinates = merged.coordinates.map((poly) => [poly[0], ...poly.slice(1).filter((hole) => !isSliver(hole, geographic))]);
    return { type: "Feature" as const, properties: properties(f), geometry: { type: "MultiPolygon" as const, coordinates } };
  });
  return { type: "FeatureCollection", features };
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
