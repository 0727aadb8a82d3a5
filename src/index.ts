/**
 * The library API of stp-footprint: the operations the commands run, with typed options in and
 * typed results out, and the model types they use. Nothing here reads `argv`, prints or exits;
 * bad input throws an {@link InputError} or {@link UsageError}, and broken rules come back as
 * findings.
 *
 * @example
 * import { demoManifest, readDatasetSpec, runCheck } from "stp-footprint";
 *
 * const spec = await readDatasetSpec(demoManifest);
 * const { result } = await runCheck(spec);
 * result.ok; // false: the demo's plan breaks three rules on purpose
 *
 * @packageDocumentation
 */

// Datasets: a manifest or a spec in, the loaded model out (runPrepare, below, builds one from
// public small-area files).
export { demoManifest, readDatasetSpec } from "./app/dataset.js";
export { loadDataset, type DatasetSpec, type LoadOptions, type LoadedDataset } from "./io/loadDataset.js";

// The operations (one per command).
export { runCheck, type CheckOutcome, type RunCheckOptions } from "./app/check.js";
export { runValidate, validateOutputs, type RunValidateOptions, type ValidateResult } from "./app/validate.js";
export {
  optimiseOutputs,
  runOptimise,
  writeOptimiseOutputs,
  type OptimiseOutcome,
  type OptimiseOutputs,
  type OptimiseSummary,
  type PlanFigures,
  type RunOptimiseOptions,
} from "./app/optimise.js";
export { runDiff } from "./app/diff.js";
export { runInfo } from "./app/info.js";
export { mapOutputs, runMap, type MapOutcome, type RunMapOptions } from "./app/map.js";
export { reportOutputs, runReport, reportFormats, type RunReportOptions } from "./app/report.js";
export { footprintsGeoJson, writeFootprintsGeoJson, type FootprintsGeoJsonOptions } from "./app/footprintsGeoJson.js";
export { provenance, provenanceLines, type Invocation, type Provenance, type ProvenanceInput } from "./app/provenance.js";
export { buildChangeReport, type ChangeReport } from "./rules/changeReport.js";
export { dissolveFootprints, type DissolveOptions } from "./model/dissolve.js";
export { prepareDatasetOutputs, runPrepare, type PrepareOptions, type PrepareResult } from "./app/prepare.js";

// Outputs: checked before any work (never an input, never two on one file, writable), written
// whole and renamed into place together. Each operation that writes has a function making its
// outputs (mapOutputs, ...), which it calls itself when not given them.
export { Outputs, prepareOutputs, type NamedInput, type OutputRequest } from "./app/outputs.js";

// Results.
export type { CheckMetrics, CheckResult, FootprintSummary } from "./rules/checkPlan.js";
export type { PlanComparison, PlanSide } from "./rules/comparePlans.js";
export type { ChangedFootprint, MovedUnit, PlanDiff } from "./model/diffPlans.js";
export type { DatasetSummary } from "./model/summary.js";
export type { DataIssue } from "./model/population.js";

// The model.
export type {
  AdjacencyGraph,
  AreaOverlap,
  Dataset,
  Finding,
  FlatRings,
  Link,
  Lock,
  Plan,
  PlanRow,
  Population,
  Providers,
  RuleParams,
  Severity,
  UnitGeometry,
  Units,
} from "./model/types.js";

// Errors a user can fix.
export { InputError, UsageError, isUserError, type InputLocation } from "./errors.js";
