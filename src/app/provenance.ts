import { stat } from "node:fs/promises";
import { relative, resolve } from "node:path";
import { hashFile } from "../io/hashFile.js";
import type { DatasetSpec } from "../io/loadDataset.js";
import type { Invocation, Provenance, ProvenanceInput } from "../model/provenance.js";
import type { Dataset } from "../model/types.js";

export type { Invocation, Provenance, ProvenanceInput } from "../model/provenance.js";
export { provenanceLines } from "../model/provenance.js";

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
    inputs.push({ role: f.role, file: shown === "" || shown.startsWith("..") ? resolve(f.file) : shown, sha256: await hashFile(f.file), bytes: (await stat(f.file)).size });
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
