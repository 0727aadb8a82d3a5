import type { ValueType } from "./valueTypes.js";

/** The commands of the command line. */
export type CommandName = "info" | "check" | "validate" | "optimise" | "map" | "diff" | "prepare";

/** Every command. */
export const allCommands = ["info", "check", "validate", "optimise", "map", "diff", "prepare"] as const satisfies readonly CommandName[];

/**
 * One option, said once: from this row come its commander flag, the zod schema that parses the
 * flag, its manifest key and schema, its default, and its line in the README's option list.
 */
export interface OptionRow<N extends string = string, T = unknown, C extends readonly CommandName[] = readonly CommandName[], M extends string | undefined = string | undefined, D = unknown> {
  /** The key of the parsed options and of the dataset spec (camelCase). */
  readonly name: N;
  /** How the value is written and checked. */
  readonly value: ValueType<T>;
  /** The commands that take it (as a flag, or as the positional argument: see `argumentOf`). */
  readonly commands: C;
  /** Commander syntax: `--min <n>`, `-q, --quiet`. Absent: a manifest-only setting. */
  readonly flag?: string;
  /** Help of the `--no-` form, when the option has one (`--no-start`). */
  readonly negate?: string;
  /** Commands where the value is the positional argument rather than a flag (info's boundaries). */
  readonly argumentOf?: readonly CommandName[];
  /** Commander refuses the command without it. */
  readonly required?: boolean;
  /** Key path in the manifest (`threshold`, `population.valueColumn`). */
  readonly manifest?: M;
  /** The manifest must have it. */
  readonly manifestRequired?: boolean;
  /** Names of other rows this flag sets (`--unit-column` sets every table's unit column). */
  readonly sets?: readonly string[];
  /** The default value, applied after the manifest (for dataset options) or at parsing. */
  readonly default?: D;
  /** How help shows a default computed at run time, or a detected value ("detected, e.g. CCG16CD"). */
  readonly defaultText?: string;
  /** One line for --help and the README. */
  readonly help: string;
}

/** Declares a row, keeping its name, value type, commands, manifest key and default in its type. */
export function option<
  const N extends string,
  T,
  const C extends readonly CommandName[],
  const M extends string | undefined = undefined,
  D extends T | undefined = undefined,
>(row: OptionRow<N, T, C, M, D>): OptionRow<N, T, C, M, D> {
  return row;
}

/** Any row. */
export type AnyRow = OptionRow<string, any, readonly CommandName[], string | undefined, any>;

/** The value of a parsed row: `T`, or `T | undefined` when the row has no default. */
export type ValueOf<R> = R extends OptionRow<string, infer T, readonly CommandName[], string | undefined, infer D> ? ([D] extends [undefined] ? T | undefined : T) : never;

/** The value a row holds before defaults apply. */
export type RawValueOf<R> = R extends OptionRow<string, infer T, readonly CommandName[], string | undefined, any> ? T : never;

/** True (the literal type) when a row has a manifest key. */
export type HasManifest<R> = R extends OptionRow<string, any, readonly CommandName[], infer M, any> ? ([M] extends [string] ? true : false) : false;

/**
 * The parsed options of one command: one key per row the command takes. A dataset option (one
 * with a manifest key) is undefined when the flag is not given, so that the manifest, then the
 * default, apply; any other option holds its default.
 */
export type OptionsOf<Rows extends AnyRow, C extends CommandName> = {
  [R in Rows as C extends R["commands"][number] ? R["name"] : never]: HasManifest<R> extends true ? RawValueOf<R> | undefined : ValueOf<R>;
};

/** The long flag of a row (`--quiet` for `-q, --quiet`), for messages. */
export function longFlag(row: Pick<AnyRow, "flag" | "name">): string {
  const m = row.flag ? /--[a-z0-9-]+/.exec(row.flag) : null;
  return m ? m[0] : "--" + row.name.replace(/[A-Z]/g, (c) => "-" + c.toLowerCase());
}
