import { extname, relative } from "node:path";
import { UsageError } from "../errors.js";
import { type DatasetSpec, loadDataset, requirePopulation } from "../io/loadDataset.js";
import { readPlan } from "../io/readPlan.js";
import { readPlanPolygons } from "../io/readPlanPolygons.js";
import type { Dataset, Finding, Plan } from "../model/types.js";
import { type CheckResult, checkPlan } from "../rules/checkPlan.js";
import { readConstraints } from "./constraints.js";
import type { NamedInput } from "./outputs.js";

/** Options of {@link runCheck}; every one may be left out. */
export interface RunCheckOptions {
  /** The plan: a CSV (unit, footprint[, footprint_name]) or footprint polygons; default the dataset's plan. */
  planFile?: string;
  /** Share of a unit (or area) in a second footprint above which it counts as split (default 0.01). */
  splitTolerance?: number;
  /** Id field of footprint polygons (default: detected). */
  planIdField?: string;
  /** TopoJSON object of footprint polygons (default: the only one). */
  planLayer?: string;
  /** A lock file (unit, footprint): each unit must be in that footprint (the `lock` rule). */
  lock?: string;
  /** A groups file (group, unit): each group's units must share a footprint (the `group` rule). */
  groups?: string;
  /** An exceptions file: per-footprint population bounds (the `exception` rule and the bounds rules). */
  exceptions?: string;
}

/** The files {@link runCheck} reads besides the dataset's, named for messages (see prepareOutputs). */
export function checkInputs(o: RunCheckOptions): NamedInput[] {
  return [
    { path: o.planFile, what: "the plan" },
    { path: o.lock, what: "--lock" },
    { path: o.groups, what: "--groups" },
    { path: o.exceptions, what: "--exceptions" },
  ];
}

/** What {@link runCheck} returns: the check result and what it was computed on. */
export interface CheckOutcome {
  /** Metrics, footprints and findings: what `check --format json` prints. */
  result: CheckResult;
  /** A title for reports: the dataset's name and the plan file. */
  title: string;
  planFile: string;
  dataset: Dataset;
  plan: Plan;
}

/**
 * Loads a dataset and a plan (CSV, or polygons by overlay) and runs every plan rule on it: what
 * the `check` command, `map` and `optimise` (to verify its result) share. Bad input throws an
 * InputError or UsageError; broken rules are findings (`result.ok` is false when any is an error).
 *
 * @param spec the dataset (see {@link readDatasetSpec})
 * @param opts the plan and rule options; default the dataset's own plan
 * @example
 * const { result } = await runCheck(spec, { planFile: "plan.csv" });
 * result.metrics.crossFootprintProviders; // providers with >= threshold share in 2+ footprints
 */
export async function runCheck(
  spec: DatasetSpec,
  opts: RunCheckOptions = {},
): Promise<CheckOutcome> {
  const planFile = opts.planFile ?? spec.plan;
  if (planFile === undefined) throw new UsageError("no plan given: name a plan file, or a dataset whose manifest has one");
  // A plan on standard input ("-") is a CSV.
  const isCsv = planFile === "-" || extname(planFile).toLowerCase() === ".csv";
  const loaded = await loadDataset({ ...spec, plan: isCsv ? planFile : undefined });
  requirePopulation(loaded);
  const { dataset } = loaded;
  let plan: Plan;
  let extra: Finding[] = [];
  if (isCsv) {
    plan = dataset.plan ?? (await readPlan(planFile, loaded.boundaryFile.idField));
  } else {
    const r = await readPlanPolygons(planFile, dataset.units, { idField: opts.planIdField, layer: opts.planLayer, splitTolerance: opts.splitTolerance });
    plan = r.plan;
    extra = r.findings;
  }
  dataset.plan = plan;
  const constraints = await readConstraints(opts, loaded.boundaryFile.idField);
  const result = checkPlan(dataset, plan, { splitTolerance: opts.splitTolerance, ...constraints }, extra);
  const shown = relative(process.cwd(), planFile) || planFile;
  const title = `${spec.synthetic ? "[synthetic] " : ""}${dataset.name === spec.boundaries ? shown : `${dataset.name}: ${shown}`}`;
  return { result, title, planFile, dataset, plan };
}
