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
    ["provider", "provider_code", "trust_code", "trust", "org_code", /provider/i, /trust/i],
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
      const value = parseNumber(cells[vi], file, line, valueCol);
      if (value < 0) throw new InputError(file, `value ${value} is negative`, { line, field: valueCol });
      const provider = cells[pi].trim();
      if (provider === "") throw new InputError(file, "empty provider code", { line, field: providerCol });
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
