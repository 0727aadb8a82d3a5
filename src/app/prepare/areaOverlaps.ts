import type { Lookup } from "../../io/readLookup.js";
import { countedFinding, type Example } from "../../model/countedFinding.js";
import type { Finding } from "../../model/types.js";
import type { UnitTable } from "./unitTable.js";

/** The population of one (area, unit) overlap of a second geography with the units. */
export interface AreaOverlapOut {
  area: string;
  name: string;
  unit: string;
  population: number;
  smallAreas: number;
}

/**
 * How a second geography (local authorities) overlaps the units, weighted by population: the sum
 * of the small areas in each (area, unit) pair. Written as the `areas` table of the split-area rule.
 */
export function areaOverlaps(lookup: Lookup, table: UnitTable): { rows: AreaOverlapOut[]; findings: Finding[] } {
  const c = lookup.columns;
  if (c.splitArea === undefined) return { rows: [], findings: [] };
  const ai = lookup.header.indexOf(c.splitArea);
  const ni = c.splitAreaName ? lookup.header.indexOf(c.splitAreaName) : -1;
  const pairs = new Map<string, AreaOverlapOut>();
  const empty: Example[] = [];
  table.smallAreas.forEach((code, a) => {
    const u = table.smallAreaUnit[a];
    if (u < 0) return;
    const row = lookup.rows[table.smallAreaRow[a]];
    const area = row.cells[ai].trim();
    if (area === "") {
      empty.push({ code, line: row.line });
      return;
    }
    const unit = table.unitIds[u];
    const key = `${area}\u0000${unit}`;
    let o = pairs.get(key);
    if (!o) pairs.set(key, (o = { area, name: ni >= 0 ? row.cells[ni].trim() : "", unit, population: 0, smallAreas: 0 }));
    const p = table.smallAreaPopulation[a];
    o.population += Number.isNaN(p) ? 0 : p;
    o.smallAreas++;
  });
  const rows = [...pairs.values()].sort((x, y) => (x.unit < y.unit ? -1 : x.unit > y.unit ? 1 : y.population - x.population || (x.area < y.area ? -1 : 1)));
  const findings: Finding[] = [];
  if (empty.length) findings.push(countedFinding("lookup-missing-area", "warning", [`small area has no ${c.splitArea}`, `small areas have no ${c.splitArea}`], empty, lookup.file));
  return { rows, findings };
}
