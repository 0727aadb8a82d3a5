import type { BoundException, Finding, Group, Lock } from "../model/types.js";
import type { PlanContext } from "./plan/context.js";
import { contiguity } from "./plan/contiguity.js";
import { crossFootprintProvider } from "./plan/crossFootprintProvider.js";
import { exception } from "./plan/exception.js";
import { group } from "./plan/group.js";
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
  /** Keep-together groups (the `group` rule), and their file for messages. */
  groups?: Group[];
  groupsFile?: string;
  /** Per-footprint exceptions to the population bounds, and their file for messages. */
  exceptions?: BoundException[];
  exceptionsFile?: string;
  /** A margin below the threshold: metrics count providers cross at threshold - margin too. */
  margin?: number;
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
  group,
  exception,
};

/** Every rule id a plan finding can carry, for severity configuration and reports. */
export { planRuleIds } from "../options/ruleIds.js";
