import { InputError } from "../errors.js";
import { type CsvRow, readCsv } from "./readCsv.js";

/** Lookup columns as the user named them (undefined: detected or absent). */
export interface LookupColumnNames {
  /** The small-area code column; default the lookup's first column. */
  smallArea?: string;
  /** The grouping column: the units to plan with (required). */
  unit: string;
  unitName?: string;
  footprint?: string;
  footprintName?: string;
  /** A second geography (local authorities) for the split-area rule. */
  splitArea?: string;
  splitAreaName?: string;
}

/** A small-area lookup: one row per small area, with the resolved column positions (-1: absent). */
export interface Lookup {
  file: string;
  header: string[];
  rows: CsvRow[];
  /** The columns used: as named, or detected (the small-area column always resolved). */
  columns: LookupColumnNames & { smallArea: string };
}

/**
 * Reads a small-area lookup CSV (e.g. ONS "LSOA (2011) to CCG to LAD"): one row per small area,
 * columns naming the organisations it belongs to. Named columns must exist (a one-line error
 * listing the columns otherwise); a name column defaults to the code column's ONS partner
 * (CCG16CD -> CCG16NM) when the lookup has it.
 *
 * @example
 * const lookup = await readLookup("lsoa11_lookup.csv", { unit: "CCG16CD", footprint: "STP17CD" });
 */
export async function readLookup(file: string, names: LookupColumnNames): Promise<Lookup> {
  const { header, rows } = await readCsv(file);
  const need = (column: string, option: string): string => {
    if (!header.includes(column)) {
      throw new InputError(file, `has no column "${column}" (${option}); columns are ${header.map((h) => `"${h}"`).join(", ")}`, { line: 1 });
    }
    return column;
  };
  const partner = (code: string | undefined, requested: string | undefined, option: string): string | undefined => {
    if (requested !== undefined) return need(requested, option);
    if (code === undefined) return undefined;
    const nm = code.replace(/CD$/, "NM");
    return nm !== code && header.includes(nm) ? nm : undefined;
  };
  const smallArea = names.smallArea !== undefined ? need(names.smallArea, "--small-area") : header[0];
  const unit = need(names.unit, "--unit");
  const footprint = names.footprint !== undefined ? need(names.footprint, "--footprint") : undefined;
  const splitArea = names.splitArea !== undefined ? need(names.splitArea, "--split-area") : undefined;
  if (splitArea !== undefined && splitArea === unit) throw new InputError(file, `the split-area column "${splitArea}" is the unit column`, { field: splitArea });
  return {
    file,
    header,
    rows,
    columns: {
      smallArea,
      unit,
      unitName: partner(unit, names.unitName, "--unit-name"),
      footprint,
      footprintName: partner(footprint, names.footprintName, "--footprint-name"),
      splitArea,
      splitAreaName: partner(splitArea, names.splitAreaName, "--split-area-name"),
    },
  };
}
