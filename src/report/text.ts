import { Chalk } from "chalk";

/** The few styles the text reports use; plain identity functions when colour is off. */
export interface Palette {
  bold(s: string): string;
  dim(s: string): string;
  red(s: string): string;
  yellow(s: string): string;
  green(s: string): string;
  cyan(s: string): string;
}

/**
 * Colours for text output. The CLI decides `enabled` (a TTY, and NO_COLOR unset); reports never
 * look at the terminal themselves, so tests get plain text.
 */
export function palette(enabled: boolean): Palette {
  const c = new Chalk({ level: enabled ? 1 : 0 });
  return { bold: c.bold, dim: c.dim, red: c.red, yellow: c.yellow, green: c.green, cyan: c.cyan };
}

/** A writable text sink (process.stdout, a file stream, or a string collector in tests). */
export interface Sink {
  write(text: string): unknown;
}

import { formatInt } from "../model/format.js";

export { formatInt };

/**
 * Pads cells into aligned columns; numbers (right-aligned) are flagged per column. Widths are
 * measured without ANSI colour codes, so coloured cells line up on a terminal.
 */
export function table(rows: string[][], rightAlign: boolean[] = [], visibleLength: (s: string) => number = plainLength): string {
  const widths: number[] = [];
  for (const r of rows) r.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, visibleLength(cell))));
  return rows
    .map((r) =>
      r
        .map((cell, i) => {
          const pad = " ".repeat(widths[i] - visibleLength(cell));
          return rightAlign[i] ? pad + cell : i === r.length - 1 ? cell : cell + pad;
        })
        .join("  "),
    )
    .join("\n");
}

/**
 * A count with its noun, singular or plural: `counted(1, "error")` is "1 error", `counted(3, "error")`
 * "3 errors" (formatted with thousands separators).
 */
export function counted(n: number, noun: string, plural = `${noun}s`): string {
  return `${formatInt(n)} ${n === 1 ? noun : plural}`;
}

/** Length of a string without ANSI colour codes. */
export function plainLength(s: string): number {
  // eslint-disable-next-line no-control-regex
  return s.replace(/\u001b\[[0-9;]*m/g, "").length;
}
