/**
 * The demo country's local plane (km) to longitude/latitude, centred in the open North Atlantic
 * so nobody mistakes it for real geography.
 */

/** Longitude and latitude of the local origin. */
const ORIGIN_LON = -30;
const ORIGIN_LAT = 45;

const KM_PER_DEG_LAT = 110.574;
const KM_PER_DEG_LON = 111.32 * Math.cos((ORIGIN_LAT * Math.PI) / 180);

/** Rounds to 5 decimals (about 1 m), the precision of every coordinate in the dataset. */
function round5(v: number): number {
  const r = Math.round(v * 1e5) / 1e5;
  return r === 0 ? 0 : r;
}

/**
 * Converts local km to [lon, lat] rounded to 5 decimals. The map is affine (an equirectangular
 * projection at the origin's latitude), so it keeps polygons simple and rings' orientation.
 *
 * @example
 * toLonLat(0, 0); // [-30, 45]
 */
export function toLonLat(x: number, y: number): [number, number] {
  return [round5(ORIGIN_LON + x / KM_PER_DEG_LON), round5(ORIGIN_LAT + y / KM_PER_DEG_LAT)];
}
