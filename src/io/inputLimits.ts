import { InputError, UsageError } from "../errors.js";

/**
 * The kinds of input a reader takes, each with its own size limit:
 * - `boundaries`: a GeoJSON or TopoJSON file (boundaries, small-area polygons, or a plan drawn
 *   as polygons), or a Shapefile's .shp and .dbf; JSON is read whole into memory;
 * - `manifest`: a dataset manifest;
 * - `table`: a CSV kept in memory (population, plan, lock, groups, exceptions, links, areas,
 *   provider sites, provider names; prepare's lookup and small-area populations);
 * - `providers`: the provider CSV, and prepare's catchment proportions, streamed and aggregated
 *   (16 bytes a row);
 * - `record`: one row of any CSV.
 */
export type InputKind = "boundaries" | "manifest" | "table" | "providers" | "record";

const MiB = 1024 * 1024;

/** Default limits in bytes (documented in the README's "Reliability" section). */
export const defaultInputLimits: Readonly<Record<InputKind, number>> = {
  boundaries: 256 * MiB,
  manifest: 1 * MiB,
  table: 32 * MiB,
  providers: 128 * MiB,
  record: 1 * MiB,
};

/** JSON is decoded to one string, and V8's strings hold at most 2^29 - 24 characters. */
const maxJsonBytes = 512 * MiB;

/** The environment variable that sets each limit. */
export const inputLimitVariables: Readonly<Record<InputKind, string>> = {
  boundaries: "STP_FOOTPRINT_MAX_BOUNDARIES",
  manifest: "STP_FOOTPRINT_MAX_MANIFEST",
  table: "STP_FOOTPRINT_MAX_TABLE",
  providers: "STP_FOOTPRINT_MAX_PROVIDERS",
  record: "STP_FOOTPRINT_MAX_RECORD",
};

const names: Readonly<Record<InputKind, string>> = {
  boundaries: "boundary files",
  manifest: "manifests",
  table: "tables",
  providers: "provider files",
  record: "one CSV row",
};

let limits: Record<InputKind, number> = { ...defaultInputLimits };

/** The size limit of a kind of input, in bytes. */
export function inputLimit(kind: InputKind): number {
  return limits[kind];
}

/**
 * Sets the limits from environment variables (STP_FOOTPRINT_MAX_BOUNDARIES=1G, ...), the others
 * back to their defaults. A value is a number of bytes with an optional K, M or G (powers of 1024).
 *
 * @throws UsageError naming the variable for a value that is not a size, or JSON over 512M
 * @example
 * setInputLimits({ STP_FOOTPRINT_MAX_TABLE: "512M" });
 */
export function setInputLimits(env: Readonly<Record<string, string | undefined>>): void {
  const next = { ...defaultInputLimits };
  for (const kind of Object.keys(inputLimitVariables) as InputKind[]) {
    const variable = inputLimitVariables[kind];
    const text = env[variable];
    if (text === undefined || text.trim() === "") continue;
    const m = /^\s*(\d+(?:\.\d+)?)\s*(?:([KMG])(?:i?B)?|B)?\s*$/i.exec(text);
    const bytes = m ? Math.floor(Number(m[1]) * (m[2] ? 1024 ** (1 + "KMG".indexOf(m[2].toUpperCase())) : 1)) : NaN;
    if (!(bytes >= 1)) throw new UsageError(`"${text.slice(0, 40)}" is not a size (like 512M or 2G)`, variable);
    next[kind] = bytes;
    if ((kind === "boundaries" || kind === "manifest") && next[kind] > maxJsonBytes) {
      throw new UsageError("must be at most 512M: JSON files are read as one string, which cannot be longer", variable);
    }
  }
  limits = next;
}

/**
 * The error for an input over its limit, naming the file, the limit and how to raise it.
 * @param size the file's size, when known (a pipe or device has none)
 */
export function tooLarge(file: string, kind: InputKind, size?: number): InputError {
  const what = size === undefined ? `is larger than the ${formatBytes(limits[kind])} limit for ${names[kind]}` : `is ${formatBytes(size)}, over the ${formatBytes(limits[kind])} limit for ${names[kind]}`;
  return new InputError(file, `${what} (raise it with ${inputLimitVariables[kind]}=...)`);
}

/** A size in bytes for messages: "256 MiB", "1.5 GiB", "900 bytes". */
export function formatBytes(n: number): string {
  for (const [unit, size] of [["GiB", 1024 ** 3], ["MiB", MiB], ["KiB", 1024]] as const) {
    if (n >= size) return `${Math.round((n / size) * 10) / 10} ${unit}`;
  }
  return `${n} bytes`;
}
