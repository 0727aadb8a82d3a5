import { dirname, resolve } from "node:path";
import { z } from "zod";
import { InputError } from "../errors.js";
import { readJson } from "./readJson.js";

const severity = z.enum(["error", "warning", "off"]);

/** A file entry: a path string, or an object with the path and its column names. */
const fileRef = <T extends z.ZodRawShape>(shape: T) =>
  z.union([z.string().min(1), z.object({ path: z.string().min(1), ...shape }).strict()]);

/**
 * The dataset manifest, `stp-footprint.json`: the files of a dataset, their fields, and the rule
 * parameters. Paths are relative to the manifest. Unknown keys are refused, so typos surface.
 */
export const manifestSchema = z
  .object({
    $schema: z.string().optional(),
    name: z.string().optional(),
    description: z.string().optional(),
    synthetic: z.boolean().optional(),
    boundaries: fileRef({
      idField: z.string().optional(),
      nameField: z.string().optional(),
      populationField: z.string().optional(),
      layer: z.string().optional(),
    }),
    population: fileRef({ unitColumn: z.string().optional(), valueColumn: z.string().optional() }).optional(),
    providers: fileRef({
      providerColumn: z.string().optional(),
      unitColumn: z.string().optional(),
      valueColumn: z.string().optional(),
    }).optional(),
    providerSites: fileRef({
      providerColumn: z.string().optional(),
      lonColumn: z.string().optional(),
      latColumn: z.string().optional(),
    }).optional(),
    links: fileRef({}).optional(),
    areas: fileRef({
      areaColumn: z.string().optional(),
      unitColumn: z.string().optional(),
      weightColumn: z.string().optional(),
    }).optional(),
    plan: fileRef({
      unitColumn: z.string().optional(),
      footprintColumn: z.string().optional(),
      nameColumn: z.string().optional(),
    }).optional(),
    populationMin: z.number().nonnegative().optional(),
    populationMax: z.number().positive().optional(),
    threshold: z.number().gt(0).max(1).optional(),
    adjacency: z.enum(["rook", "queen"]).optional(),
    snapTolerance: z.number().nonnegative().optional(),
    severity: z.record(z.string(), severity).optional(),
  })
  .strict();

export type Manifest = z.infer<typeof manifestSchema>;

/** A manifest file entry with its path made absolute. */
export type FileEntry<T = Record<string, string | undefined>> = { path: string } & T;

/**
 * Reads and validates a manifest; returns it with every path resolved against the manifest's folder.
 * Schema failures become an InputError naming the key.
 */
export async function readManifest(file: string): Promise<Manifest> {
  const json = await readJson(file, "manifest");
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues;
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
    }
    throw new InputError(file, detail, { field: key });
  }
  const m = parsed.data;
  const base = dirname(file);
  const fix = <T,>(ref: T): T => {
    if (ref === undefined) return ref;
    if (typeof ref === "string") return resolve(base, ref) as T;
    const obj = ref as { path: string };
    return { ...obj, path: resolve(base, obj.path) } as T;
  };
  return {
    ...m,
    boundaries: fix(m.boundaries),
    population: fix(m.population),
    providers: fix(m.providers),
    providerSites: fix(m.providerSites),
    links: fix(m.links),
    areas: fix(m.areas),
    plan: fix(m.plan),
  };
}

/** Normalises a manifest file entry (string or object) to an object. */
export function entry<T extends object>(ref: string | ({ path: string } & T) | undefined): ({ path: string } & Partial<T>) | undefined {
  if (ref === undefined) return undefined;
  return typeof ref === "string" ? ({ path: ref } as { path: string } & Partial<T>) : ref;
}

/** Checks the population bounds make sense together. */
export function checkBounds(min: number, max: number, file?: string): void {
  if (min > max) {
    const msg = `population minimum ${min} is above the maximum ${max}`;
    throw file ? new InputError(file, msg) : new InputError(undefined, msg);
  }
}
