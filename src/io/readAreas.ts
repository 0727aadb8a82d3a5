import { InputError } from "../errors.js";
import type { AreaOverlap } from "../model/types.js";
import { detectColumn } from "./detectFields.js";
import { readCsv } from "./readCsv.js";
import { parseNumber } from "./parseNumber.js";
import { unitColumnPreferences } from "./readPopulation.js";

export interface AreaColumns {
  areaColumn?: string;
  /** The area name column (default: the code column's NM partner, e.g. LAD16NM, or area_name). */
  nameColumn?: string;
  unitColumn?: string;
  weightColumn?: string;
}

/**
 * Reads the overlap of a second geography (local authorities) with units: `area,unit,weight`
 * (e.g. CCG16CD, LAD16CD, pop_mid2019). The weight says how much of the area lies in the unit:
 * a negative weight, or weights of an area summing beyond any number, are refused naming the line.
 * An area given two different names is refused, naming both lines.
 */
export async function readAreas(file: string, idField?: string, cols: AreaColumns = {}): Promise<AreaOverlap[]> {
  const { header, rows } = await readCsv(file);
  const unitCol = detectColumn(file, header, "unit", cols.unitColumn, unitColumnPreferences(idField), "--unit-column");
  const areaCol = detectColumn(file, header, "area", cols.areaColumn, ["area", "area_code", /^[A-Za-z]+\d{2}CD$/], "--area-column", [unitCol]);
  const weightCol = detectColumn(file, header, "weight", cols.weightColumn, ["weight", "value", /^pop/i, /population/i], "--weight-column", [unitCol, areaCol]);
  if (cols.nameColumn !== undefined && !header.includes(cols.nameColumn)) {
    throw new InputError(file, `has no column "${cols.nameColumn}" (the areas' nameColumn)`, { line: 1 });
  }
  const nameCol = cols.nameColumn ?? [areaCol.replace(/CD$/, "NM"), "area_name"].find((c) => c !== areaCol && header.includes(c));
  const ai = header.indexOf(areaCol), ui = header.indexOf(unitCol), wi = header.indexOf(weightCol);
  const ni = nameCol ? header.indexOf(nameCol) : -1;
  const totals = new Map<string, number>();
  const named = new Map<string, { name: string; line: number }>();
  return rows.map(({ cells, line }) => {
    const o: AreaOverlap = { area: cells[ai].trim(), unit: cells[ui].trim(), weight: parseNumber(cells[wi], file, line, weightCol) };
    if (o.weight < 0) throw new InputError(file, `weight ${o.weight} is negative`, { line, field: weightCol });
    const total = (totals.get(o.area) ?? 0) + o.weight;
    if (!Number.isFinite(total)) throw new InputError(file, `the weights of area "${o.area}" add up to more than a number can hold`, { line, field: weightCol });
    totals.set(o.area, total);
    const name = ni >= 0 ? cells[ni].trim() : "";
    if (name !== "") {
      const before = named.get(o.area);
      if (before && before.name !== name) throw new InputError(file, `area "${o.area}" is named "${before.name}" on line ${before.line} and "${name}" here; give each area one name`, { line, field: nameCol });
      if (!before) named.set(o.area, { name, line });
      o.name = name;
    }
    return o;
  });
}
