/**
 * The optimiser's random numbers: the project's seeded generator (src/random.ts) and the seeds of
 * replicas.
 */
export { createRng } from "../random.js";

/** Derives the seed of replica `index` from a run's seed, so replicas explore differently. */
export function replicaSeed(seed: number, index: number): number {
  let h = (Math.trunc(seed) ^ Math.imul(index + 1, 0x9e3779b9)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
