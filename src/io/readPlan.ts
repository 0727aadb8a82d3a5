import { InputError } from "../errors.js";
import type { Plan } from "../model/types.js";
import { detectColumn } from "./detectFields.js";
import { readCsv } from "./readCsv.js";
import { unitColumnPreferences } from "./readPopulation.js";

export interface PlanColumns {
  unitColumn?: string;
  footprintColumn?: string;
  nameColumn?: string;
}

/**
 * Reads a plan CSV mapping units to footprints (optionally a footprint name column). A unit
 * listed twice is kept twice, for `check` to report as an overlap. A footprint given two
 * different names on different rows is refused, naming both lines (empty names are no name).
 *
 * @example
 * await readPlan("plan.csv", "CCG16CD", { footprintColumn: "STP17CD_primary" });
 */
export async function readPlan(file: string, idField?: string, cols: PlanColumns = {}): Promise<Plan> {
  const { header, rows } = await readCsv(file);
  const unitCol = detectColumn(file, header, "unit", cols.unitColumn, unitColumnPreferences(idField), "--unit-column");
  const footprintCol = detectColumn(
    file,
    header,
    "footprint",
    cols.footprintColumn,
    ["footprint", "footprint_id", "footprint_code", "stp", "ics", /^(STP|ICS|ICB)\d{2}CD$/i, /footprint/i, /^[A-Za-z]+\d{2}CD$/],
    "--footprint-column",
    [unitCol],
  );
  let nameCol: string | undefined = cols.nameColumn;
  if (nameCol !== undefined) {
    if (!header.includes(nameCol)) {
      throw new InputError(file, `has no column "${nameCol}" (--footprint-name-column)`, { line: 1 });
    }
  } else {
    const partner = footprintCol.replace(/CD(?=(_|$))/, "NM");
    nameCol = [partner !== footprintCol ? partner : "", "footprint_name", "name"].find((c) => c && header.includes(c));
  }
  const ui = header.indexOf(unitCol), fi = header.indexOf(footprintCol);
  const ni = nameCol ? header.indexOf(nameCol) : -1;
  const plan: Plan = { rows: [], names: new Map(), source: file };
  const nameLine = new Map<string, number>();
  for (const { cells, line } of rows) {
    const unit = cells[ui].trim();
    const footprint = cells[fi].trim();
    if (unit === "") throw new InputError(file, "empty unit code", { line, field: unitCol });
    if (footprint === "") throw new InputError(file, `unit "${unit}" has an empty footprint`, { line, field: footprintCol });
    plan.rows.push({ unit, footprint, line, share: 1 });
    const name = ni >= 0 ? cells[ni].trim() : "";
    const before = plan.names.get(footprint);
    if (name !== "" && before && before !== name) {
      throw new InputError(file, `footprint "${footprint}" is named "${before}" on line ${nameLine.get(footprint)} and "${name}" here; give each footprint one name`, { line, field: nameCol });
    }
    if (ni >= 0 && !before) {
      plan.names.set(footprint, name);
      if (name !== "") nameLine.set(footprint, line);
    }
  }
  if (plan.rows.length === 0) throw new InputError(file, "names no units (the plan has a header but no rows)");
  return plan;
}
