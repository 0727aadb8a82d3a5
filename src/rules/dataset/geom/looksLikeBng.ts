import type { GeometryItem } from "../geometryItem.js";

/**
 * True when a file's coordinates look like British National Grid (EPSG:27700) eastings and northings
 * in metres rather than longitude/latitude: most positions fall outside the degree range and all of
 * the sampled ones (first position of each ring) inside the grid's extent (0..700 km east, 0..1300 km north, with a 10 km margin).
 */
export function looksLikeBng(items: readonly GeometryItem[]): boolean {
  let outside = 0;
  let total = 0;
  // The first position of every ring is a fair sample and keeps this cheap on large files.
  const visit = (c: unknown, depth: number): boolean => {
    if (!Array.isArray(c)) return true;
    if (depth === 0) {
      const p = c[0];
      if (!Array.isArray(p)) return true;
      const [x, y] = p as unknown[];
      if (typeof x !== "number" || typeof y !== "number" || !Number.isFinite(x) || !Number.isFinite(y)) return true;
      total++;
      if (Math.abs(x) > 180 || Math.abs(y) > 90) outside++;
      return !(x < -10_000 || x > 710_000 || y < -10_000 || y > 1_310_000);
    }
    for (const d of c) if (!visit(d, depth - 1)) return false;
    return true;
  };
  for (const item of items) {
    const g = item.geometry as { type?: string; coordinates?: unknown } | null | undefined;
    if (!g || typeof g !== "object") continue;
    const depth = g.type === "Polygon" ? 1 : g.type === "MultiPolygon" ? 2 : g.type === "LineString" || g.type === "MultiPoint" ? 0 : -1;
    if (depth < 0) continue;
    if (!visit(g.coordinates, depth)) return false;
  }
  return total > 0 && outside > total / 2;
}

/** Whether the items' coordinates are degrees: as declared, else as detected. */
export function isGeographic(items: readonly GeometryItem[], declared: boolean | undefined): boolean {
  return declared ?? !looksLikeBng(items);
}
