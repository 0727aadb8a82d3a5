/** The provenance of an artefact (see app/provenance.ts, which collects it). */

/** How the CLI was called: what a report quotes as the command that made it. */
export interface Invocation {
  version: string;
  /** The arguments after `stp-footprint`. */
  argv: readonly string[];
}

/** One input file of a result, with its hash, so that the result can be reproduced and checked. */
export interface ProvenanceInput {
  /** What the file is: boundaries, population, providers, plan A, lock... */
  role: string;
  /** The path as given (relative to the working folder where it can be). */
  file: string;
  sha256: string;
  bytes: number;
}

/** How an artefact was made: every report, map and GeoJSON carries one. */
export interface Provenance {
  tool: "stp-footprint";
  version: string;
  /** The command line, quoted so it can be pasted into a shell. */
  command: string;
  /** When it was made (ISO 8601, UTC). */
  date: string;
  dataset: string;
  synthetic: boolean;
  /** The data's attribution (licence) statement, from the manifest's `attribution`. */
  attribution: string | null;
  inputs: ProvenanceInput[];
  parameters: {
    populationMin: number;
    populationMax: number;
    threshold: number;
    adjacency: "rook" | "queen";
    snapTolerance: number | null;
    /** Link rows (ferries, bridges) counted as adjacency. */
    links: number;
  };
  /** For optimiser results: the search's seed and effort. */
  search?: { seed: number; iterations: number; replicas: number; threads: number; seconds: number };
}

/**
 * The provenance as short lines for a picture's foot (hashes cut to 12 hex digits; the full ones
 * are in the SVG's metadata and in the HTML and JSON reports).
 */
export function provenanceLines(p: Provenance): string[] {
  const params = p.parameters;
  const lines = [
    `Made by ${p.tool} ${p.version} on ${p.date.slice(0, 10)}: ${p.command}`,
    `Dataset: ${p.dataset}${p.synthetic ? " (synthetic)" : ""}; population ${params.populationMin.toLocaleString("en-GB")} to ${params.populationMax.toLocaleString("en-GB")}, provider threshold ${params.threshold}, ${params.adjacency} adjacency${params.snapTolerance === null ? "" : ` (snap ${params.snapTolerance} m)`}, ${params.links} link${params.links === 1 ? "" : "s"}` +
      (p.search ? `; search seed ${p.search.seed}, ${p.search.iterations.toLocaleString("en-GB")} proposals` : ""),
    `Inputs (SHA-256): ${p.inputs.map((i) => `${i.role} ${basename(i.file)} ${i.sha256.slice(0, 12)}`).join("; ")}`,
  ];
  if (p.attribution) lines.push(p.attribution);
  return lines;
}

function basename(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}
