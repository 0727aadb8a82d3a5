import type { Instance } from "../instance.js";
import type { State } from "../state.js";
import { Energy } from "./energy.js";
import { ShareTerm } from "./shares.js";
import type { Term, TermName } from "./term.js";

/** What the search minimises: weights by term name, caps, and tuning of the tie-breakers. */
export interface ObjectiveOptions {
  /**
   * Weight of one unit of each term in the energy and in the ranking of plans: `cross`
   * (cross-footprint providers, default 1), `split` (split areas, needs the instance's areas;
   * default 0) and `moved` (units moved from the start, default 0).
   */
  weights?: Partial<Record<TermName, number>>;
  /** Terms to keep counting even at weight 0 (the frontier measures split areas in every run). */
  measure?: TermName[];
  /** Soft caps: a plan over a cap is never returned, and the energy adds `capPenalty` per unit over. */
  caps?: { split?: number };
  tuning?: {
    /** Weight of the cross-footprint excess tie-breaker (default 0.3). */
    tie?: number;
    /** Weight of the split-area excess tie-breaker (default 0.3). */
    splitTie?: number;
    /** Weight of the sum of squared provider shares (rewards concentrating every provider; default 0). */
    spread?: number;
    /** Weight of a unit moved that only breaks exact ties (default 1e-4). */
    movedTie?: number;
    /** Energy per unit of a term above its cap (default 2: on England 2016 with split areas <= 16, 45 on 4 seeds of 4 against 45 on 3 of 5 with 1). */
    capPenalty?: number;
  };
}

export const OBJECTIVE_DEFAULTS = { cross: 1, split: 0, moved: 0, tie: 0.3, splitTie: 0.3, spread: 0, movedTie: 1e-4, capPenalty: 2 };

/** Term names and what they count, for messages and reports. */
export const TERM_NAMES: Record<TermName, string> = {
  cross: "cross-footprint providers",
  split: "split areas",
  moved: "units moved",
};

/** True when the objective uses the split-area term (a weight or a cap on it). */
export function usesSplit(o: ObjectiveOptions): boolean {
  return (o.weights?.split ?? OBJECTIVE_DEFAULTS.split) > 0 || o.caps?.split !== undefined || (o.measure?.includes("split") ?? false);
}

/**
 * The energy of a search over `inst` as a factory for states (each state gets its own caches).
 * The terms: cross-footprint providers always (the product's first objective), split areas when
 * weighted or capped (it needs the instance's areas). Adding a term is one file in energy/ and one
 * line here.
 * @throws Error when the split term is asked for without areas (a bug of the caller: the app layer
 * refuses it as a usage error first)
 */
export function energyFactory(inst: Instance, o: ObjectiveOptions = {}): (s: State) => Energy {
  const d = OBJECTIVE_DEFAULTS;
  const w = { ...d, ...o.weights };
  const t = { ...d, ...o.tuning };
  const split = usesSplit(o);
  if (split && !inst.areas) throw new Error("the split-area term needs the instance's areas");
  return (s) => {
    const terms: Term[] = [new ShareTerm("cross", s.n, s.k, inst.providers, inst.threshold, { count: w.cross, tie: t.tie, spread: t.spread })];
    if (split && inst.areas)
      // Check counts an area split when a second footprint holds MORE than the tolerance.
      terms.push(new ShareTerm("split", s.n, s.k, inst.areas, inst.splitTolerance + 1e-12, { count: w.split, tie: t.splitTie, spread: 0 }));
    const caps = o.caps?.split !== undefined ? [{ term: terms.findIndex((x) => x.name === "split"), cap: o.caps.split }] : [];
    return new Energy(terms, w.moved, t.movedTie, caps, t.capPenalty);
  };
}
