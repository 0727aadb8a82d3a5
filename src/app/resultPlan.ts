import { labelFootprints, memberName, placeName } from "../model/labelFootprints.js";
import type { Dataset, Plan } from "../model/types.js";
import type { Problem } from "./optimiseProblem.js";

/** A search result as a plan, named truthfully, with how it relates to the start. */
export interface ResultPlan {
  plan: Plan;
  /** Footprint id per dataset unit. */
  ids: string[];
  /** Units whose footprint id differs from their start footprint's id (0 without a start). */
  moved: number;
  /** Per result footprint id: the start footprint it continues, or null when it is new. */
  continues: Map<string, string | null>;
}

/**
 * Turns a search result (footprint numbers over the searched units, start numbers where the start
 * has them) into a plan: the assignment expanded to the dataset's units and the footprints named
 * by `labelFootprints` (a start footprint's id and name only for a footprint holding the majority
 * of its people and vice versa, or one a lock or an exception names by id; otherwise a new id and a
 * name from its largest local authorities, or units without areas).
 */
export function resultPlan(dataset: Dataset, problem: Problem, searched: Int32Array): ResultPlan {
  const assign = problem.expand(searched);
  const { units } = dataset;
  const pinned = new Map<number, number>();
  if (problem.lock) problem.lock.forEach((f, u) => f >= 0 && !pinned.has(assign[u]) && pinned.set(assign[u], f));
  for (const f of problem.exceptionFootprints) if (!pinned.has(f)) pinned.set(f, f);
  // Areas by unit, for names made of local authorities.
  const areasOf = new Map<number, { name: string; weight: number }[]>();
  for (const a of dataset.areas ?? []) {
    const u = units.index.get(a.unit);
    if (u === undefined || !(a.weight > 0)) continue;
    const list = areasOf.get(u) ?? [];
    list.push({ name: placeName(a.name || a.area), weight: a.weight });
    areasOf.set(u, list);
  }
  const nameOf = (members: number[]) => {
    const w = new Map<string, number>();
    for (const u of members) {
      const list = areasOf.get(u);
      if (list) for (const a of list) w.set(a.name, (w.get(a.name) ?? 0) + a.weight);
      else w.set(placeName(units.names[u] || units.ids[u]), (w.get(placeName(units.names[u] || units.ids[u])) ?? 0) + (dataset.population[u] || 0));
    }
    return memberName(w);
  };
  const labels = labelFootprints({
    assign,
    start: problem.start,
    startIds: problem.startIds,
    startNames: problem.startNames,
    population: dataset.population,
    pinned,
    nameOf,
  });
  const plan: Plan = { rows: [], names: new Map(), source: "optimised" };
  const ids: string[] = [];
  assign.forEach((f, u) => {
    const id = labels.ids[f];
    ids.push(id);
    plan.rows.push({ unit: units.ids[u], footprint: id, share: 1 });
    if (!plan.names.has(id)) plan.names.set(id, labels.names[f]);
  });
  const continues = new Map<string, string | null>();
  labels.ids.forEach((id, f) => {
    if (plan.names.has(id)) continues.set(id, labels.continues[f] >= 0 ? problem.startIds[labels.continues[f]] : null);
  });
  return { plan, ids, moved: labels.moved, continues };
}
