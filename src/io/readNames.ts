import { InputError } from "../errors.js";
import { detectColumn } from "./detectFields.js";
import { readCsv } from "./readCsv.js";

export interface NameColumns {
  /** The code column (default: detected). */
  codeColumn?: string;
  /** The name column (default: detected). */
  nameColumn?: string;
}

/**
 * Reads a code-to-name table from a CSV, e.g. provider names from `trust_code,trust_name,...`.
 * Columns are detected (`provider`, `trust_code`, `code`...; `name`, `provider_name`,
 * `trust_name`...) or named. A code given two different names is refused, naming both lines; a
 * code repeated with the same name, or with an empty name, is read once.
 *
 * @param what what the codes are, for messages ("provider")
 * @example
 * await readNames("nhs_trusts_2022_locations.csv", "provider"); // Map { "R0A" => "Manchester University NHS Foundation Trust", ... }
 */
export async function readNames(file: string, what: string, cols: NameColumns = {}, option = "--provider-names"): Promise<Map<string, string>> {
  const { header, rows } = await readCsv(file);
  const codeCol = detectColumn(file, header, what, cols.codeColumn, [what, `${what}_code`, "trust_code", "org_code", "code", "id", /_code$/i, /^[A-Za-z]+\d{2}CD$/], option);
  const nameCol = detectColumn(file, header, "name", cols.nameColumn, ["name", `${what}_name`, "trust_name", "org_name", /_name$/i, /^[A-Za-z]+\d{2}NM$/], option, [codeCol]);
  const ci = header.indexOf(codeCol), ni = header.indexOf(nameCol);
  const names = new Map<string, string>();
  const lineOf = new Map<string, number>();
  for (const { cells, line } of rows) {
    const code = cells[ci].trim(), name = cells[ni].trim();
    if (code === "" || name === "") continue;
    const before = names.get(code);
    if (before !== undefined && before !== name) {
      throw new InputError(file, `${what} "${code}" is named "${before}" on line ${lineOf.get(code)} and "${name}" here; give each code one name`, { line, field: nameCol });
    }
    if (before === undefined) {
      names.set(code, name);
      lineOf.set(code, line);
    }
  }
  return names;
}
