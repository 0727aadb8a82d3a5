/**
 * Deterministic CSV text: "\n" line endings, a trailing newline, fields quoted only when needed.
 */

/** Quotes a field holding a comma, a quote or a line break (RFC 4180). */
function field(value: string | number): string {
  const s = typeof value === "number" ? String(value) : value;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * Formats a header and rows as CSV text.
 *
 * @example
 * formatCsv(["unit", "population"], [["D00000001", 1234]]); // "unit,population\nD00000001,1234\n"
 */
export function formatCsv(header: string[], rows: (string | number)[][]): string {
  return [header, ...rows].map((row) => row.map(field).join(",")).join("\n") + "\n";
}
