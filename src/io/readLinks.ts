import { InputError } from "../errors.js";
import type { Link } from "../model/types.js";
import { readCsv } from "./readCsv.js";

/**
 * Reads extra adjacencies (ferries, bridges) from a CSV `unit_a,unit_b[,kind,note]`; without
 * those names, the first two columns are the pair. A file must start with a header: when `units`
 * is given and a cell of the first row is one of its unit codes, the file is refused (its first
 * link would otherwise be read as the header and lost). A link from a unit to itself is refused too.
 *
 * @param units the unit codes of the boundaries, to recognise a missing header
 * @example
 * await readLinks("ccg16_links.csv", units.index); // [{ a: "E38000087", b: "E38000167", kind: "ferry", line: 2 }]
 */
export async function readLinks(file: string, units?: { has(id: string): boolean }): Promise<Link[]> {
  const { header, rows } = await readCsv(file);
  if (header.length < 2) throw new InputError(file, "needs two columns, unit_a and unit_b", { line: 1 });
  const hasNames = header.includes("unit_a") && header.includes("unit_b");
  const unitInHeader = hasNames || !units ? undefined : header.slice(0, 2).find((h) => units.has(h));
  if (unitInHeader !== undefined) {
    throw new InputError(file, `the first row names unit "${unitInHeader}", so it is a link, not a header; add a first line "unit_a,unit_b"`, { line: 1 });
  }
  const ai = header.includes("unit_a") ? header.indexOf("unit_a") : 0;
  const bi = header.includes("unit_b") ? header.indexOf("unit_b") : 1;
  const ki = header.indexOf("kind"), ni = header.indexOf("note");
  return rows.map(({ cells, line }) => {
    const a = cells[ai].trim(), b = cells[bi].trim();
    if (a === "" || b === "") throw new InputError(file, "a link needs two unit codes", { line });
    if (a === b) throw new InputError(file, `links "${a}" to itself; a link joins two different units`, { line });
    const link: Link = { a, b, line };
    if (ki >= 0 && cells[ki]) link.kind = cells[ki];
    if (ni >= 0 && cells[ni]) link.note = cells[ni];
    return link;
  });
}
