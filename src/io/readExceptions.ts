import { InputError } from "../errors.js";
import type { BoundException } from "../model/types.js";
import { parseNumber } from "./parseNumber.js";
import { readCsv } from "./readCsv.js";

/**
 * Reads per-footprint exceptions to the population bounds: a CSV with a `footprint` column (an
 * id) and/or a `unit` column (a unit the footprint contains), and `min` and/or `max` columns;
 * each row names one footprint (by id or by unit, not both) and at least one bound (an empty cell
 * keeps the dataset's). A `note` column is kept for reports. Two rows for the same footprint or
 * unit, a minimum above the maximum and negative bounds are refused, naming the line.
 * @example
 * await readExceptions("exceptions.csv"); // [{ unit: "E38000014", max: 2900000, line: 2 }]
 */
export async function readExceptions(file: string): Promise<BoundException[]> {
  const { header, rows } = await readCsv(file);
  const col = (names: string[]) => header.findIndex((h) => names.includes(h.trim().toLowerCase()));
  const fi = col(["footprint", "footprint_id", "footprint_code"]);
  const ui = col(["unit", "unit_code", "code"]);
  const mini = col(["min", "population_min", "minimum"]);
  const maxi = col(["max", "population_max", "maximum"]);
  const ni = col(["note", "reason"]);
  if (fi < 0 && ui < 0) throw new InputError(file, `needs a "footprint" or a "unit" column naming each footprint; columns are ${header.join(", ")}`, { line: 1 });
  if (mini < 0 && maxi < 0) throw new InputError(file, `needs a "min" or a "max" column; columns are ${header.join(", ")}`, { line: 1 });
  const out: BoundException[] = [];
  const seen = new Map<string, number>();
  for (const { cells, line } of rows) {
    const footprint = fi >= 0 ? cells[fi].trim() : "";
    const unit = ui >= 0 ? cells[ui].trim() : "";
    if ((footprint === "") === (unit === "")) throw new InputError(file, "name the footprint by its id or by a unit it contains (one of the two)", { line });
    const bound = (i: number, name: string) => {
      if (i < 0 || cells[i].trim() === "") return undefined;
      const v = parseNumber(cells[i], file, line, header[i]);
      if (v < 0) throw new InputError(file, `the ${name} ${v} is negative`, { line, field: header[i] });
      return v;
    };
    const e: BoundException = { line };
    if (footprint !== "") e.footprint = footprint;
    else e.unit = unit;
    const min = bound(mini, "minimum");
    const max = bound(maxi, "maximum");
    if (min === undefined && max === undefined) throw new InputError(file, "gives neither a minimum nor a maximum", { line });
    if (min !== undefined) e.min = min;
    if (max !== undefined) e.max = max;
    if (min !== undefined && max !== undefined && min > max) throw new InputError(file, `the minimum ${min} is above the maximum ${max}`, { line });
    if (ni >= 0 && cells[ni].trim() !== "") e.note = cells[ni].trim();
    const key = footprint !== "" ? `footprint ${footprint}` : `unit ${unit}`;
    const prior = seen.get(key);
    if (prior !== undefined) throw new InputError(file, `a second exception for ${key} (the first is on line ${prior})`, { line });
    seen.set(key, line);
    out.push(e);
  }
  if (out.length === 0) throw new InputError(file, "names no exceptions (the file has a header but no rows)");
  return out;
}
