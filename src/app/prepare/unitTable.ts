import { parseNumber } from "../../io/parseNumber.js";
import type { Lookup } from "../../io/readLookup.js";
import { countedFinding, type Example } from "../../model/countedFinding.js";
import { formatInt } from "../../model/format.js";
import type { Finding } from "../../model/types.js";

/** The small areas of a lookup grouped into units, with populations summed exactly. */
export interface UnitTable {
  /** Small-area codes, one per distinct code, in lookup order. */
  smallAreas: string[];
  /** Lookup row (index into lookup.rows) of each small area: its first row. */
  smallAreaRow: number[];
  /** Unit index of each small area, -1 when the lookup gives it none. */
  smallAreaUnit: Int32Array;
  /** Population of each small area, NaN when it has none. */
  smallAreaPopulation: Float64Array;
  /** Small-area code -> index. */
  smallAreaIndex: Map<string, number>;
  /** Unit codes, sorted. */
  unitIds: string[];
  /** Unit names ("" when the lookup has no name column). */
  unitNames: string[];
  unitIndex: Map<string, number>;
  /** Population of each unit: the sum over its small areas that have one. */
  population: Float64Array;
  /** Small areas in each unit. */
  smallAreaCount: Int32Array;
}

/** One small-area population value as read, with its line. */
export interface SmallAreaPopulation {
  unit: string;
  value: number;
  line?: number;
}

/**
 * Groups a lookup's small areas into units and sums their populations. Lookup rows repeating a small
 * area are errors (a small area counted twice would inflate its unit) unless the rows are
 * identical, which are read once with a warning; small areas without a unit are left out with a
 * warning; population rows naming no small area are reported, with their total, and never added
 * to a unit; small areas without a population and negative values are errors.
 *
 * @param population small-area populations: rows of a separate file, or a column of the lookup
 *   (read from each small area's first row; an empty cell is a missing population)
 */
export function buildUnitTable(
  lookup: Lookup,
  population: { rows: readonly SmallAreaPopulation[]; file: string } | { column: string },
): { table: UnitTable; findings: Finding[] } {
  const { header, rows, file } = lookup;
  const c = lookup.columns;
  const si = header.indexOf(c.smallArea), ui = header.indexOf(c.unit);
  const ni = c.unitName ? header.indexOf(c.unitName) : -1;
  const findings: Finding[] = [];

  const smallAreas: string[] = [];
  const smallAreaRow: number[] = [];
  const smallAreaIndex = new Map<string, number>();
  const unitOfArea: string[] = [];
  const unitNames = new Map<string, string>();
  const nameConflicts: Example[] = [];
  const conflicting: Example[] = [], repeated: Example[] = [], noUnit: Example[] = [], noCode: Example[] = [];
  rows.forEach((row, r) => {
    const code = row.cells[si].trim();
    if (code === "") {
      noCode.push({ code: "(empty)", line: row.line });
      return;
    }
    const unit = row.cells[ui].trim();
    const seen = smallAreaIndex.get(code);
    if (seen !== undefined) {
      const first = rows[smallAreaRow[seen]];
      const same = first.cells.every((cell, k) => cell.trim() === row.cells[k].trim());
      (same ? repeated : conflicting).push({ code, line: row.line, detail: `(first at line ${first.line})` });
      return;
    }
    smallAreaIndex.set(code, smallAreas.length);
    smallAreas.push(code);
    smallAreaRow.push(r);
    unitOfArea.push(unit);
    if (unit === "") {
      noUnit.push({ code, line: row.line });
      return;
    }
    const name = ni >= 0 ? row.cells[ni].trim() : "";
    const known = unitNames.get(unit);
    if (known === undefined) unitNames.set(unit, name);
    else if (known !== name && nameConflicts.length < 1000) nameConflicts.push({ code: unit, line: row.line, detail: `"${name}" (first "${known}")` });
  });
  if (noCode.length) findings.push(countedFinding("lookup-empty-code", "error", [`lookup row has no ${c.smallArea}`, `lookup rows have no ${c.smallArea}`], noCode, file));
  if (conflicting.length) {
    findings.push(
      countedFinding("lookup-duplicate", "error", ["small area is listed twice in the lookup, differently", "small areas are listed twice in the lookup, differently"], conflicting, file, {
        suggestion: "a small area must belong to one unit: remove the extra rows",
      }),
    );
  }
  if (repeated.length) findings.push(countedFinding("lookup-repeated", "warning", ["small area is listed twice with identical rows (read once)", "small areas are listed twice with identical rows (read once)"], repeated, file));
  if (noUnit.length) findings.push(countedFinding("lookup-missing-unit", "warning", [`small area has no ${c.unit} and is left out`, `small areas have no ${c.unit} and are left out`], noUnit, file));
  if (nameConflicts.length) findings.push(countedFinding("lookup-name-conflict", "warning", ["row names its unit differently from an earlier row (the first name is kept)", "rows name their unit differently from an earlier row (the first name is kept)"], nameConflicts, file));

  const unitIds = [...unitNames.keys()].sort();
  const unitIndex = new Map(unitIds.map((u, i) => [u, i]));
  const smallAreaUnit = new Int32Array(smallAreas.length);
  unitOfArea.forEach((u, a) => (smallAreaUnit[a] = u === "" ? -1 : unitIndex.get(u)!));
  const smallAreaCount = new Int32Array(unitIds.length);
  for (const u of smallAreaUnit) if (u >= 0) smallAreaCount[u]++;

  // Populations: one value per small area.
  const populationFile = "file" in population ? population.file : file;
  let populationRows: readonly SmallAreaPopulation[];
  if ("rows" in population) {
    populationRows = population.rows;
  } else {
    const pi = header.indexOf(population.column);
    const list: SmallAreaPopulation[] = [];
    smallAreas.forEach((code, a) => {
      const row = rows[smallAreaRow[a]];
      const cell = row.cells[pi];
      if (cell.trim() !== "") list.push({ unit: code, value: parseNumber(cell, file, row.line, population.column), line: row.line });
    });
    populationRows = list;
  }
  const smallAreaPopulation = new Float64Array(smallAreas.length).fill(NaN);
  const firstLine = new Map<number, number>();
  const unknown: Example[] = [], duplicate: Example[] = [], negative: Example[] = [];
  let unknownTotal = 0;
  for (const p of populationRows) {
    const a = smallAreaIndex.get(p.unit);
    if (a === undefined) {
      unknown.push({ code: p.unit, line: p.line });
      unknownTotal += p.value;
      continue;
    }
    const before = firstLine.get(a);
    if (before !== undefined) {
      if (before !== p.line) duplicate.push({ code: p.unit, line: p.line, detail: `(first at line ${before})` });
      continue;
    }
    firstLine.set(a, p.line ?? 0);
    if (p.value < 0) {
      negative.push({ code: p.unit, line: p.line, detail: String(p.value) });
      continue;
    }
    smallAreaPopulation[a] = p.value;
  }
  if (unknown.length) {
    findings.push(
      countedFinding("population-unknown-area", "warning", [`population row names no small area of the lookup (${formatInt(unknownTotal)} people left out)`, `population rows name no small area of the lookup (${formatInt(unknownTotal)} people left out)`], unknown, populationFile),
    );
  }
  if (duplicate.length) findings.push(countedFinding("population-duplicate", "error", ["small area has a second population row", "small areas have a second population row"], duplicate, populationFile));
  if (negative.length) findings.push(countedFinding("population-negative", "error", ["small area has a negative population", "small areas have a negative population"], negative, populationFile));
  const missing: Example[] = [];
  smallAreas.forEach((code, a) => {
    if (smallAreaUnit[a] >= 0 && Number.isNaN(smallAreaPopulation[a]) && firstLine.get(a) === undefined) missing.push({ code, line: rows[smallAreaRow[a]].line });
  });
  if (missing.length) {
    findings.push(
      countedFinding("population-missing", "error", ["small area of the lookup has no population", "small areas of the lookup have no population"], missing, file, {
        suggestion: `the population file must have a row for every small area (lines above are the lookup's)`,
      }),
    );
  }

  const unitPopulation = new Float64Array(unitIds.length);
  smallAreaUnit.forEach((u, a) => {
    const v = smallAreaPopulation[a];
    if (u >= 0 && !Number.isNaN(v)) unitPopulation[u] += v;
  });
  return {
    table: {
      smallAreas,
      smallAreaRow,
      smallAreaUnit,
      smallAreaPopulation,
      smallAreaIndex,
      unitIds,
      unitNames: unitIds.map((u) => unitNames.get(u) ?? ""),
      unitIndex,
      population: unitPopulation,
      smallAreaCount,
    },
    findings,
  };
}
