import { InputError } from "../errors.js";
import { detectColumn } from "./detectFields.js";
import { parseNumber } from "./parseNumber.js";
import { readCsv } from "./readCsv.js";

/** Where a provider is: one row of a provider sites CSV. */
export interface ProviderSite {
  provider: string;
  name: string;
  /** Longitude (or projected x, for projected datasets). */
  lon: number;
  /** Latitude (or projected y). */
  lat: number;
  line: number;
}

export interface ProviderSiteColumns {
  providerColumn?: string;
  lonColumn?: string;
  latColumn?: string;
}

/**
 * Reads provider locations from a CSV `provider,lon,lat[,name]`. Columns are detected
 * (`provider`, `trust_code`, `code`...; `lon`/`lng`/`longitude`/`x`; `lat`/`latitude`/`y`) or named.
 * A provider listed twice keeps its first site; rows without coordinates (empty or `NA`) are left out.
 *
 * @example
 * await readProviderSites("nhs_trusts_2022_locations.csv"); // [{ provider: "R0A", lon: -2.2, lat: 53.5, ... }]
 */
export async function readProviderSites(file: string, cols: ProviderSiteColumns = {}): Promise<ProviderSite[]> {
  const { header, rows } = await readCsv(file);
  const providerCol = detectColumn(file, header, "provider", cols.providerColumn, ["provider", "provider_code", "trust_code", "org_code", "code", "id"], "--provider-column");
  const lonCol = detectColumn(file, header, "longitude", cols.lonColumn, ["lon", "lng", "long", "longitude", "x"], "--lon-column");
  const latCol = detectColumn(file, header, "latitude", cols.latColumn, ["lat", "latitude", "y"], "--lat-column");
  const nameCol = ["name", "provider_name", "trust_name"].find((c) => header.includes(c));
  const pi = header.indexOf(providerCol), xi = header.indexOf(lonCol), yi = header.indexOf(latCol);
  const ni = nameCol ? header.indexOf(nameCol) : -1;
  const seen = new Set<string>();
  const out: ProviderSite[] = [];
  for (const { cells, line } of rows) {
    const provider = cells[pi].trim();
    if (provider === "") throw new InputError(file, "empty provider code", { line, field: providerCol });
    if (seen.has(provider)) continue;
    seen.add(provider);
    // A site not geocoded ("" or NA) is left out: the map lists such providers as not located.
    if (isMissing(cells[xi]) || isMissing(cells[yi])) continue;
    const lon = parseNumber(cells[xi], file, line, lonCol);
    const lat = parseNumber(cells[yi], file, line, latCol);
    out.push({ provider, name: ni >= 0 ? cells[ni].trim() : "", lon, lat, line });
  }
  return out;
}

function isMissing(cell: string): boolean {
  const t = cell.trim();
  return t === "" || t.toUpperCase() === "NA";
}

/**
 * The provider sites of a dataset: the file given on the command line (columns detected), else
 * the manifest's `providerSites` with its column names; null when there is neither.
 */
export async function datasetProviderSites(
  spec: { providerSites?: string; providerSiteColumn?: string; providerSiteLonColumn?: string; providerSiteLatColumn?: string },
  file?: string,
): Promise<ProviderSite[] | null> {
  if (file !== undefined) return readProviderSites(file);
  if (spec.providerSites === undefined) return null;
  return readProviderSites(spec.providerSites, { providerColumn: spec.providerSiteColumn, lonColumn: spec.providerSiteLonColumn, latColumn: spec.providerSiteLatColumn });
}
