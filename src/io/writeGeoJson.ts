import type { Feature } from "geojson";
import { writeFileAtomic } from "./writeFileAtomic.js";

/**
 * Writes features as a GeoJSON FeatureCollection, one feature per line (diff-friendly, and still
 * one JSON value), whole or not at all (see writeFileAtomic).
 *
 * @example
 * await writeGeoJson("fixed.geojson", repairFeatures(features));
 */
export async function writeGeoJson(file: string, features: readonly Feature[]): Promise<void> {
  const body = features.map((f) => JSON.stringify(f)).join(",\n");
  await writeFileAtomic(file, `{"type":"FeatureCollection","features":[\n${body}\n]}\n`);
}
