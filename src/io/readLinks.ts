import { InputError } from "../errors.js";
import type { Link } from "../model/types.js";
import { readCsv } from "./readCsv.js";

/**
 * Reads extra adjacencies (ferries, bridges) from a CSV `unit_a,unit_b[,kind,note]`; without
 * those names, the first two columns are the pair.
 */
export async function readLinks(file: string): Promise<Link[]> {
  const { header, rows } = await readCsv(file);
  if (header.length < 2) throw new InputError(file, "needs two columns, unit_a and unit_b", { line: 1 });
  const ai = header.includes("unit_a") ? header.indexOf("unit_a") : 0;
  const bi = header.includes("unit_b") ? header.indexOf("unit_b") : 1;
  const ki = header.indexOf("kind"), ni = header.indexOf("note");
  return rows.map(({ cells, line }) => {
    const a = cells[ai].trim(), b = cells[bi].trim();
    if (a === "" || b === "") throw new InputError(file, "a link needs two unit codes", { line });
    const link: Link = { a, b, line };
    if (ki >= 0 && cells[ki]) link.kind = cells[ki];
    if (ni >= 0 && cells[ni]) link.note = cells[ni];
    return link;
  });
}
