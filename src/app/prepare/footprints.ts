import type { Lookup } from "../../io/readLookup.js";
import { countedFinding, type Example } from "../../model/countedFinding.js";
import { formatInt, formatPercent } from "../../model/format.js";
import type { Finding } from "../../model/types.js";
import type { UnitTable } from "./unitTable.js";

/** A unit's footprint in the prepared plan. */
export interface PlanRowOut {
  unit: string;
  footprint: string;
  name: string;
}

/**
 * The plan a lookup implies: each unit in the footprint holding most of its population (ties: more
 * small areas, then the lower code). A unit whose small areas lie in several footprints is a
 * warning naming the shares (NHS Cumbria CCG in 2016); small areas with an empty footprint cell
 * are left out of the choice, with a warning.
 */
export function primaryFootprints(lookup: Lookup, table: UnitTable): { rows: PlanRowOut[]; names: Map<string, string>; findings: Finding[] } {
  const c = lookup.columns;
  if (c.footprint === undefined) return { rows: [], names: new Map(), findings: [] };
  const fi = lookup.header.indexOf(c.footprint);
  const ni = c.footprintName ? lookup.header.indexOf(c.footprintName) : -1;
  const names = new Map<string, string>();
  const perUnit: Map<string, { population: number; areas: number }>[] = table.unitIds.map(() => new Map());
  const empty: Example[] = [];
  table.smallAreas.forEach((code, a) => {
    const u = table.smallAreaUnit[a];
    if (u < 0) return;
    const row = lookup.rows[table.smallAreaRow[a]];
    const f = row.cells[fi].trim();
    if (f === "") {
      empty.push({ code, line: row.line });
      return;
    }
    if (ni >= 0 && !names.has(f)) names.set(f, row.cells[ni].trim());
    const e = perUnit[u].get(f) ?? { population: 0, areas: 0 };
    const p = table.smallAreaPopulation[a];
    e.population += Number.isNaN(p) ? 0 : p;
    e.areas++;
    perUnit[u].set(f, e);
  });
  const findings: Finding[] = [];
  if (empty.length) findings.push(countedFinding("lookup-missing-footprint", "warning", [`small area has no ${c.footprint}`, `small areas have no ${c.footprint}`], empty, lookup.file));
  const rows: PlanRowOut[] = [];
  const unplaced: Example[] = [];
  table.unitIds.forEach((unit, u) => {
    const parts = [...perUnit[u].entries()].sort((x, y) => y[1].population - x[1].population || y[1].areas - x[1].areas || (x[0] < y[0] ? -1 : 1));
    if (parts.length === 0) {
      unplaced.push({ code: unit });
      return;
    }
    rows.push({ unit, footprint: parts[0][0], name: names.get(parts[0][0]) ?? "" });
    if (parts.length > 1) {
      const total = parts.reduce((s, [, e]) => s + e.population, 0);
      const label = (f: string) => (names.get(f) ? `${f} (${names.get(f)})` : f);
      const unitLabel = table.unitNames[u] ? `${unit} (${table.unitNames[u]})` : unit;
      findings.push({
        rule: "footprint-split",
        severity: "warning",
        message:
          `${unitLabel} lies in ${parts.length} footprints: ` +
          parts.map(([f, e]) => `${label(f)} ${formatPercent(total > 0 ? e.population / total : 0)} (${formatInt(e.population)} people, ${e.areas} small areas)`).join(", ") +
          `; the plan puts it in ${parts[0][0]}`,
        units: [unit],
        footprint: parts[0][0],
        file: lookup.file,
      });
    }
  });
  if (unplaced.length) findings.push(countedFinding("footprint-missing", "error", ["unit has no footprint", "units have no footprint"], unplaced, lookup.file));
  return { rows, names, findings };
}
