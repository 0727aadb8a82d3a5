import { z } from "zod";
import { UsageError } from "../errors.js";
import { type CommandName, type OptionsOf, longFlag } from "../options/row.js";
import type { TableRow } from "../options/table.js";
import { attributeOf, isArgument, rowsOf } from "./addOptions.js";

/**
 * Parses what commander collected for a command (and its positional arguments that are options,
 * like info's boundaries) with the zod schemas of the option table. The first problem is a
 * UsageError naming the flag (`--threshold: must be at most 1`). Options without a manifest key
 * take their default here; dataset options stay undefined when not given, for the manifest.
 * @example
 * const o = parseCommandOptions("check", cmd.opts());
 * o.format; // "text"
 */
export function parseCommandOptions<C extends CommandName>(command: C, raw: Record<string, unknown>, args: Record<string, unknown> = {}): OptionsOf<TableRow, C> {
  const rows = rowsOf(command);
  const shape: Record<string, z.ZodTypeAny> = {};
  const input: Record<string, unknown> = {};
  for (const row of rows) {
    shape[row.name] = row.value.fromCli.optional();
    input[row.name] = isArgument(row, command) ? args[row.name] : raw[attributeOf(row)];
  }
  const r = z.object(shape).safeParse(input);
  if (!r.success) {
    const issue = r.error.issues[0];
    const row = rows.find((x) => x.name === issue.path[0]);
    throw new UsageError(issue.message, row ? longFlag(row) : undefined);
  }
  const out: Record<string, unknown> = r.data;
  for (const row of rows) if (out[row.name] === undefined && row.manifest === undefined && row.default !== undefined) out[row.name] = row.default;
  return out as OptionsOf<TableRow, C>;
}
