import type { DataIssue } from "./population.js";
import type { Link, Units } from "./types.js";

/**
 * Joins link rows (ferries, bridges) to the units: the index pairs that count as adjacent, and a
 * `link-unknown-unit` issue (an error) for each row naming a code that is not a unit.
 * @example
 * joinLinks(units, [{ a: "E38000087", b: "E38000167", line: 2 }]).pairs; // [[86, 160]]
 */
export function joinLinks(units: Units, links: readonly Link[], file?: string): { pairs: [number, number][]; issues: DataIssue[] } {
  const pairs: [number, number][] = [];
  const issues: DataIssue[] = [];
  for (const l of links) {
    const a = units.index.get(l.a), b = units.index.get(l.b);
    if (a === undefined || b === undefined) {
      const bad = a === undefined ? l.a : l.b;
      issues.push({ rule: "link-unknown-unit", severity: "error", message: `link names "${bad}", which is not a unit of the boundaries`, file, line: l.line, units: [bad] });
      continue;
    }
    pairs.push([a, b]);
  }
  return { pairs, issues };
}
