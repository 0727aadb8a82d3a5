import { resolvePlan } from "./plan.js";
import type { Plan, Units } from "./types.js";

/** A unit whose footprint differs between two plans (null: in no footprint in that plan). */
export interface MovedUnit {
  unit: string;
  name: string;
  from: string | null;
  /** The from footprint's name ("" when unknown). */
  fromName: string;
  to: string | null;
  toName: string;
}

/** A footprint in both plans whose units differ. */
export interface ChangedFootprint {
  footprint: string;
  name: string;
  /** Units it has in B but not in A. */
  gained: string[];
  /** Units it had in A but not in B. */
  lost: string[];
  /** Names of the units gained and lost (unit id -> name), where the boundaries name any. */
  unitNames?: Record<string, string>;
}

/** What changed from plan A to plan B, unit by unit and footprint by footprint. */
export interface PlanDiff {
  moved: MovedUnit[];
  /** Footprints in B only. */
  created: { footprint: string; name: string; units: string[] }[];
  /** Footprints in A only. */
  removed: { footprint: string; name: string; units: string[] }[];
  changed: ChangedFootprint[];
  /** Footprints in both plans with the same units. */
  unchanged: number;
}

/**
 * Compares two plans over the same units. A unit counts in the footprint where its population
 * counts (its first listed footprint, or for polygon plans the one covering most of it), so a
 * unit listed twice is compared by that one. Footprints are matched by id. Units unknown to the
 * boundaries are left out (`check` reports them).
 *
 * @example
 * diffPlans(dataset.units, before, after).moved; // [{ unit: "E38000087", from: "E54000042", to: "E54000044", ... }]
 */
export function diffPlans(units: Units, a: Plan, b: Plan): PlanDiff {
  const ra = resolvePlan(a, units), rb = resolvePlan(b, units);
  const footprintOf = (r: ReturnType<typeof resolvePlan>, u: number) => (r.assignment[u] >= 0 ? r.footprints[r.assignment[u]] : null);
  const nameOf = (id: string | null) => (id === null ? "" : b.names.get(id) || a.names.get(id) || "");
  const moved: MovedUnit[] = [];
  for (let u = 0; u < units.ids.length; u++) {
    const from = footprintOf(ra, u), to = footprintOf(rb, u);
    if (from !== to) moved.push({ unit: units.ids[u], name: units.names[u], from, fromName: nameOf(from), to, toName: nameOf(to) });
  }
  const membersOf = (r: ReturnType<typeof resolvePlan>) => {
    const m = new Map<string, string[]>(r.footprints.map((f) => [f, []]));
    r.assignment.forEach((f, u) => {
      if (f >= 0) m.get(r.footprints[f])!.push(units.ids[u]);
    });
    return m;
  };
  const ma = membersOf(ra), mb = membersOf(rb);
  const created = [...mb.keys()].filter((f) => !ma.has(f)).map((f) => ({ footprint: f, name: nameOf(f), units: mb.get(f)! }));
  const removed = [...ma.keys()].filter((f) => !mb.has(f)).map((f) => ({ footprint: f, name: nameOf(f), units: ma.get(f)! }));
  const changed: ChangedFootprint[] = [];
  let unchanged = 0;
  for (const [f, before] of ma) {
    const after = mb.get(f);
    if (!after) continue;
    const sa = new Set(before), sb = new Set(after);
    const gained = after.filter((u) => !sa.has(u));
    const lost = before.filter((u) => !sb.has(u));
    if (gained.length || lost.length) {
      const unitNames: Record<string, string> = {};
      for (const id of [...gained, ...lost]) {
        const name = units.names[units.index.get(id)!];
        if (name) unitNames[id] = name;
      }
      changed.push({ footprint: f, name: nameOf(f), gained, lost, ...(Object.keys(unitNames).length ? { unitNames } : {}) });
    }
    else unchanged++;
  }
  return { moved, created, removed, changed, unchanged };
}
