/**
 * A small seeded pseudo-random number generator, so that optimiser runs and the demo dataset are
 * reproducible. `Math.random` is never used in this project: it cannot be seeded. This module
 * imports nothing, so every layer (the optimiser, the demo generator) can use it.
 *
 * The generator is sfc32 (Chris Doty-Humphrey's "small fast chaotic" generator from PractRand):
 * 128 bits of state, period at least 2^32, passes PractRand and BigCrush, and needs only 32-bit
 * integer adds, xors and shifts. The 32-bit seed is spread over the state with splitmix32 and the
 * first 12 outputs are discarded, so that nearby seeds (1, 2, 3 ...) give unrelated streams.
 */

/** A source of uniform numbers in [0, 1). */
export type Rng = () => number;

/** splitmix32 step: a bijective 32-bit mixer used only to expand the seed. */
function splitmix32(state: number): [next: number, out: number] {
  const next = (state + 0x9e3779b9) | 0;
  let z = next;
  z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
  z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
  z ^= z >>> 15;
  return [next, z >>> 0];
}

/**
 * Creates a seeded generator of uniform numbers in [0, 1) with 32 bits of resolution.
 *
 * @param seed any number; it is truncated to a 32-bit integer
 * @returns a function returning the next number of the stream
 * @example
 * const rng = createRng(42);
 * const x = rng(); // the same x for every run with seed 42
 */
export function createRng(seed: number): Rng {
  let s = seed | 0;
  let a: number;
  let b: number;
  let c: number;
  let d: number;
  [s, a] = splitmix32(s);
  [s, b] = splitmix32(s);
  [s, c] = splitmix32(s);
  [s, d] = splitmix32(s);
  const next = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  return next;
}

/**
 * Draws a uniform integer in [0, n).
 *
 * @param rng a generator from {@link createRng}
 * @param n the number of choices, a positive integer below 2^32
 * @example
 * const i = randInt(createRng(1), 6); // 0..5
 */
export function randInt(rng: Rng, n: number): number {
  return Math.floor(rng() * n);
}
