import { relative } from "node:path";
import { hashFile } from "../io/hashFile.js";
import type { DatasetSpec } from "../io/loadDataset.js";
import type { Dataset } from "../model/types.js";

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

/** Quotes an argument for a POSIX shell when it needs it. */
function shellQuote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

/**
 * Collects the provenance of a result: the tool's version, the command, the date, the dataset's
 * name, parameters and attribution, and every input file with its SHA-256 (the manifest, the
 * dataset's files and `extra` files such as the plans compared or a lock file).
 *
 * @example
 * const p = await provenance(spec, dataset, { version: "0.1.0", argv: ["diff", "a.csv", "b.csv"] }, [{ role: "plan A", file: "a.csv" }]);
 */
export async function provenance(
  spec: DatasetSpec,
  dataset: Dataset,
  invocation: Invocation | undefined,
  extra: { role: string; file: string }[] = [],
  now: Date = new Date(),
): Promise<Provenance> {
  const files: { role: string; file: string }[] = [];
  if (spec.manifest !== undefined) files.push({ role: "manifest", file: spec.manifest });
  for (const [role, file] of Object.entries(dataset.files)) files.push({ role: role.replace(/([A-Z])/g, " $1").toLowerCase(), file });
  files.push(...extra);
  const seen = new Set<string>();
  const inputs: ProvenanceInput[] = [];
  for (const f of files) {
    const key = `${f.role}\u0000${f.file}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const shown = relative(process.cwd(), f.file);
    inputs.push({ role: f.role, file: shown === "" || shown.startsWith("../../..") ? f.file : shown, ...(await hashFile(f.file)) });
  }
  const p = dataset.params;
  return {
    tool: "stp-footprint",
    version: invocation?.version ?? "unknown",
    command: invocation ? ["stp-footprint", ...invocation.argv].map(shellQuote).join(" ") : "(library call)",
    date: now.toISOString().replace(/\.\d{3}Z$/, "Z"),
    dataset: dataset.name,
    synthetic: spec.synthetic ?? false,
    attribution: spec.attribution ?? null,
    inputs,
    parameters: {
      populationMin: p.populationMin,
      populationMax: p.populationMax,
      threshold: p.threshold,
      adjacency: dataset.adjacency.kind,
      snapTolerance: spec.snapTolerance ?? null,
      links: dataset.links.length,
    },
  };
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
