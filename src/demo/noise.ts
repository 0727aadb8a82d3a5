/**
 * Deterministic hash-based noise for the demo generator. Values depend only on the seed and the
 * integer lattice point, never on call order, so a change in one part of the generator does not
 * shift the random stream of another.
 */

/**
 * Hashes a seed and two integers to a uniform number in [0, 1).
 *
 * The mixer is the murmur3 32-bit finaliser applied to a combination of the inputs; it is not
 * cryptographic, only well spread.
 *
 * @example
 * hash2(7, 10, -3); // the same value on every run
 */
export function hash2(seed: number, x: number, y: number): number {
  let h = (seed | 0) ^ Math.imul(x | 0, 0x27d4eb2d) ^ Math.imul(y | 0, 0x165667b1);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}

/** Smoothstep 3t^2 - 2t^3, so value noise has a continuous gradient at lattice lines. */
function fade(t: number): number {
  return t * t * (3 - 2 * t);
}

/**
 * Value noise: random values on the integer lattice, smoothly interpolated between them.
 *
 * @returns a number in [0, 1)
 * @example
 * valueNoise(1, 0.5, 2.25);
 */
export function valueNoise(seed: number, x: number, y: number): number {
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  const tx = fade(x - x0);
  const ty = fade(y - y0);
  const a = hash2(seed, x0, y0);
  const b = hash2(seed, x0 + 1, y0);
  const c = hash2(seed, x0, y0 + 1);
  const d = hash2(seed, x0 + 1, y0 + 1);
  const top = a + (b - a) * tx;
  const bottom = c + (d - c) * tx;
  return top + (bottom - top) * ty;
}

/**
 * Fractal (fBm) noise: octaves of value noise, each twice the frequency and half the amplitude of
 * the previous one, centred on zero.
 *
 * @returns a number in about [-1, 1]
 * @example
 * fractalNoise(3, x / 60, y / 60, 4);
 */
export function fractalNoise(seed: number, x: number, y: number, octaves: number): number {
  let sum = 0;
  let amplitude = 1;
  let norm = 0;
  let f = 1;
  for (let o = 0; o < octaves; o++) {
    sum += amplitude * (valueNoise(seed + o * 1013, x * f, y * f) * 2 - 1);
    norm += amplitude;
    amplitude *= 0.5;
    f *= 2;
  }
  return sum / norm;
}
