import type { Plan, PlanRow, Units } from "./types.js";

/** A plan resolved against the units: footprints as integer indexes with their members. */
export interface ResolvedPlan {
  /** Footprint ids in order of first appearance in the plan. */
  footprints: string[];
  /** Display name per footprint ("" when the plan has none). */
  names: string[];
  /** Units of each footprint (sorted indexes); a unit in two footprints is in both lists. */
  members: number[][];
  /** Footprints of each unit (usually one; none when unassigned, several when overlapping). */
  memberships: number[][];
  /**
   * One footprint per unit: the first listed (or, for polygon plans, the one covering most of
   * it); -1 when unassigned. Populations and provider shares count each unit here once.
   */
  assignment: Int32Array;
  /** Rows naming units that are not in the boundaries. */
  unknown: PlanRow[];
  /** For each unit, the rows that placed it (for overlap messages with line numbers). */
  rowsOfUnit: Map<number, PlanRow[]>;
}

/**
 * Resolves a plan's rows against the units. A unit listed twice for the same footprint counts
 * once; listed for two footprints, it is in both (an overlap for `check`). For plans derived from
 * polygons, the row with the largest share gives the unit's assignment.
 */
export function resolvePlan(plan: Plan, units: Units): ResolvedPlan {
  const n = units.ids.length;
  const footprintIndex = new Map<string, number>();
  const footprints: string[] = [];
  const memberships: number[][] = Array.from({ length: n }, () => []);
  const assignment = new Int32Array(n).fill(-1);
  const bestShare = new Float64Array(n).fill(-1);
  const unknown: PlanRow[] = [];
  const rowsOfUnit = new Map<number, PlanRow[]>();
  for (const row of plan.rows) {
    const u = units.index.get(row.unit);
    if (u === undefined) {
      unknown.push(row);
      continue;
    }
    let f = footprintIndex.get(row.footprint);
    if (f === undefined) {
      f = footprints.length;
      footprintIndex.set(row.footprint, f);
      footprints.push(row.footprint);
    }
    let rows = rowsOfUnit.get(u);
    if (!rows) rowsOfUnit.set(u, (rows = []));
    rows.push(row);
    if (!memberships[u].includes(f)) memberships[u].push(f);
    const share = row.share ?? 1;
    if (share > bestShare[u]) {
      bestShare[u] = share;
      assignment[u] = f;
    }
  }
  const members: number[][] = footprints.map(() => []);
  memberships.forEach((fs, u) => fs.forEach((f) => members[f].push(u)));
  return {
    footprints,
    names: footprints.map((f) => plan.names.get(f) ?? ""),
    members,
    memberships,
    assignment,
    unknown,
    rowsOfUnit,
  };
}

/** Population of each footprint, counting every unit once, in its assigned footprint. */
export function footprintPopulations(resolved: ResolvedPlan, population: Float64Array): Float64Array {
  const pop = new Float64Array(resolved.footprints.length);
  resolved.assignment.forEach((f, u) => {
    if (f >= 0 && !Number.isNaN(population[u])) pop[f] += population[u];
  });
  return pop;
}
