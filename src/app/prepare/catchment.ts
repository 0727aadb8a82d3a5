import { InputError } from "../../errors.js";
import type { CatchmentStream } from "../../io/readCatchment.js";
import type { Lookup } from "../../io/readLookup.js";
import { countedFinding, type Example } from "../../model/countedFinding.js";
import { formatInt } from "../../model/format.js";
import type { Finding } from "../../model/types.js";
import type { UnitTable } from "./unitTable.js";

/** A provider's catchment population in one unit. */
export interface CatchmentOut {
  provider: string;
  unit: string;
  /** Σ over the unit's small areas of population × the proportion of their catchment area. */
  value: number;
  shareOfProvider: number;
  shareOfUnit: number;
}

/** Proportions of one catchment area may add up to this much above 1 (rounding in the source). */
export const proportionSlack = 1e-6;

/**
 * Carries catchment proportions down to the small areas and sums them into units (PHE/OHID's
 * "catchment population" method): for a small area with population p in catchment area m,
 * provider t gets p × proportion(m, t), summed over the small areas of each unit, exactly (no
 * rounding until written). The catchment areas are a column of the lookup (`level`: MSOA11CD for
 * MSOA proportions, the small-area column itself for proportions by small area).
 *
 * Rows naming an area that is not in that column are reported with counts and examples, as are
 * areas of the lookup without any row (their people count for no provider); proportions of one area
 * summing above 1 are errors; repeated (area, provider) rows are added together, with a warning.
 */
export async function aggregateCatchment(
  stream: CatchmentStream,
  lookup: Lookup,
  level: string,
  table: UnitTable,
): Promise<{ rows: CatchmentOut[]; providers: number; findings: Finding[] }> {
  const li = lookup.header.indexOf(level);
  if (li < 0) throw new InputError(lookup.file, `has no column "${level}" (--catchment-level)`, { line: 1 });
  const levelOf = table.smallAreas.map((_, a) => lookup.rows[table.smallAreaRow[a]].cells[li].trim());
  const known = new Set(levelOf);

  const providerIndex = new Map<string, number>();
  const providers: string[] = [];
  const byArea = new Map<string, { providers: number[]; proportions: number[]; sum: number; line: number }>();
  const unknown = new Map<string, number>();
  const duplicate: Example[] = [];
  for await (const r of stream.rows) {
    if (!known.has(r.area)) {
      if (!unknown.has(r.area)) unknown.set(r.area, r.line);
      continue;
    }
    let p = providerIndex.get(r.provider);
    if (p === undefined) {
      providerIndex.set(r.provider, (p = providers.length));
      providers.push(r.provider);
    }
    let e = byArea.get(r.area);
    if (!e) byArea.set(r.area, (e = { providers: [], proportions: [], sum: 0, line: r.line }));
    const k = e.providers.indexOf(p);
    if (k >= 0) {
      e.proportions[k] += r.proportion;
      duplicate.push({ code: `${r.area} ${r.provider}`, line: r.line });
    } else {
      e.providers.push(p);
      e.proportions.push(r.proportion);
    }
    e.sum += r.proportion;
  }

  const findings: Finding[] = [];
  const file = stream.file;
  if (byArea.size === 0) {
    findings.push({
      rule: "catchment-no-match",
      severity: "error",
      message: `no row of the catchment file names an area of the lookup's ${level} column (${unknown.size} areas named, e.g. ${[...unknown.keys()].slice(0, 3).join(", ")})`,
      file,
      suggestion: "name the lookup column that holds the catchment's areas with --catchment-level",
    });
  } else if (unknown.size) {
    findings.push(
      countedFinding(
        "catchment-unknown-area",
        "warning",
        [`catchment area is not in the lookup's ${level} column (its rows are left out)`, `catchment areas are not in the lookup's ${level} column (their rows are left out)`],
        [...unknown].map(([code, line]) => ({ code, line })),
        file,
      ),
    );
  }
  if (duplicate.length) findings.push(countedFinding("catchment-duplicate", "warning", ["(area, provider) pair has a second row (added together)", "(area, provider) pairs have a second row (added together)"], duplicate, file));
  const over: Example[] = [];
  for (const [area, e] of byArea) if (e.sum > 1 + proportionSlack) over.push({ code: area, line: e.line, detail: `sums to ${e.sum.toFixed(4)}` });
  if (over.length) {
    findings.push(
      countedFinding("catchment-over-one", "error", ["catchment area has proportions summing above 1", "catchment areas have proportions summing above 1"], over, file, {
        suggestion: "each area's proportions are shares of its patients, at most 1 in all: is a column of counts or percentages named as proportions?",
      }),
    );
  }
  const missing = new Map<string, { people: number; line: number }>();
  table.smallAreas.forEach((_, a) => {
    if (table.smallAreaUnit[a] < 0 || byArea.has(levelOf[a])) return;
    const m = missing.get(levelOf[a]) ?? { people: 0, line: lookup.rows[table.smallAreaRow[a]].line };
    const p = table.smallAreaPopulation[a];
    m.people += Number.isNaN(p) ? 0 : p;
    missing.set(levelOf[a], m);
  });
  if (missing.size) {
    let people = 0;
    for (const m of missing.values()) people += m.people;
    findings.push(
      countedFinding(
        "catchment-missing",
        "warning",
        [`${level} area of the lookup has no catchment row (${formatInt(people)} people count for no provider)`, `${level} areas of the lookup have no catchment row (${formatInt(people)} people count for no provider)`],
        [...missing].map(([code, m]) => ({ code: code === "" ? "(empty)" : code, line: m.line })),
        lookup.file,
      ),
    );
  }

  // Aggregate: key provider * units + unit.
  const nUnits = table.unitIds.length;
  const acc = new Map<number, number>();
  table.smallAreas.forEach((_, a) => {
    const u = table.smallAreaUnit[a];
    const pop = table.smallAreaPopulation[a];
    const e = byArea.get(levelOf[a]);
    if (u < 0 || !e || Number.isNaN(pop)) return;
    for (let k = 0; k < e.providers.length; k++) {
      const key = e.providers[k] * nUnits + u;
      acc.set(key, (acc.get(key) ?? 0) + pop * e.proportions[k]);
    }
  });
  const providerTotal = new Float64Array(providers.length);
  for (const [key, v] of acc) providerTotal[Math.floor(key / nUnits)] += v;
  const rows: CatchmentOut[] = [];
  for (const [key, value] of acc) {
    const p = Math.floor(key / nUnits), u = key - p * nUnits;
    if (value === 0) continue;
    const pop = table.population[u];
    rows.push({ provider: providers[p], unit: table.unitIds[u], value, shareOfProvider: value / providerTotal[p], shareOfUnit: pop > 0 ? value / pop : 0 });
  }
  rows.sort((x, y) => (x.provider < y.provider ? -1 : x.provider > y.provider ? 1 : y.value - x.value || (x.unit < y.unit ? -1 : 1)));
  const withRows = new Set(rows.map((r) => r.provider));
  const silent = providers.filter((p) => !withRows.has(p));
  if (silent.length) {
    findings.push(countedFinding("catchment-provider-empty", "warning", ["provider has no catchment population in any unit", "providers have no catchment population in any unit"], silent.map((code) => ({ code })), file));
  }
  return { rows, providers: withRows.size, findings };
}
