/** Formats an integer with thousands separators: 2869256 -> "2,869,256". */
export function formatInt(n: number): string {
  return Number.isFinite(n) ? Math.round(n).toLocaleString("en-GB") : String(n);
}

/** Formats a share as a percentage with one decimal: 0.0512 -> "5.1%". */
export function formatPercent(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}
