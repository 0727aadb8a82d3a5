import type { Finding } from "./types.js";

/** One example of a counted problem: a code, where it is, and what is wrong with it. */
export interface Example {
  code: string;
  line?: number;
  detail?: string;
}

/** Examples a counted finding names before "and N more". */
export const shownExamples = 5;

/**
 * One finding for many rows with the same problem (rows that did not join, areas without a value):
 * the count, what they are, and the first few examples with their lines, so nothing is dropped
 * silently and a report of 30,000 unjoined rows is still one line. The finding's line is the
 * first example's, for annotations.
 *
 * @param what the problem after the count, singular and plural
 * @example
 * countedFinding("population-unknown-area", "warning",
 *   ["population row names no small area of the lookup", "population rows name no small area of the lookup"],
 *   [{ code: "W01000001", line: 14 }], "pop.csv");
 * // "1 population row names no small area of the lookup: W01000001 (line 14)"
 */
export function countedFinding(
  rule: string,
  severity: "error" | "warning",
  what: readonly [string, string],
  examples: readonly Example[],
  file?: string,
  extra: Partial<Finding> = {},
): Finding {
  const shown = examples
    .slice(0, shownExamples)
    .map((e) => `${e.code}${e.detail ? ` ${e.detail}` : ""}${e.line !== undefined ? ` (line ${e.line})` : ""}`)
    .join(", ");
  const more = examples.length > shownExamples ? ` and ${examples.length - shownExamples} more` : "";
  const f: Finding = { rule, severity, message: `${examples.length} ${examples.length === 1 ? what[0] : what[1]}: ${shown}${more}`, ...extra };
  if (file !== undefined) f.file = file;
  const line = examples.find((e) => e.line !== undefined)?.line;
  if (line !== undefined) f.line = line;
  return f;
}

/** "1 small area" / "3 small areas". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
