import { UsageError } from "../errors.js";
import { growPlan } from "./grow.js";
import type { Instance, OptimiseOptions } from "./instance.js";
import { repairContiguity } from "./repair.js";

/** A starting assignment in compact footprint numbers, with what is needed to map back. */
export interface InitialPlan {
  /** Footprint slot per unit, 0..k-1. */
  assign: Int32Array;
  k: number;
  /** Start in slot numbers (null without a start). */
  start: Int32Array | null;
  /** Locks in slot numbers (null without locks). */
  lock: Int32Array | null;
  /** Slot -> footprint number of the caller's start (identity without a start). */
  labels: number[];
  /** Allowed number of non-empty footprints. */
  count: { min: number; max: number };
}

/**
 * The search's starting point. With a start: its footprint numbers made compact, locks applied and
 * contiguity repaired (population bounds are repaired later, on the search state). Without: a plan
 * grown from seeds, with a footprint count suited to the population bounds.
 */
export function initialPlan(inst: Instance, opts: OptimiseOptions, rng: () => number): InitialPlan {
  const { n } = inst;
  let total = 0;
  for (let u = 0; u < n; u++) total += inst.population[u];
  const feasibleMin = Math.max(1, Math.ceil(total / inst.max));
  const feasibleMax = Math.max(1, inst.min > 0 ? Math.floor(total / inst.min) : n);
  if (opts.start) {
    const start = opts.start;
    if (start.length !== n) throw new UsageError(`start has ${start.length} units, expected ${n}`, "start");
    const used = new Set<number>();
    for (let u = 0; u < n; u++) {
      if (!(start[u] >= 0)) throw new UsageError(`unit ${u} has no footprint in the start`, "start");
      used.add(start[u]);
    }
    if (opts.lock) for (let u = 0; u < n; u++) if (opts.lock[u] >= 0) used.add(opts.lock[u]);
    const labels = [...used].sort((a, b) => a - b);
    const slot = new Map(labels.map((l, i) => [l, i]));
    const k = labels.length;
    const startSlots = Int32Array.from(start, (f) => slot.get(f)!);
    const lock = opts.lock ? Int32Array.from(opts.lock, (f) => (f >= 0 ? slot.get(f)! : -1)) : null;
    const assign = Int32Array.from(startSlots);
    if (lock) for (let u = 0; u < n; u++) if (lock[u] >= 0) assign[u] = lock[u];
    repairContiguity(inst, assign, k, lock);
    const startCount = new Set(start).size;
    const count = opts.footprints ?? { min: startCount, max: startCount };
    return { assign, k, start: startSlots, lock, labels, count };
  }
  if (opts.lock && opts.lock.some((f) => f >= 0)) throw new UsageError("locks need a start plan", "lock");
  const count = opts.footprints ?? { min: feasibleMin, max: feasibleMax };
  if (count.min > count.max || count.max < 1) throw new UsageError(`empty footprint count range ${count.min}..${count.max}`, "footprints");
  // Fewer, larger footprints hold more providers whole; aim at three quarters of the maximum size.
  const target = Math.ceil(total / (0.75 * inst.max));
  const k = Math.min(n, Math.max(count.min, Math.min(count.max, Math.max(target, feasibleMin))));
  const assign = growPlan(inst, k, rng);
  // Units no seed reaches (an adjacency in more pieces than footprints) go to footprint 0; the
  // result then reports the broken contiguity.
  for (let u = 0; u < n; u++) if (assign[u] < 0) assign[u] = 0;
  return { assign, k, start: null, lock: null, labels: Array.from({ length: k }, (_, i) => i), count };
}
