/** Formats an integer with thousands separators: 2869256 -> "2,869,256". */
export function formatInt(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  // By hand: toLocaleString goes through ICU and is slow in tables of thousands of rows.
  const digits = String(Math.abs(Math.round(n)));
  let out = "";
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += ",";
    out += digits[i];
  }
  return n < 0 && Math.round(n) !== 0 ? "-" + out : out;
}

/** Formats a share as a percentage with one decimal (or `digits`): 0.0512 -> "5.1%". */
export function formatPercent(x: number, digits = 1): string {
  return `${(x * 100).toFixed(digits)}%`;
}
