import { InputError, UsageError } from "../errors.js";
import { components } from "../model/components.js";
import { formatInt } from "../model/format.js";
import { resolvePlan } from "../model/plan.js";
import type { Dataset, Plan } from "../model/types.js";
import { type Contracted, contractGroups, expandAssignment } from "../optimise/contract.js";
import type { Instance, OptimiseOptions } from "../optimise/instance.js";
import { instanceFromDataset } from "../optimise/instance.js";
import type { Constraints } from "./constraints.js";

/** A dataset, a start plan and constraints, turned into what the search takes. */
export interface Problem {
  /** The instance searched (keep-together groups contracted into single units). */
  inst: Instance;
  /** Start, locks, exceptions and unit weights in the searched instance's units. */
  opts: Pick<OptimiseOptions, "start" | "lock" | "exceptions" | "unitWeight">;
  /** Start footprint index per dataset unit (null without a start), and the start's ids and names. */
  start: Int32Array | null;
  startIds: string[];
  startNames: string[];
  /** Per dataset unit, the start index its lock names (-1 for none). */
  lock: Int32Array | null;
  /** Start indexes of footprints an exception names by id (their ids are kept). */
  exceptionFootprints: number[];
  /** Units of groups whose start footprint is not their group's: moved whatever the search does. */
  movedOffset: number;
  /** An assignment of the searched units as one of the dataset's units. */
  expand(assign: Int32Array): Int32Array;
}

/**
 * Builds the search problem: the instance (with the margin applied to the threshold and the
 * split tolerance of `check`), the start plan's footprints as indexes, locks, keep-together groups
 * contracted into single units and exceptions resolved. Bad constraints are refused before any
 * search, naming the file and line: a lock or exception naming an unknown unit or a footprint the
 * start lacks, a group that is not connected or holds more people than any footprint may, locks
 * splitting a group.
 */
export function optimiseProblem(
  dataset: Dataset,
  startPlan: Plan | null,
  c: Constraints,
  o: { margin?: number; splitTolerance: number; unsplit?: boolean },
): Problem {
  const units = dataset.units;
  const n = units.ids.length;
  let inst = instanceFromDataset(dataset, o.splitTolerance);
  if (o.margin) {
    if (o.margin >= inst.threshold) throw new UsageError(`must be below the threshold ${inst.threshold}`, "--margin");
    inst = { ...inst, threshold: inst.threshold - o.margin };
  }
  let start: Int32Array | null = null;
  let startIds: string[] = [];
  let startNames: string[] = [];
  if (startPlan) {
    const resolved = resolvePlan(startPlan, units);
    start = resolved.assignment;
    startIds = resolved.footprints;
    startNames = resolved.names;
  } else if (c.locks) throw new UsageError("needs a start plan (--start FILE) to lock units", "--lock");
  const footprintIndex = new Map(startIds.map((id, f) => [id, f]));

  let lock: Int32Array | null = null;
  if (c.locks) {
    lock = new Int32Array(n).fill(-1);
    for (const row of c.locks) {
      const u = units.index.get(row.unit);
      if (u === undefined) throw new InputError(c.lockFile, `"${row.unit}" is not a unit of the boundaries`, { line: row.line });
      const f = footprintIndex.get(row.footprint);
      if (f === undefined) throw new InputError(c.lockFile, `"${row.footprint}" is not a footprint of the start plan`, { line: row.line });
      lock[u] = f;
    }
  }

  const exceptions: NonNullable<OptimiseOptions["exceptions"]> = [];
  const exceptionFootprints: number[] = [];
  for (const e of c.exceptions ?? []) {
    if (e.footprint !== undefined) {
      const f = footprintIndex.get(e.footprint);
      if (f === undefined)
        throw new InputError(c.exceptionsFile, startPlan ? `"${e.footprint}" is not a footprint of the start plan` : `names footprint "${e.footprint}", but there is no start plan (name a unit instead)`, { line: e.line });
      exceptions.push({ footprint: f, min: e.min, max: e.max });
      exceptionFootprints.push(f);
    } else {
      const u = units.index.get(e.unit!);
      if (u === undefined) throw new InputError(c.exceptionsFile, `"${e.unit}" is not a unit of the boundaries`, { line: e.line });
      exceptions.push({ unit: u, min: e.min, max: e.max });
    }
  }

  let contracted: Contracted | null = null;
  const groupOf = new Int32Array(n).fill(-1);
  if (c.groups?.length) {
    const maxAllowed = Math.max(inst.max, ...(c.exceptions ?? []).map((e) => e.max ?? 0));
    c.groups.forEach((g, gi) => {
      const members: number[] = [];
      g.units.forEach((id, j) => {
        const u = units.index.get(id);
        if (u === undefined) throw new InputError(c.groupsFile, `group "${g.id}" names "${id}", which is not a unit of the boundaries`, { line: g.lines[j] });
        groupOf[u] = gi;
        members.push(u);
      });
      const pieces = components(members, dataset.adjacency.neighbors);
      if (pieces.length > 1)
        throw new InputError(
          c.groupsFile,
          `group "${g.id}" is in ${pieces.length} pieces (${pieces.map((p) => units.ids[p[0]]).join(", ")} ...): a group's units must be connected to each other (links count); add the units that join them`,
          { line: g.lines[0] },
        );
      let pop = 0;
      for (const u of members) pop += inst.population[u];
      if (pop > maxAllowed)
        throw new InputError(c.groupsFile, `group "${g.id}" holds ${formatInt(pop)} people, more than any footprint may (${formatInt(maxAllowed)})`, { line: g.lines[0] });
      if (lock) {
        const locked = members.filter((u) => lock![u] >= 0);
        const to = new Set(locked.map((u) => lock![u]));
        if (to.size > 1) {
          const row = c.locks!.find((l) => l.unit === units.ids[locked[locked.length - 1]]);
          throw new InputError(c.lockFile, `locks units of group "${g.id}" to ${to.size} different footprints; a group stays whole`, { line: row?.line });
        }
      }
    });
  }
  // With no split area allowed, the units sharing an area (each holding more than the tolerance
  // of it) must share a footprint: they join into groups, which makes every plan searched
  // unsplit (clusters too populous for one footprint are left to the search's cap instead).
  if (o.unsplit && dataset.areas) unsplitGroups(dataset, inst, o.splitTolerance, groupOf, c.groups?.length ?? 0);
  if (groupOf.some((g) => g >= 0)) contracted = contractGroups(inst, groupOf);

  const of = contracted?.of;
  const pick = (perUnit: Int32Array, m: number, combine: (units: number[]) => number) =>
    contracted ? Int32Array.from({ length: m }, (_, x) => combine(contracted!.members[x])) : perUnit;
  const searched = contracted ? contracted.inst : inst;
  const m = searched.n;
  // A group's start footprint is the one holding most of its people; its lock, any member's lock.
  const majority = (us: number[]) => {
    const byF = new Map<number, number>();
    for (const u of us) byF.set(start![u], (byF.get(start![u]) ?? 0) + inst.population[u]);
    return [...byF].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0][0];
  };
  return {
    inst: searched,
    opts: {
      start: start ? pick(start, m, majority) : undefined,
      lock: lock ? pick(lock, m, (us) => Math.max(...us.map((u) => lock![u]))) : undefined,
      exceptions: exceptions.map((e) => (e.unit !== undefined && of ? { ...e, unit: of[e.unit] } : e)),
      unitWeight: contracted ? Int32Array.from(contracted.members, (us) => us.length) : undefined,
    },
    start,
    startIds,
    startNames,
    lock,
    exceptionFootprints,
    movedOffset: contracted && start ? contracted.members.reduce((x, us) => x + (us.length > 1 ? us.filter((u) => start![u] !== majority(us)).length : 0), 0) : 0,
    expand: (assign) => (contracted ? expandAssignment(contracted, assign) : assign),
  };
}

/**
 * Adds to `groupOf` the clusters of units that share an area of the second geography (each unit
 * holding more than `tolerance` of it), merged with the groups already there, except clusters
 * holding more people than a footprint may or not connected by themselves. Group numbers from
 * `first` on are new.
 */
function unsplitGroups(dataset: Dataset, inst: Instance, tolerance: number, groupOf: Int32Array, first: number): void {
  const units = dataset.units;
  const n = units.ids.length;
  const parent = Int32Array.from({ length: n }, (_, u) => u);
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]];
    return x;
  };
  const union = (a: number, b: number) => {
    parent[find(a)] = find(b);
  };
  // Existing groups stay together.
  const firstOf = new Map<number, number>();
  for (let u = 0; u < n; u++) if (groupOf[u] >= 0) firstOf.has(groupOf[u]) ? union(u, firstOf.get(groupOf[u])!) : firstOf.set(groupOf[u], u);
  const total = new Map<string, number>();
  for (const a of dataset.areas ?? []) total.set(a.area, (total.get(a.area) ?? 0) + a.weight);
  const byArea = new Map<string, number>();
  for (const a of dataset.areas ?? []) {
    const u = units.index.get(a.unit);
    const t = total.get(a.area)!;
    if (u === undefined || !(t > 0) || a.weight / t <= tolerance) continue;
    const prior = byArea.get(a.area);
    if (prior === undefined) byArea.set(a.area, u);
    else union(u, prior);
  }
  const pop = new Map<number, number>();
  const membersOf = new Map<number, number[]>();
  for (let u = 0; u < n; u++) {
    const r = find(u);
    pop.set(r, (pop.get(r) ?? 0) + inst.population[u]);
    const members = membersOf.get(r);
    if (members) members.push(u);
    else membersOf.set(r, [u]);
  }
  // A cluster must also be connected by itself, or contracting it would hide a gap.
  const connected = new Set<number>();
  for (const [r, us] of membersOf) if (us.length >= 2 && components(us, dataset.adjacency.neighbors).length === 1) connected.add(r);
  const number = new Map<number, number>();
  let next = first;
  for (let u = 0; u < n; u++) {
    const r = find(u);
    if (!connected.has(r) || pop.get(r)! > inst.max) continue;
    if (!number.has(r)) number.set(r, next++);
    groupOf[u] = number.get(r)!;
  }
}
