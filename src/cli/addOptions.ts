import { type Command, InvalidArgumentError, Option } from "commander";
import { type AnyRow, type CommandName, longFlag } from "../options/row.js";
import { optionTable } from "../options/table.js";

/** The rows of the option table a command takes, in table order. */
export function rowsOf(command: CommandName): AnyRow[] {
  return optionTable.filter((r) => (r.commands as readonly CommandName[]).includes(command));
}

/** True when the command takes the row as its positional argument rather than as a flag. */
export function isArgument(row: AnyRow, command: CommandName): boolean {
  return row.argumentOf?.includes(command) ?? false;
}

/** The key under which commander stores a row's value (`--min` -> "min"). */
export function attributeOf(row: AnyRow): string {
  return new Option(row.flag ?? longFlag(row)).attributeName();
}

/** A row's help line: its text, then its default. */
function helpOf(row: AnyRow): string {
  if (row.defaultText !== undefined) return `${row.help} (default: ${row.defaultText})`;
  if (row.default === undefined || row.value.switch || row.value.repeatable) return row.help;
  return `${row.help} (default: ${row.value.show(row.default)})`;
}

/**
 * Adds a command's options from the option table: each row's flag with its help and default
 * (defaults are applied when parsing, after the manifest, so commander itself holds none), a
 * `--no-` form where the row has one, repeatable flags collected into an array, and any other flag
 * given twice with different values refused (rather than the last one silently kept).
 */
export function addOptions(cmd: Command, command: CommandName): Command {
  for (const row of rowsOf(command)) {
    if (row.flag === undefined || isArgument(row, command)) continue;
    const opt = new Option(row.flag, helpOf(row));
    if (row.required) opt.makeOptionMandatory();
    if (row.value.repeatable) opt.argParser((value: string, previous: string[] | undefined) => [...(previous ?? []), value]);
    else if (!row.value.switch) {
      // Commander keeps the last of a repeated flag, silently dropping the others: refuse two
      // different values instead (the same value twice is harmless).
      const name = longFlag(row);
      opt.argParser((value: string, previous: string | undefined) => {
        if (previous !== undefined && previous !== value) throw new InvalidArgumentError(`${name} is given twice ("${previous}" and "${value}"); give it once`);
        return value;
      });
    }
    cmd.addOption(opt);
    if (row.negate !== undefined) cmd.addOption(new Option(`--no-${longFlag(row).slice(2)}`, row.negate));
  }
  return cmd;
}
