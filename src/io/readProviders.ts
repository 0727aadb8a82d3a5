import { InputError } from "../errors.js";
import { ProviderTableBuilder } from "../model/providerTable.js";
import type { ProviderTable } from "../model/tables.js";
import { detectColumn } from "./detectFields.js";
import { openCsv } from "./readCsv.js";
import { parseNumber } from "./parseNumber.js";
import { unitColumnPreferences } from "./readPopulation.js";

export interface ProviderRow {
  provider: string;
  unit: string;
  value: number;
  line: number;
}

export interface ProviderColumns {
  providerColumn?: string;
  unitColumn?: string;
  valueColumn?: string;
}

/** Likely names of a provider code column, most likely first (provider activity and catchment files). */
export const providerColumnPreferences: (string | RegExp)[] = ["provider", "provider_code", "trust_code", "trust", "org_code", /provider/i, /trust/i];

/**
 * A provider row's code and number (activity, or a catchment proportion): the number plain and not
 * negative, the code not empty; otherwise an InputError naming the file, line and column.
 */
export function providerCells(
  cells: readonly string[],
  pi: number,
  vi: number,
  at: { file: string; line: number; provider: string; value: string; what: string },
): { provider: string; value: number } {
  const { file, line } = at;
  const value = parseNumber(cells[vi], file, line, at.value);
  if (value < 0) throw new InputError(file, `${at.what} ${value} is negative`, { line, field: at.value });
  const provider = cells[pi].trim();
  if (provider === "") throw new InputError(file, "empty provider code", { line, field: at.provider });
  return { provider, value };
}

/**
 * Streams a long provider CSV `provider,unit,value` (activity, patients or catchment population);
 * columns are detected (trust_code, CCG16CD, catchment_pop ...) or named. Rows are yielded one by
 * one (readProviders collects them into a compact table).
 */
export async function streamProviders(file: string, idField?: string, cols: ProviderColumns = {}): Promise<AsyncIterable<ProviderRow>> {
  const csv = await openCsv(file, "providers");
  const providerCol = detectColumn(
    file,
    csv.header,
    "provider",
    cols.providerColumn,
    providerColumnPreferences,
    "--provider-column",
  );
  const unitCol = detectColumn(file, csv.header, "unit", cols.unitColumn, unitColumnPreferences(idField), "--unit-column", [providerCol]);
  const valueCol = detectColumn(
    file,
    csv.header,
    "value",
    cols.valueColumn,
    ["value", "activity", "patients", "admissions", "catchment_pop", "catchment", "count", /^catchment/i, /activity|patients|admissions/i],
    "--value-column",
    [providerCol, unitCol],
  );
  const pi = csv.header.indexOf(providerCol), ui = csv.header.indexOf(unitCol), vi = csv.header.indexOf(valueCol);
  async function* rows(): AsyncGenerator<ProviderRow> {
    for await (const { cells, line } of csv.rows) {
      const { provider, value } = providerCells(cells, pi, vi, { file, line, provider: providerCol, value: valueCol, what: "value" });
      yield { provider, unit: cells[ui].trim(), value, line };
    }
  }
  return rows();
}

/**
 * Reads a long provider CSV into a provider table (codes interned, values in typed arrays: 16
 * bytes a row), ready to be joined to the units by `providersFromTable`.
 * @example
 * const table = await readProviders("trust_ccg16_catchment_2019.csv", "CCG16CD");
 * table.providers.length; // 138
 */
export async function readProviders(file: string, idField?: string, cols: ProviderColumns = {}): Promise<ProviderTable> {
  const table = new ProviderTableBuilder(file);
  for await (const r of await streamProviders(file, idField, cols)) table.add(r.provider, r.unit, r.value, r.line);
  return table.finish();
}
