import { InputError } from "../errors.js";
import { detectColumn } from "./detectFields.js";
import { openCsv } from "./readCsv.js";
import { providerCells, providerColumnPreferences } from "./readProviders.js";

/** One row of a catchment proportions file: the share of an area's patients that went to a provider. */
export interface CatchmentRow {
  area: string;
  provider: string;
  proportion: number;
  line: number;
}

export interface CatchmentColumns {
  areaColumn?: string;
  providerColumn?: string;
  proportionColumn?: string;
}

/** A catchment file opened for streaming, with its resolved columns. */
export interface CatchmentStream {
  file: string;
  columns: { area: string; provider: string; proportion: string };
  rows: AsyncIterable<CatchmentRow>;
}

/**
 * Opens a provider catchment proportions CSV (`area,provider,proportion`, e.g. OHID's "NHS Acute
 * Hospital Trust Catchment Populations": MSOA11CD, trust_code, proportion) as a stream of rows.
 * The area column is, unless named, the one whose name is also a column of the lookup (MSOA11CD),
 * else an ONS code column; the provider and proportion columns are detected by name. Values must be
 * plain numbers; negative ones are an error naming the line.
 *
 * @param lookupColumns the lookup's columns, preferred as the area column
 */
export async function openCatchment(file: string, lookupColumns: readonly string[], cols: CatchmentColumns = {}): Promise<CatchmentStream> {
  // Streamed and aggregated like provider activity, so under the same size limit.
  const csv = await openCsv(file, "providers");
  const provider = detectColumn(
    file,
    csv.header,
    "provider",
    cols.providerColumn,
    providerColumnPreferences,
    "--provider-column",
  );
  const proportion = detectColumn(
    file,
    csv.header,
    "proportion",
    cols.proportionColumn,
    ["proportion", "share", "prop", "fraction", /proportion/i, /share/i],
    "--proportion-column",
    [provider],
  );
  const shared = csv.header.filter((h) => h !== provider && h !== proportion && lookupColumns.includes(h));
  const area = detectColumn(
    file,
    csv.header,
    "area",
    cols.areaColumn,
    [...(shared.length === 1 ? [shared[0]] : []), "area", "area_code", "code", /^[A-Za-z]+\d{2}CD$/],
    "--catchment-area",
    [provider, proportion],
  );
  const ai = csv.header.indexOf(area), pi = csv.header.indexOf(provider), vi = csv.header.indexOf(proportion);
  async function* rows(): AsyncGenerator<CatchmentRow> {
    for await (const { cells, line } of csv.rows) {
      const { provider: p, value } = providerCells(cells, pi, vi, { file, line, provider, value: proportion, what: "proportion" });
      const a = cells[ai].trim();
      if (a === "") throw new InputError(file, "empty area code", { line, field: area });
      yield { area: a, provider: p, proportion: value, line };
    }
  }
  return { file, columns: { area, provider, proportion }, rows: rows() };
}
