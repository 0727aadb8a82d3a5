import { dirname, resolve } from "node:path";
import { z } from "zod";
import { InputError } from "../errors.js";
import type { DatasetSpec } from "../options/datasetSpec.js";
import { defaults } from "../options/defaults.js";
import type { AnyRow } from "../options/row.js";
import { optionTable } from "../options/table.js";
import { readJson } from "./readJson.js";

/** The rows of the option table that have a manifest key. */
const manifestRows: (AnyRow & { manifest: string })[] = optionTable.filter((r): r is (typeof optionTable)[number] & { manifest: string } => r.manifest !== undefined);

/**
 * The schema of a dataset manifest (`stp-footprint.json`), derived from the option table: a key
 * `a` is a setting, keys `a.path`, `a.column`... make a file entry `a`, which may be just its path
 * or an object with the path and column names. Unknown keys are refused at every level.
 */
export const manifestSchema = buildManifestSchema(manifestRows);

function buildManifestSchema(rows: (AnyRow & { manifest: string })[]): z.ZodTypeAny {
  const shape: Record<string, z.ZodTypeAny> = {};
  const files = new Map<string, (AnyRow & { manifest: string })[]>();
  for (const r of rows) {
    const [head, sub] = r.manifest.split(".");
    if (sub === undefined) shape[head] = r.manifestRequired ? r.value.schema : r.value.schema.optional();
    else files.set(head, [...(files.get(head) ?? []), r]);
  }
  for (const [head, entries] of files) {
    const pathRow = entries.find((r) => r.manifest === `${head}.path`);
    if (!pathRow) throw new Error(`option table: file entry "${head}" has no "${head}.path" row`);
    const fields = Object.fromEntries(entries.map((r) => [r.manifest.slice(head.length + 1), r === pathRow ? r.value.schema : r.value.schema.optional()]));
    const entry = z.union([pathRow.value.schema, z.object(fields).strict()]);
    shape[head] = pathRow.manifestRequired ? entry : entry.optional();
  }
  return z.object(shape).strict();
}

/**
 * Reads a dataset manifest and returns its dataset spec, paths resolved against the manifest's
 * folder, with the manifest itself as `manifest` (an input no output may overwrite). Anything the schema refuses is an InputError naming the manifest and the key path
 * (`england.json: "severity.split-aera": unknown rule`).
 */
export async function readManifest(file: string): Promise<DatasetSpec> {
  return { ...specFromManifest(await readJson(file, "manifest"), file), manifest: file };
}

/**
 * Checks a parsed manifest (see readManifest) and flattens it to a dataset spec: each manifest key
 * to its option name, paths made absolute against the folder of `file`.
 */
export function specFromManifest(json: unknown, file: string): DatasetSpec {
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) throw manifestError(file, json, parsed.error.issues);
  const m = parsed.data as Record<string, unknown>;
  const base = dirname(file);
  const spec: Record<string, unknown> = {};
  for (const r of manifestRows) {
    const [head, sub] = r.manifest.split(".");
    let v = m[head];
    if (sub !== undefined) v = typeof v === "string" ? (sub === "path" ? v : undefined) : (v as Record<string, unknown> | undefined)?.[sub];
    if (v === undefined) continue;
    spec[r.name] = r.value.path ? resolve(base, v as string) : v;
  }
  const out = spec as DatasetSpec;
  out.planColumnsFor = out.plan;
  checkManifestBounds(out, file);
  return out;
}

/** The population bounds of a manifest, with the defaults where it gives none, must be in order. */
function checkManifestBounds(spec: DatasetSpec, file: string): void {
  const min = spec.populationMin ?? defaults.populationMin;
  const max = spec.populationMax ?? defaults.populationMax;
  if (min <= max) return;
  if (spec.populationMin !== undefined && spec.populationMax !== undefined) {
    throw new InputError(file, `${min} is above "populationMax" (${max})`, { field: "populationMin" });
  }
  if (spec.populationMin !== undefined) throw new InputError(file, `${min} is above the default maximum ${max}`, { field: "populationMin" });
  throw new InputError(file, `${max} is below the default minimum ${min}`, { field: "populationMax" });
}

/** One line for the first problem: the key path, and what is wrong with it. */
function manifestError(file: string, json: unknown, issues: z.ZodIssue[]): InputError {
  const issue = issues.find((i) => i.code === "unrecognized_keys") ?? issues[0];
  const key = issue.path.join(".") || undefined;
  const value = issue.path.reduce<unknown>((v, k) => (v && typeof v === "object" ? (v as Record<PropertyKey, unknown>)[k] : undefined), json);
  let detail = issue.message;
  if (issue.code === "unrecognized_keys") {
    detail = `unknown key${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")}`;
  } else if (value === undefined && issue.path.length > 0) {
    detail = "is required";
  } else if (issue.code === "invalid_union") {
    detail = 'must be a path, or an object with "path" and column names';
  } else if (issue.code === "invalid_type" && value === null) {
    detail = `must be a ${issue.expected}, not null`;
  }
  return new InputError(file, detail, { field: key });
}
