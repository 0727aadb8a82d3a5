import { InputError } from "../errors.js";
import { isPlainNumber } from "../options/plainNumber.js";

/**
 * Parses a numeric cell strictly: "1234", "1234.5", "1e6". Thousands separators ("1,234"),
 * inner spaces, "NaN" and "Infinity" are refused with an InputError naming the file, line and
 * column, because silently reading "1,234" as 1 would be worse than stopping.
 */
export function parseNumber(text: string, file: string, line: number, column: string): number {
  const t = text.trim();
  if (!isPlainNumber(t)) {
    const hint = /^\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)
      ? " (remove the thousands separators)"
      : /\d\s+\d/.test(t)
        ? " (remove the spaces)"
        : "";
    const shown = t === "" ? "an empty cell" : `"${t.length > 30 ? t.slice(0, 30) + "..." : t}"`;
    throw new InputError(file, `${shown} is not a number${hint}`, { line, field: column });
  }
  const value = Number(t);
  if (!Number.isFinite(value)) throw new InputError(file, `"${t}" is too large a number`, { line, field: column });
  return value;
}
