import { commandRows } from "./table/commands.js";
import { datasetRows } from "./table/dataset.js";
import { optimiseRows } from "./table/optimise.js";
import { prepareRows } from "./table/prepare.js";

/**
 * The table of every option: each command's own options first (in --help order), then the
 * dataset options every command shares. Flags, parsing, the manifest schema, defaults and the
 * README's option list are all derived from it.
 */
export const optionTable = [...commandRows, ...optimiseRows, ...prepareRows, ...datasetRows] as const;

/** A row of the table. */
export type TableRow = (typeof optionTable)[number];
