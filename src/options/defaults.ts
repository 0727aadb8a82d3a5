import type { CommandName, OptionRow } from "./row.js";
import { optionTable, type TableRow } from "./table.js";

type DefaultOf<R> = R extends OptionRow<string, any, readonly CommandName[], string | undefined, infer D> ? D : never;

/** Every default of the option table, by option name. */
export type Defaults = { [R in TableRow as [DefaultOf<R>] extends [undefined] ? never : R["name"]]: Exclude<DefaultOf<R>, undefined> };

/**
 * The defaults of every option, taken from the option table: the one home of each default
 * (the population bounds, the threshold, the snap tolerance, the optimiser's time and seed...).
 * @example
 * defaults.threshold; // 0.05
 */
export const defaults: Defaults = Object.freeze(
  Object.fromEntries(
    optionTable
      .filter((r) => "default" in r && r.default !== undefined)
      .reverse()
      .map((r) => [r.name, (r as { default: unknown }).default]),
  ),
) as Defaults;
