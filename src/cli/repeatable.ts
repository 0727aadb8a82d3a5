import { InvalidArgumentError } from "commander";

/**
 * Commander argument parsers for options that may or may not be repeated. Commander keeps only
 * the last value of a repeated option, which silently drops the others; `collect` keeps them all
 * (each is honoured: `--map a.png --map a.html` writes both) and `once` refuses a second value.
 *
 * @example
 * cmd.option("--map <file>", "...", collect);      // string[] | undefined
 * cmd.option("--out <file>", "...", once("--out")); // string | undefined, refused twice
 */
export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** A parser refusing a second value for `option` (exit 2, naming both values). */
export function once(option: string): (value: string, previous: string | undefined) => string {
  return (value, previous) => {
    if (previous !== undefined) throw new InvalidArgumentError(`${option} is given twice ("${previous}" and "${value}"); give it once`);
    return value;
  };
}
