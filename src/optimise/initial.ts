import { UsageError } from "../errors.js";
import { adjustCount } from "./footprintCount.js";
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
  /** Locks in slot numbers (null without locks or exceptions named by a unit). */
  lock: Int32Array | null;
  /** Slot -> footprint number of the caller's start (identity without a start; new numbers after the start's). */
  labels: number[];
  /** Allowed number of non-empty footprints. */
  count: { min: number; max: number };
  /** Population bounds per slot (the instance's, or an exception's). */
  minOf: Float64Array;
  maxOf: Float64Array;
}

/**
 * The search's starting point. With a start: its footprint numbers made compact, locks applied,
 * contiguity repaired and the footprint count brought into the allowed range (by spanning-tree
 * splits or merges; population bounds are repaired later, on the search state). Without: a plan
 * grown from seeds, with a footprint count suited to the population bounds. Exceptions then set
 * their footprints' bounds: one named by a start footprint applies to that footprint's slot, one
 * named by a unit to the slot the unit starts in, and that unit stays there (so the exception
 * always means "the footprint containing this unit").
 */
export function initialPlan(inst: Instance, opts: OptimiseOptions, rng: () => number): InitialPlan {
  const { n } = inst;
  let total = 0;
  for (let u = 0; u < n; u++) total += inst.population[u];
  const feasibleMin = Math.max(1, Math.ceil(total / inst.max));
  const feasibleMax = Math.max(1, inst.min > 0 ? Math.floor(total / inst.min) : n);
  let plan: Omit<InitialPlan, "minOf" | "maxOf">;
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
    const startCount = new Set(start).size;
    const count = opts.footprints ?? { min: startCount, max: startCount };
    if (count.max > n) throw new UsageError(`${count.max} footprints asked for, but there are only ${n} units`, "--footprints");
    // Slots for footprints beyond the start's, numbered after its largest number.
    let next = labels[labels.length - 1] + 1;
    while (labels.length < count.max) labels.push(next++);
    const k = labels.length;
    const startSlots = Int32Array.from(start, (f) => slot.get(f)!);
    const lock = opts.lock ? Int32Array.from(opts.lock, (f) => (f >= 0 ? slot.get(f)! : -1)) : null;
    const assign = Int32Array.from(startSlots);
    if (lock) for (let u = 0; u < n; u++) if (lock[u] >= 0) assign[u] = lock[u];
    repairContiguity(inst, assign, k, lock);
    const now = new Set(assign).size;
    if (now < count.min || now > count.max) adjustCount(inst, assign, k, now < count.min ? count.min : count.max, lock, rng);
    plan = { assign, k, start: startSlots, lock, labels, count };
  } else {
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
    plan = { assign, k, start: null, lock: null, labels: Array.from({ length: k }, (_, i) => i), count };
  }
  return { ...plan, ...exceptionBounds(inst, opts, plan) };
}

/** Per-slot bounds from the exceptions, locking each exception's unit into its slot. */
function exceptionBounds(inst: Instance, opts: OptimiseOptions, plan: Omit<InitialPlan, "minOf" | "maxOf">): Pick<InitialPlan, "minOf" | "maxOf" | "lock"> {
  const minOf = new Float64Array(plan.k).fill(inst.min);
  const maxOf = new Float64Array(plan.k).fill(inst.max);
  let lock = plan.lock;
  const setBy = new Array<number>(plan.k).fill(-1);
  (opts.exceptions ?? []).forEach((x, i) => {
    let f: number;
    if (x.footprint !== undefined) {
      f = plan.labels.indexOf(x.footprint);
      if (f < 0) throw new UsageError(`exception ${i + 1} names footprint ${x.footprint}, which the start does not have`, "exceptions");
    } else if (x.unit !== undefined) {
      f = plan.assign[x.unit];
      if (!lock) lock = new Int32Array(inst.n).fill(-1);
      else if (lock === plan.lock) lock = Int32Array.from(lock);
      if (lock[x.unit] >= 0 && lock[x.unit] !== f) throw new UsageError(`exception ${i + 1}: its unit is locked to another footprint`, "exceptions");
      lock[x.unit] = f;
    } else throw new UsageError(`exception ${i + 1} names no footprint`, "exceptions");
    if (setBy[f] >= 0) throw new UsageError(`exceptions ${setBy[f] + 1} and ${i + 1} apply to the same footprint`, "exceptions");
    setBy[f] = i;
    if (x.min !== undefined) minOf[f] = x.min;
    if (x.max !== undefined) maxOf[f] = x.max;
  });
  return { minOf, maxOf, lock };
}
