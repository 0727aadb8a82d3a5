import type { Feature, FeatureCollection, Polygon } from "geojson";

/** An axis-aligned square as a GeoJSON polygon (counter-clockwise), in any units. */
export function square(x: number, y: number, size: number): Polygon {
  return { type: "Polygon", coordinates: [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]] };
}

/**
 * A grid of square units, ids "r{row}c{col}", row 0 at the bottom:
 *
 *   r2c0 r2c1 r2c2
 *   r1c0 r1c1 r1c2
 *   r0c0 r0c1 r0c2
 */
export function gridCollection(rows: number, cols: number, size = 1000, gap = 0, props: (r: number, c: number) => Record<string, unknown> = () => ({})): FeatureCollection<Polygon> {
  const features: Feature<Polygon>[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      features.push({
        type: "Feature",
        properties: { code: `r${r}c${c}`, ...props(r, c) },
        geometry: square(c * (size + gap), r * (size + gap), size),
      });
    }
  }
  return { type: "FeatureCollection", features };
}
