import type { Finding, Lock } from "../model/types.js";
import type { PlanContext } from "./plan/context.js";
import { contiguity } from "./plan/contiguity.js";
import { crossFootprintProvider } from "./plan/crossFootprintProvider.js";
import { lock } from "./plan/lock.js";
import { overlap } from "./plan/overlap.js";
import { populationBounds } from "./plan/populationBounds.js";
import { splitArea } from "./plan/splitArea.js";
import { unassigned } from "./plan/unassigned.js";
import { unknownUnit } from "./plan/unknownUnit.js";

export interface PlanRuleOptions {
  /** Share of an area in a second footprint above which it counts as split (default: the option table's). */
  splitTolerance: number;
  /** Units that must be in a given footprint (a lock file), and that file for messages. */
  locks?: Lock[];
  lockFile?: string;
}

/** Plan rules by id (population-min and population-max come from one function). */
export const planRules: Record<string, (ctx: PlanContext, opts: PlanRuleOptions) => Finding[]> = {
  "unknown-unit": unknownUnit,
  unassigned,
  overlap,
  "population-bounds": populationBounds,
  contiguity,
  "cross-footprint-provider": crossFootprintProvider,
  "split-area": splitArea,
  lock,
};

/** Every rule id a plan finding can carry, for severity configuration and reports. */
export { planRuleIds } from "../options/ruleIds.js";
