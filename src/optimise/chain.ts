import type { Acceptance } from "./accept.js";
import type { Archive } from "./archive.js";
import type { BestTracker } from "./best.js";
import { FLIP_APPLIED, FLIP_SKIPPED, tryFlip } from "./moves.js";
import type { State } from "./state.js";

/**
 * One Metropolis chain step, `batch` times: a random directed edge between two footprints is drawn
 * and its source unit proposed to the footprint on the other side (`tryFlip`: O(1) checks, the
 * energy change, the acceptance rule, then contiguity). Every applied move is offered to the best
 * tracker as state `index` (and to the archive, when the search keeps one).
 * @returns the number of moves evaluated (proposals that passed the O(1) checks)
 */
export function chainSteps(s: State, index: number, batch: number, acc: Acceptance, rng: () => number, best: BestTracker, archive: Archive | null): number {
  const assign = s.assign;
  const adj = s.inst.adj;
  const edgeSrc = s.edgeSrc;
  const cut = s.cut;
  let evaluated = 0;
  // With every unit in one footprint there is no move to propose (cut edges are never empty otherwise).
  for (let b = s.cutCount > 0 ? 0 : batch; b < batch; b++) {
    const e = cut[Math.floor(rng() * s.cutCount)];
    const u = edgeSrc[e];
    const from = assign[u];
    const r = tryFlip(s, u, assign[adj[e]], acc);
    if (r === FLIP_SKIPPED) continue;
    evaluated++;
    if (r !== FLIP_APPLIED) continue;
    best.afterFlip(index, u, from);
    if (archive !== null) archive.offer(s);
  }
  return evaluated;
}
