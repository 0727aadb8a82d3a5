import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { UsageError } from "../errors.js";
import { type DatasetSpec, specFromManifest } from "../io/loadDataset.js";
import { readManifest } from "../io/manifest.js";

/** The embedded synthetic demo dataset, used when neither --dataset nor boundaries are given. */
export const demoManifest = fileURLToPath(new URL("../../data/demo/stp-footprint.json", import.meta.url));

const numberText = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** A numeric option given as text; thousands separators and units are refused. */
export const numeric = (check: (n: z.ZodNumber) => z.ZodNumber) =>
  z
    .string()
    .trim()
    .regex(numberText, "must be a plain number (like 300000 or 0.05)")
    .transform(Number)
    .pipe(check(z.number()));

export const formatOption = <T extends readonly [string, ...string[]]>(names: T) => z.enum(names).default(names[0] as T[number] as never);

/** Options every dataset-reading command shares (as commander hands them over: strings). */
export const datasetOptionsSchema = z.object({
  dataset: z.string().min(1).optional(),
  boundaries: z.string().min(1).optional(),
  idField: z.string().min(1).optional(),
  nameField: z.string().min(1).optional(),
  layer: z.string().min(1).optional(),
  population: z.string().min(1).optional(),
  populationField: z.string().min(1).optional(),
  populationColumn: z.string().min(1).optional(),
  unitColumn: z.string().min(1).optional(),
  providers: z.string().min(1).optional(),
  providerColumn: z.string().min(1).optional(),
  valueColumn: z.string().min(1).optional(),
  links: z.string().min(1).optional(),
  areas: z.string().min(1).optional(),
  footprintColumn: z.string().min(1).optional(),
  footprintNameColumn: z.string().min(1).optional(),
  min: numeric((n) => n.int("must be a whole number").nonnegative("must not be negative")).optional(),
  max: numeric((n) => n.int("must be a whole number").positive("must be above 0")).optional(),
  threshold: numeric((n) => n.gt(0, "must be above 0").max(1, "must be at most 1")).optional(),
  adjacency: z.enum(["rook", "queen"]).optional(),
  snap: numeric((n) => n.nonnegative("must not be negative").max(100000, "must be at most 100000 metres")).optional(),
});

export type DatasetOptions = z.infer<typeof datasetOptionsSchema>;

/** The schema fields of the options that addPlanOptions adds. */
export const planOptionsShape = {
  splitTolerance: numeric((n) => n.min(0, "must not be negative").max(0.5, "must be at most 0.5")),
  planIdField: z.string().min(1).optional(),
  planLayer: z.string().min(1).optional(),
};

/** Maps a schema key back to its command-line spelling, for messages. */
export function optionName(key: string): string {
  return "--" + key.replace(/[A-Z]/g, (c) => "-" + c.toLowerCase());
}

/**
 * Parses raw options with a zod schema; a failure is a UsageError naming the option.
 */
export function parseOptions<T extends z.ZodType>(schema: T, raw: unknown): z.infer<T> {
  const r = schema.safeParse(raw);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const key = String(issue.path[0] ?? "");
  let message = issue.message;
  if (issue.code === "invalid_enum_value") message = `must be one of ${issue.options.join(", ")}`;
  throw new UsageError(message, key ? optionName(key) : undefined);
}

/**
 * Builds the dataset spec: the manifest (--dataset, or the embedded demo when no boundaries are
 * given either), then command-line flags on top.
 */
export async function resolveDatasetSpec(o: DatasetOptions): Promise<DatasetSpec> {
  let spec: DatasetSpec;
  if (o.dataset !== undefined) {
    spec = { ...specFromManifest(await readManifest(o.dataset)), manifest: o.dataset };
  } else if (o.boundaries !== undefined) {
    spec = { boundaries: o.boundaries };
  } else {
    if (!existsSync(demoManifest)) throw new UsageError("no dataset given and the embedded demo dataset is missing; give --dataset FILE or a boundaries file");
    spec = { ...specFromManifest(await readManifest(demoManifest)), manifest: demoManifest };
  }
  if (o.boundaries !== undefined && o.boundaries !== spec.boundaries) {
    // New boundaries make the manifest's field names meaningless unless restated.
    spec = { ...spec, boundaries: o.boundaries, idField: undefined, nameField: undefined, populationField: undefined, layer: undefined };
  }
  const set = <K extends keyof DatasetSpec>(k: K, v: DatasetSpec[K] | undefined) => {
    if (v !== undefined) spec[k] = v;
  };
  set("idField", o.idField);
  set("nameField", o.nameField);
  set("layer", o.layer);
  set("population", o.population);
  set("populationField", o.populationField);
  set("populationColumn", o.populationColumn);
  set("populationUnitColumn", o.unitColumn);
  set("providers", o.providers);
  set("providerColumn", o.providerColumn);
  set("providerUnitColumn", o.unitColumn);
  set("providerValueColumn", o.valueColumn);
  set("links", o.links);
  set("areas", o.areas);
  set("areaUnitColumn", o.unitColumn);
  set("planUnitColumn", o.unitColumn);
  set("footprintColumn", o.footprintColumn);
  set("footprintNameColumn", o.footprintNameColumn);
  // Plan columns named on the command line apply to whichever plan is read.
  if (o.unitColumn !== undefined || o.footprintColumn !== undefined || o.footprintNameColumn !== undefined) spec.planColumnsFor = undefined;
  set("populationMin", o.min);
  set("populationMax", o.max);
  set("threshold", o.threshold);
  set("adjacency", o.adjacency);
  set("snapTolerance", o.snap);
  const min = spec.populationMin, max = spec.populationMax;
  if (min !== undefined && max !== undefined && min > max) throw new UsageError(`the minimum ${min} is above the maximum ${max}`, "--min");
  return spec;
}
