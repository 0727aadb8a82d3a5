import { InputError } from "../errors.js";
import type { PopulationTable } from "../model/tables.js";
import { detectColumn } from "./detectFields.js";
import { parseNumber } from "./parseNumber.js";
import type { BoundaryFile } from "./readBoundaries.js";

/**
 * The population held in a boundary property: the named field (`--population-field`), else
 * `population`, `pop` or the one field starting "pop"; null when there is none. A value that is
 * not a number is an InputError naming the feature.
 * @example
 * readBoundaryPopulation(await readBoundaries("ccg16.geojson")); // { source: "ccg16.geojson (pop_mid2019)", rows: [...] }
 */
export function readBoundaryPopulation(b: BoundaryFile, field?: string): PopulationTable | null {
  const fields = Object.keys(b.features[0]?.properties ?? {});
  const name = field ?? tryDetect(b.file, fields, b.idField);
  if (name === undefined) return null;
  if (!fields.includes(name)) throw new InputError(b.file, `has no field "${name}" (--population-field)`);
  const rows = b.features.map((f) => {
    const v = f.properties[name];
    const value = typeof v === "number" ? v : parseNumber(String(v ?? ""), b.file, 0, name);
    return { unit: f.id, value };
  });
  return { file: b.file, source: `${b.file} (${name})`, rows };
}

/** A boundary property that holds population: `population`, `pop`, or the one field starting "pop". */
function tryDetect(file: string, fields: string[], idField: string): string | undefined {
  try {
    return detectColumn(file, fields, "population", undefined, ["population", "pop", /^pop/i], "--population-field", [idField]);
  } catch {
    return undefined;
  }
}
