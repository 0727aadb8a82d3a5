import { InputError } from "../errors.js";
import type { Units } from "./types.js";

/** A data problem found while joining a table to the units; `validate` reports these as findings. */
export interface DataIssue {
  rule: string;
  severity: "error" | "warning";
  message: string;
  file?: string;
  line?: number;
  units?: string[];
}

/** More people than live on Earth: a unit above this is a data error (a unit slip, a pasted total). */
const maxPopulation = 1e10;

/**
 * Joins population rows to units: one value per unit, NaN where a unit has none.
 * Reports units without a row, rows for unknown units, duplicate rows, negative and
 * fractional values.
 * @throws InputError naming the file when no row names a unit of the boundaries (a header only,
 *   another vintage's codes, the wrong column): there is nothing to report per unit then.
 */
export function joinPopulation(
  units: Units,
  rows: readonly { unit: string; value: number; line?: number }[],
  file?: string,
): { population: Float64Array; issues: DataIssue[] } {
  const population = new Float64Array(units.ids.length).fill(NaN);
  const issues: DataIssue[] = [];
  const firstLine = new Map<number, number | undefined>();
  for (const r of rows) {
    const i = units.index.get(r.unit);
    if (i === undefined) {
      issues.push({ rule: "population-unknown-unit", severity: "warning", message: `population row for "${r.unit}", which is not a unit of the boundaries`, file, line: r.line, units: [r.unit] });
      continue;
    }
    if (firstLine.has(i)) {
      issues.push({ rule: "population-duplicate", severity: "error", message: `unit "${r.unit}" has a second population row (first at line ${firstLine.get(i)})`, file, line: r.line, units: [r.unit] });
      continue;
    }
    firstLine.set(i, r.line);
    if (r.value > maxPopulation) {
      issues.push({ rule: "population-implausible", severity: "error", message: `unit "${r.unit}" has an implausible population (${r.value}, more than ${maxPopulation})`, file, line: r.line, units: [r.unit] });
    } else if (r.value < 0) {
      issues.push({ rule: "population-negative", severity: "error", message: `unit "${r.unit}" has a negative population (${r.value})`, file, line: r.line, units: [r.unit] });
    } else if (!Number.isInteger(r.value)) {
      issues.push({ rule: "population-not-integer", severity: "warning", message: `unit "${r.unit}" has a fractional population (${r.value})`, file, line: r.line, units: [r.unit] });
    }
    population[i] = r.value;
  }
  if (firstLine.size === 0) {
    const unknown = rows.find((r) => !units.index.has(r.unit));
    const detail =
      rows.length === 0
        ? "has no population rows (only a header)"
        : `has no usable population row: none of its ${rows.length} row${rows.length === 1 ? "" : "s"} names a unit of the boundaries` +
          (unknown ? ` (${unknown.line !== undefined ? `line ${unknown.line}: ` : ""}"${clip(unknown.unit)}"; check the unit column and the codes' vintage)` : "");
    throw new InputError(file, detail);
  }
  const missing = units.ids.filter((_, i) => Number.isNaN(population[i]));
  if (missing.length) {
    const shown = missing.slice(0, 5).map((m) => `"${m}"`).join(", ") + (missing.length > 5 ? ` and ${missing.length - 5} more` : "");
    issues.push({ rule: "population-missing", severity: "error", message: `${missing.length} unit${missing.length > 1 ? "s have" : " has"} no population: ${shown}`, file, units: missing });
  }
  return { population, issues };
}

function clip(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}...` : s;
}

/** Sum of a population vector, ignoring NaN. */
export function totalPopulation(population: Float64Array): number {
  let t = 0;
  for (const v of population) if (!Number.isNaN(v)) t += v;
  return t;
}
