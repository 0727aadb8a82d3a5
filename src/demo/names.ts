/**
 * Invented place names built from syllables, so that no name belongs to a real place by design
 * (and none is chosen to resemble one).
 */
import type { Rng } from "../random.js";
import { randInt } from "../random.js";

const ONSETS = ["b", "br", "c", "d", "dr", "f", "g", "gl", "h", "k", "l", "m", "n", "p", "qu", "r", "s", "st", "t", "th", "tr", "v", "w", "y", "z"];
const VOWELS = ["a", "e", "i", "o", "u", "ae", "ei", "ou", "y"];
const CODAS = ["", "", "n", "r", "l", "m", "s", "th", "nd", "rk", "ll", "v"];
const SUFFIXES = ["by", "ton", "ford", "ham", "wick", "mere", "stead", "well", "bury", "thorpe", "holm", "dale", "port", "vale", "moor", "field", "combe", "haven"];

/**
 * Creates a generator of unique invented names ("Brandelford", "Quivmoor").
 *
 * @param rng the seeded generator the names draw from
 * @example
 * const nextName = createNameMaker(createRng(1));
 * nextName(); // e.g. "Tholbury"
 */
export function createNameMaker(rng: Rng): () => string {
  const used = new Set<string>();
  const pick = (list: readonly string[]): string => list[randInt(rng, list.length)];
  return () => {
    for (;;) {
      const syllables = 1 + randInt(rng, 2);
      let stem = "";
      for (let i = 0; i < syllables; i++) stem += pick(ONSETS) + pick(VOWELS) + (i === syllables - 1 ? pick(CODAS) : "");
      const name = stem.charAt(0).toUpperCase() + stem.slice(1) + pick(SUFFIXES);
      if (!used.has(name)) {
        used.add(name);
        return name;
      }
    }
  };
}
