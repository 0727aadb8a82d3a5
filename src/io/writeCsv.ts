import { isPlainNumber } from "../options/plainNumber.js";

/**
 * Formats a CSV cell: quoted when it holds a comma, quote or line break; and, because spreadsheet
 * programs run cells that begin with =, +, - or @ as formulas, such cells get a leading
 * apostrophe (the OWASP "CSV injection" advice) unless they are plain numbers like -12.5.
 */
export function csvCell(value: string | number): string {
  let s = String(value);
  // Apostrophes already in front are kept and one more is added, so reading (which drops one)
  // gives the value back exactly.
  if (/^'*[=+\-@\t\r]/.test(s) && !isPlainNumber(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Formats rows as CSV text with a header and "\n" line ends. */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const lines = [header.map(csvCell).join(",")];
  for (const r of rows) lines.push(r.map(csvCell).join(","));
  return lines.join("\n") + "\n";
}
