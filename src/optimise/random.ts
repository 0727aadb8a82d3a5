/**
 * A small seeded pseudo-random generator for the optimiser. Every random choice of a search goes
 * through one of these, passed in explicitly, so a seed fixes the whole run.
 *
 * The generator is sfc32 (Chris Doty-Humphrey's "small fast chaotic" generator, public domain in
 * PractRand): 128 bits of state, 32-bit integer arithmetic only, period at least 2^32 and far more in
 * practice, and it passes PractRand and BigCrush. The seed is spread over the state with splitmix32
 * and the first outputs are discarded, as its author recommends.
 */

/**
 * Creates a seeded generator of floats in [0, 1).
 * @param seed any number; the same seed gives the same sequence on every platform
 * @example
 * const rng = createRng(42);
 * const i = Math.floor(rng() * 10); // 0..9
 */
export function createRng(seed: number): () => number {
  const next = sfc32(seed);
  return () => next() / 4294967296;
}

/**
 * Creates a seeded generator of unsigned 32-bit integers (as non-negative numbers).
 * @param seed any number
 */
export function createRng32(seed: number): () => number {
  return sfc32(seed);
}

/** Derives the seed of replica `index` from a run's seed, so replicas explore differently. */
export function replicaSeed(seed: number, index: number): number {
  let h = (Math.trunc(seed) ^ Math.imul(index + 1, 0x9e3779b9)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

function sfc32(seed: number): () => number {
  // splitmix32 to fill the state from one number (fractional seeds use their bits too).
  let s = (Math.trunc(seed) ^ Math.trunc((seed % 1) * 4294967296)) >>> 0;
  const mix = (): number => {
    s = (s + 0x9e3779b9) | 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) | 0;
  };
  let a = mix();
  let b = mix();
  let c = mix();
  let d = 1;
  const next = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 12; i++) next();
  return next;
}
