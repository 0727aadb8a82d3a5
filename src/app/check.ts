import { extname, relative } from "node:path";
import { UsageError } from "../errors.js";
import { type DatasetSpec, loadDataset, requirePopulation } from "../io/loadDataset.js";
import { readPlan } from "../io/readPlan.js";
import { readPlanPolygons } from "../io/readPlanPolygons.js";
import type { Dataset, Finding, Plan } from "../model/types.js";
import { type CheckResult, checkPlan } from "../rules/checkPlan.js";
import { readConstraints } from "./constraints.js";

export interface RunCheckOptions {
  planFile?: string;
  splitTolerance: number;
  planIdField?: string;
  planLayer?: string;
  /** A lock file (unit, footprint): each unit must be in that footprint (the `lock` rule). */
  lock?: string;
  /** A groups file (group, unit): each group's units must share a footprint (the `group` rule). */
  groups?: string;
  /** An exceptions file: per-footprint population bounds (the `exception` rule and the bounds rules). */
  exceptions?: string;
}

/**
 * Loads a dataset and a plan (CSV, or polygons by overlay) and runs the plan rules: what the
 * `check` command, `map` and `optimise` (to verify its result) share.
 */
export async function runCheck(
  spec: DatasetSpec,
  opts: RunCheckOptions,
): Promise<{ result: CheckResult; title: string; planFile: string; dataset: Dataset; plan: Plan }> {
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
