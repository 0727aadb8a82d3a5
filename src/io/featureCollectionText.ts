import type { Feature } from "geojson";

/**
 * Features as the text of a GeoJSON FeatureCollection, one feature per line (diff-friendly, and
 * still one JSON value).
 *
 * @example
 * outputs.write("--fix", featureCollectionText(repairFeatures(features)));
 */
export function featureCollectionText(features: readonly Feature[]): string {
  const body = features.map((f) => JSON.stringify(f)).join(",\n");
  return `{"type":"FeatureCollection","features":[\n${body}\n]}\n`;
}
