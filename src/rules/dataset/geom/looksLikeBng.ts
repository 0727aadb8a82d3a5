import type { GeometryItem } from "../geometryItem.js";

/**
 * True when a file's coordinates look like British National Grid (EPSG:27700) eastings and northings
 * in metres rather than longitude/latitude: most positions fall outside the degree range and all of
 * them inside the grid's extent (0..700 km east, 0..1300 km north, with a 10 km margin).
 */
export function looksLikeBng(items: readonly GeometryItem[]): boolean {
  let outside = 0;
  let total = 0;
  let inGrid = true;
  const visit = (c: unknown): void => {
    if (!Array.isArray(c)) return;
    if (typeof c[0] === "number" && typeof c[1] === "number") {
      const [x, y] = c as number[];
      if (!Number.isFinite(x) || !Number.isFinite(y)) return;
      total++;
      if (Math.abs(x) > 180 || Math.abs(y) > 90) outside++;
      if (x < -10_000 || x > 710_000 || y < -10_000 || y > 1_310_000) inGrid = false;
      return;
    }
    for (const d of c) visit(d);
  };
  for (const item of items) {
    const g = item.geometry as { coordinates?: unknown } | null | undefined;
    if (g && typeof g === "object") visit(g.coordinates);
    if (!inGrid) return false;
  }
  return total > 0 && outside > total / 2;
}

/** Whether the items' coordinates are degrees: as declared, else as detected. */
export function isGeographic(items: readonly GeometryItem[], declared: boolean | undefined): boolean {
  return declared ?? !looksLikeBng(items);
}
