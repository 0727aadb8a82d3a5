import type { HasManifest, RawValueOf } from "./row.js";
import type { TableRow } from "./table.js";

/** The dataset options (every row of the option table with a manifest key), each optional. */
export type DatasetValues = { [R in TableRow as HasManifest<R> extends true ? R["name"] : never]?: RawValueOf<R> };

/**
 * Everything needed to load a dataset: its files (absolute, or relative to the working folder),
 * their columns and the rule parameters. It is a manifest flattened to the option names of the
 * option table; what is not given is detected or takes the table's default.
 * @example
 * const spec: DatasetSpec = { boundaries: "units.geojson", population: "pop.csv", threshold: 0.1 };
 */
export type DatasetSpec = Omit<DatasetValues, "boundaries"> & {
  boundaries: string;
  /**
   * The plan file the plan column names were written for (the manifest's plan). Another plan file
   * has its columns detected instead; undefined when the names were given as flags, which apply to
   * any plan.
   */
  planColumnsFor?: string;
  /**
   * The manifest the spec came from, if any (readManifest records it): reports list it, with its
   * hash, among the inputs, and no output may overwrite it.
   */
  manifest?: string;
};
