import type { Instance, Objective } from "./instance.js";
import { footprintComponents } from "./contiguity.js";

/**
 * The objective of an assignment computed from scratch (no cached state): the reference that
 * the incremental updaters are tested against, and the figure reported for start plans.
 * @param start footprint per unit to count moves against, or null
 * @example
 * evaluate(inst, plan, null) // { cross: 78, tie: 3.1, moved: 0 }
 */
export function evaluate(inst: Instance, assign: Int32Array, start: Int32Array | null, weight?: Int32Array | null): Objective {
  const k = footprintSlots(assign);
  const prov = inst.providers;
  const P = prov.total.length;
  const row = new Float64Array(k);
  let cross = 0;
  let tie = 0;
  for (let p = 0; p < P; p++) {
    const total = prov.total[p];
    if (!(total > 0)) continue;
    row.fill(0);
    for (let e = prov.offsets[p]; e < prov.offsets[p + 1]; e++) row[assign[prov.unit[e]]] += prov.value[e];
    const t = Math.max(inst.threshold, 1e-12);
    let above = 0;
    let pos = 0;
    let largest = 0;
    for (let f = 0; f < k; f++) {
      const share = row[f] / total;
      if (share >= t) {
        above++;
        pos += share - t;
      }
      if (share > largest) largest = share;
    }
    if (above >= 2) cross++;
    tie += pos - Math.max(0, largest - t);
  }
  let moved = 0;
  if (start) for (let u = 0; u < inst.n; u++) if (start[u] >= 0 && start[u] !== assign[u]) moved += weight ? weight[u] : 1;
  const objective: Objective = { cross, tie, moved };
  if (inst.areas) objective.split = splitAreas(inst, assign, k);
  return objective;
}

/** Areas with more than the split tolerance of their weight in a second footprint, from scratch. */
export function splitAreas(inst: Instance, assign: Int32Array, k = footprintSlots(assign)): number {
  const areas = inst.areas;
  if (!areas) return 0;
  const row = new Float64Array(k);
  let split = 0;
  for (let a = 0; a < areas.total.length; a++) {
    const total = areas.total[a];
    if (!(total > 0)) continue;
    row.fill(0);
    for (let e = areas.offsets[a]; e < areas.offsets[a + 1]; e++) row[assign[areas.unit[e]]] += areas.value[e];
    let above = 0;
    for (let f = 0; f < k; f++) if (row[f] / total > inst.splitTolerance) above++;
    if (above >= 2) split++;
  }
  return split;
}

/** Rules an optimiser result must meet, beyond the objective. */
export interface PlanLimits {
  start?: Int32Array | null;
  lock?: Int32Array | null;
  maxMoves?: number;
  footprints?: { min: number; max: number };
  /** Population bounds per footprint number (default the instance's). */
  bounds?: { min: Float64Array; max: Float64Array };
  /** Units each unit stands for in units moved (default 1). */
  weight?: Int32Array | null;
}

/**
 * Hard-rule problems of an assignment, as plain sentences (empty when it is feasible): population
 * bounds, contiguity, locks, the moves limit and the footprint count.
 */
export function planProblems(inst: Instance, assign: Int32Array, limits: PlanLimits = {}): string[] {
  const problems: string[] = [];
  const k = footprintSlots(assign);
  const pop = new Float64Array(k);
  for (let u = 0; u < inst.n; u++) {
    if (assign[u] < 0) problems.push(`unit ${u} is in no footprint`);
    else pop[assign[u]] += inst.population[u];
  }
  if (problems.length) return problems;
  const comps = footprintComponents(inst.adjOffsets, inst.adj, assign, k);
  let count = 0;
  for (let f = 0; f < k; f++) {
    if (comps[f].length === 0) continue;
    count++;
    const min = limits.bounds?.min[f] ?? inst.min;
    const max = limits.bounds?.max[f] ?? inst.max;
    if (pop[f] < min) problems.push(`footprint ${f} has population ${pop[f]} below ${min}`);
    if (pop[f] > max) problems.push(`footprint ${f} has population ${pop[f]} above ${max}`);
    if (comps[f].length > 1) problems.push(`footprint ${f} is in ${comps[f].length} pieces`);
  }
  const { start, lock, maxMoves, footprints, weight } = limits;
  if (lock)
    for (let u = 0; u < inst.n; u++)
      if (lock[u] >= 0 && assign[u] !== lock[u]) problems.push(`unit ${u} is locked to footprint ${lock[u]} but is in ${assign[u]}`);
  if (start && maxMoves !== undefined) {
    let moved = 0;
    for (let u = 0; u < inst.n; u++) if (start[u] >= 0 && start[u] !== assign[u]) moved += weight ? weight[u] : 1;
    if (moved > maxMoves) problems.push(`${moved} units moved, more than the limit of ${maxMoves}`);
  }
  if (footprints && (count < footprints.min || count > footprints.max))
    problems.push(`${count} footprints, outside ${footprints.min}..${footprints.max}`);
  return problems;
}

/** Number of footprint slots an assignment uses: its largest index + 1. */
export function footprintSlots(assign: Int32Array): number {
  let k = 0;
  for (let u = 0; u < assign.length; u++) if (assign[u] + 1 > k) k = assign[u] + 1;
  return k;
}
