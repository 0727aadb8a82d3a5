import { InputError } from "../errors.js";
import type { Group } from "../model/types.js";
import { detectColumn } from "./detectFields.js";
import { readCsv } from "./readCsv.js";
import { unitColumnPreferences } from "./readPopulation.js";

/**
 * Reads keep-together groups: a CSV `group,unit`, one row per unit (columns detected: `group`,
 * `group_id`, `name`; the unit column as for other CSVs). A unit in two groups is refused, naming
 * both lines; a unit listed twice in one group is read once.
 * @example
 * await readGroups("groups.csv", "CCG16CD"); // [{ id: "Greater Manchester", units: [...], lines: [...] }]
 */
export async function readGroups(file: string, idField?: string): Promise<Group[]> {
  const { header, rows } = await readCsv(file);
  const unitCol = detectColumn(file, header, "unit", undefined, unitColumnPreferences(idField), "--groups");
  const groupCol = detectColumn(file, header, "group", undefined, ["group", "group_id", "group_name", "name", /group/i], "--groups", [unitCol]);
  const ui = header.indexOf(unitCol);
  const gi = header.indexOf(groupCol);
  const groups = new Map<string, Group>();
  const seen = new Map<string, { group: string; line: number }>();
  for (const { cells, line } of rows) {
    const unit = cells[ui].trim();
    const id = cells[gi].trim();
    if (unit === "") throw new InputError(file, "empty unit code", { line, field: unitCol });
    if (id === "") throw new InputError(file, `unit "${unit}" has an empty group`, { line, field: groupCol });
    const prior = seen.get(unit);
    if (prior) {
      if (prior.group === id) continue;
      throw new InputError(file, `puts "${unit}" in group "${id}", but line ${prior.line} puts it in group "${prior.group}": groups must not overlap`, { line });
    }
    seen.set(unit, { group: id, line });
    let g = groups.get(id);
    if (!g) groups.set(id, (g = { id, units: [], lines: [] }));
    g.units.push(unit);
    g.lines.push(line);
  }
  if (groups.size === 0) throw new InputError(file, "names no groups (the file has a header but no rows)");
  return [...groups.values()];
}
