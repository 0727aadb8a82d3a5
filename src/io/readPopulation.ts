import { InputError } from "../errors.js";
import type { PopulationRow } from "../model/tables.js";
import { detectColumn } from "./detectFields.js";
import { openCsv } from "./readCsv.js";
import { parseNumber } from "./parseNumber.js";

export interface PopulationColumns {
  unitColumn?: string;
  valueColumn?: string;
}

/** Candidate names for a column holding unit codes, best first. */
export function unitColumnPreferences(idField: string | undefined): (string | RegExp)[] {
  return [...(idField ? [idField] : []), "unit", "code", "id", /^[A-Za-z]+\d{2}CD$/];
}

/**
 * Reads a population CSV (`unit,population`; columns detected or named), streaming.
 * Values must be numbers; whether they are sensible (non-negative integers, one per unit) is for
 * the caller: `validate` reports it, the planning commands refuse it.
 *
 * @param idField the boundary id field, preferred as the unit column (e.g. CCG16CD)
 */
export async function readPopulation(file: string, idField?: string, cols: PopulationColumns = {}): Promise<PopulationRow[]> {
  const csv = await openCsv(file);
  const unitCol = detectColumn(file, csv.header, "unit", cols.unitColumn, unitColumnPreferences(idField), "--unit-column");
  const valueCol = detectColumn(
    file,
    csv.header,
    "population",
    cols.valueColumn,
    ["population", "pop", /^pop/i, /population/i, "value"],
    "--population-column",
    [unitCol],
  );
  const ui = csv.header.indexOf(unitCol), vi = csv.header.indexOf(valueCol);
  const rows: PopulationRow[] = [];
  for await (const { cells, line } of csv.rows) {
    const unit = cells[ui].trim();
    if (unit === "") throw new InputError(file, "empty unit code", { line, field: unitCol });
    rows.push({ unit, value: parseNumber(cells[vi], file, line, valueCol), line });
  }
  return rows;
}
