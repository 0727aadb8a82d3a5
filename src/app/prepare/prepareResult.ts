import type { Finding } from "../../model/types.js";

/** The result of `prepare` (its JSON output, and prepare.json in the written folder). */
export interface PrepareResult {
  /** No finding of error severity: the dataset was written. */
  ok: boolean;
  name: string;
  /** The output folder and the files written in it (none when there are errors). */
  out: string;
  files: string[];
  /** The manifest written, or null. */
  manifest: string | null;
  columns: Record<string, string>;
  counts: {
    smallAreas: number;
    units: number;
    population: number;
    footprints: number;
    providers: number;
    providerRows: number;
    areaRows: number;
    links: number;
    boundaryFeatures: number;
  };
  /** "given": unit polygons as read; "dissolved": from small-area polygons. */
  boundaries: "given" | "dissolved";
  inputs: { role: string; file: string; sha256: string }[];
  version?: string;
  command?: string;
  findings: Finding[];
}
