import { writeFile } from "node:fs/promises";
import type { Feature } from "geojson";
import { InputError } from "../errors.js";

/**
 * Writes features as a GeoJSON FeatureCollection, one feature per line (diff-friendly, and still
 * one JSON value). A write failure is an InputError naming the file.
 */
export async function writeGeoJson(file: string, features: readonly Feature[]): Promise<void> {
  const body = features.map((f) => JSON.stringify(f)).join(",\n");
  const text = `{"type":"FeatureCollection","features":[\n${body}\n]}\n`;
  try {
    await writeFile(file, text);
  } catch (err) {
    throw new InputError(file, `cannot write: ${(err as Error).message}`);
  }
}

