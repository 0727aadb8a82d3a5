import { InputError } from "../errors.js";
import type { Lock } from "../model/types.js";
import { readPlan } from "./readPlan.js";

/**
 * Reads a lock file: a CSV `unit,footprint` of units that must stay in a footprint (the columns
 * are detected as for a plan). A row repeated exactly is read once; two rows putting one unit in
 * two footprints are refused, naming both lines.
 * @throws InputError for a conflicting row, or anything `readPlan` refuses
 * @example
 * await readLocks("locks.csv", "CCG16CD"); // [{ unit: "E38000079", footprint: "E54000025", line: 2 }]
 */
export async function readLocks(file: string, idField?: string): Promise<Lock[]> {
  const plan = await readPlan(file, idField);
  const seen = new Map<string, Lock>();
  for (const row of plan.rows) {
    const prior = seen.get(row.unit);
    if (prior) {
      if (prior.footprint === row.footprint) continue;
      throw new InputError(
        file,
        `locks "${row.unit}" to ${row.footprint}, but line ${prior.line} locks it to ${prior.footprint}`,
        { line: row.line },
      );
    }
    seen.set(row.unit, { unit: row.unit, footprint: row.footprint, line: row.line });
  }
  return [...seen.values()];
}
