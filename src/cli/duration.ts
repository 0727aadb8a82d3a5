import { UsageError } from "../errors.js";

/**
 * Parses a duration: "60s", "2m", "1h", "500ms" or a plain number of seconds. Returns
 * milliseconds; zero, negative and malformed values are usage errors naming the option.
 */
export function parseDuration(text: string, option: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|min|h)?\s*$/.exec(text);
  if (!m) throw new UsageError(`"${text}" is not a duration (like 60s, 2m or 500ms)`, option);
  const value = Number(m[1]);
  const unit = m[2] ?? "s";
  const ms = value * (unit === "ms" ? 1 : unit === "s" ? 1000 : unit === "h" ? 3_600_000 : 60_000);
  if (!(ms > 0)) throw new UsageError("must be more than 0", option);
  if (ms > 7 * 24 * 3_600_000) throw new UsageError("must be at most a week", option);
  return ms;
}
