import { type DatasetSpec, type LoadedDataset, loadDataset, requirePopulation } from "../io/loadDataset.js";
import { readCsv } from "../io/readCsv.js";
import { readPlan } from "../io/readPlan.js";
import type { Plan } from "../model/types.js";
import { type PlanComparison, comparePlans } from "../rules/comparePlans.js";

/**
 * Loads a dataset and two CSV plans and compares them (what `diff` runs). The dataset's plan
 * column names (`--footprint-column`, ...) apply to a plan whose header has them; otherwise its
 * columns are detected, so a lookup file can be compared with a plain `unit,footprint` plan.
 *
 * @param opts `splitTolerance`: share of an area in a second footprint that counts as split (default 0.01)
 * @example
 * const c = await runDiff(spec, "plan-2016.csv", "plan.csv");
 * c.diff.moved.length; // units in another footprint
 */
export async function runDiff(spec: DatasetSpec, fileA: string, fileB: string, opts: { splitTolerance?: number } = {}): Promise<PlanComparison> {
  const { loaded, a, b } = await loadTwoPlans(spec, fileA, fileB);
  return comparePlans(loaded.dataset, a, b, opts);
}

/**
 * The dataset (without its own plan; population required) and two CSV plans read against it, for
 * `diff` and the before/after report. The dataset's plan column names apply to a plan whose header
 * has them; otherwise its columns are detected.
 */
export async function loadTwoPlans(spec: DatasetSpec, fileA: string, fileB: string): Promise<{ loaded: LoadedDataset; a: Plan; b: Plan }> {
  const loaded = await loadDataset({ ...spec, plan: undefined });
  requirePopulation(loaded);
  const read = async (file: string): Promise<Plan> => {
    const { header } = await readCsv(file);
    const pick = (c: string | undefined) => (c !== undefined && header.includes(c) ? c : undefined);
    return readPlan(file, loaded.boundaryFile.idField, {
      unitColumn: pick(spec.planUnitColumn),
      footprintColumn: pick(spec.footprintColumn),
      nameColumn: pick(spec.footprintNameColumn),
    });
  };
  return { loaded, a: await read(fileA), b: await read(fileB) };
}
