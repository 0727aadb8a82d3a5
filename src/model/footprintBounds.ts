import type { ResolvedPlan } from "./plan.js";
import type { BoundException, Units } from "./types.js";

/** Population bounds per footprint of a plan, with the exceptions that set them. */
export interface FootprintBounds {
  min: Float64Array;
  max: Float64Array;
  /** The exception that applies to each footprint, or null for the dataset's bounds. */
  exception: (BoundException | null)[];
  /** Footprints that two exceptions apply to (the first one is used), as [footprint, first, second]. */
  conflicts: [number, BoundException, BoundException][];
  /** Exceptions that apply to no footprint of the plan (an unknown unit, an absent id). */
  unmatched: BoundException[];
}

/**
 * Resolves exceptions against a plan: an exception naming a footprint id applies to that
 * footprint, one naming a unit to the footprint that unit is in. Every other footprint keeps the
 * dataset's bounds; an exception's absent bound is the dataset's too.
 */
export function footprintBounds(plan: ResolvedPlan, units: Units, bounds: { min: number; max: number }, exceptions: BoundException[] = []): FootprintBounds {
  const k = plan.footprints.length;
  const min = new Float64Array(k).fill(bounds.min);
  const max = new Float64Array(k).fill(bounds.max);
  const exception: (BoundException | null)[] = new Array(k).fill(null);
  const conflicts: FootprintBounds["conflicts"] = [];
  const unmatched: BoundException[] = [];
  const index = new Map(plan.footprints.map((id, f) => [id, f]));
  for (const e of exceptions) {
    let f = -1;
    if (e.footprint !== undefined) f = index.get(e.footprint) ?? -1;
    else if (e.unit !== undefined) {
      const u = units.index.get(e.unit);
      f = u === undefined ? -1 : plan.assignment[u];
    }
    if (f < 0) {
      unmatched.push(e);
      continue;
    }
    const prior = exception[f];
    if (prior) {
      conflicts.push([f, prior, e]);
      continue;
    }
    exception[f] = e;
    min[f] = e.min ?? bounds.min;
    max[f] = e.max ?? bounds.max;
  }
  return { min, max, exception, conflicts, unmatched };
}

/** "exception (line 3: max 2,900,000)" for messages. */
export function describeException(e: BoundException, fmt: (n: number) => string): string {
  const parts: string[] = [];
  if (e.min !== undefined) parts.push(`min ${fmt(e.min)}`);
  if (e.max !== undefined) parts.push(`max ${fmt(e.max)}`);
  return `exception${e.line !== undefined ? ` (line ${e.line}` : " ("}${e.line !== undefined ? ": " : ""}${parts.join(", ")}${e.note ? `; ${e.note}` : ""})`;
}
