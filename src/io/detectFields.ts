import { InputError } from "../errors.js";

/** ONS codes: letters, two digits, `CD` (CCG16CD, LAD21CD, LSOA11CD). */
const onsCode = /^[A-Za-z]+\d{2}CD$/;
/** ONS names: letters, two digits, `NM`. */
const onsName = /^[A-Za-z]+\d{2}NM$/;

/**
 * Picks the property that identifies units: `requested` if given (it must exist), else the one
 * ONS-style code field (`XXX99CD`) whose values are unique, else `code` or `id`.
 * Several candidates are an error that lists them.
 *
 * @param fields  the available field names
 * @param unique  tells whether a field's values are all distinct and non-empty
 */
export function detectIdField(
  file: string,
  fields: string[],
  requested: string | undefined,
  unique: (field: string) => boolean,
  option = "--id-field",
): string {
  if (requested !== undefined) {
    if (!fields.includes(requested)) {
      throw new InputError(file, `has no field "${requested}" (${option}); fields are ${list(fields)}`);
    }
    return requested;
  }
  const ons = fields.filter((f) => onsCode.test(f));
  const uniqueOns = ons.filter(unique);
  if (uniqueOns.length === 1) return uniqueOns[0];
  if (uniqueOns.length > 1) {
    throw new InputError(file, `cannot tell which field is the unit id: ${list(uniqueOns)}; choose one with ${option}`);
  }
  if (ons.length === 1) return ons[0];
  for (const name of ["code", "id", "CODE", "ID", "Code", "Id"]) if (fields.includes(name)) return name;
  if (ons.length > 1) {
    throw new InputError(file, `cannot tell which field is the unit id: ${list(ons)}; choose one with ${option}`);
  }
  throw new InputError(file, `has no unit id field (like CCG16CD, code or id); fields are ${list(fields)}; choose one with ${option}`);
}

/**
 * Picks the name field: `requested` if given, else the ONS name matching the id field
 * (CCG16CD -> CCG16NM), else the one ONS name field, else `name`; undefined when none.
 */
export function detectNameField(
  file: string,
  fields: string[],
  idField: string,
  requested: string | undefined,
  option = "--name-field",
): string | undefined {
  if (requested !== undefined) {
    if (!fields.includes(requested)) {
      throw new InputError(file, `has no field "${requested}" (${option}); fields are ${list(fields)}`);
    }
    return requested;
  }
  const partner = idField.replace(/CD$/, "NM");
  if (partner !== idField && fields.includes(partner)) return partner;
  const ons = fields.filter((f) => onsName.test(f));
  if (ons.length === 1) return ons[0];
  for (const name of ["name", "NAME", "Name"]) if (fields.includes(name)) return name;
  return undefined;
}

/**
 * Picks a column by a list of preferences: exact names first, then patterns; `requested`
 * overrides. Returns undefined when nothing matches and `required` is false.
 */
export function detectColumn(
  file: string,
  header: string[],
  role: string,
  requested: string | undefined,
  prefer: (string | RegExp)[],
  option: string,
  exclude: string[] = [],
): string {
  if (requested !== undefined) {
    if (!header.includes(requested)) {
      throw new InputError(file, `has no column "${requested}" (${option}); columns are ${list(header)}`, { line: 1 });
    }
    return requested;
  }
  const free = header.filter((h) => !exclude.includes(h));
  for (const p of prefer) {
    const hits = typeof p === "string" ? free.filter((h) => h.toLowerCase() === p.toLowerCase()) : free.filter((h) => p.test(h));
    if (hits.length === 1) return hits[0];
    if (hits.length > 1) {
      throw new InputError(file, `cannot tell which column is the ${role}: ${list(hits)}; choose one with ${option}`, { line: 1 });
    }
  }
  throw new InputError(file, `has no ${role} column; columns are ${list(header)}; choose one with ${option}`, { line: 1 });
}

function list(names: string[]): string {
  return names.length ? names.map((n) => `"${n}"`).join(", ") : "(none)";
}
