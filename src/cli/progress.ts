import type { Objective, Progress } from "../optimise/instance.js";
import type { Sink } from "../report/text.js";

/** -1 when `a` is better than `b` (fewer cross-footprint providers, then a smaller tie-breaker, then fewer moves). */
function compare(a: Objective, b: Objective): number {
  return a.cross - b.cross || a.tie - b.tie || a.moved - b.moved;
}

/**
 * The best objective reported so far by any replica. Replicas report their own bests in turn, so
 * showing each report as it comes makes the "best" go up and down; this keeps the best of them
 * all, which only improves. Reports from a replica still repairing its start count only until a
 * replica is searching (a repaired start may be worse than a best found by another replica).
 *
 * @example
 * const best = bestSoFar();
 * best.update(p1); best.update(p2); best.value; // the better of p1.best and p2.best
 */
export function bestSoFar(): { update(p: Progress): Objective; readonly value: Objective | null } {
  let best: Objective | null = null;
  let searching = false;
  return {
    update(p: Progress) {
      if (p.phase === "search" && !searching) {
        searching = true;
        best = p.best;
      } else if ((p.phase === "search" || !searching) && (best === null || compare(p.best, best) < 0)) {
        best = p.best;
      }
      return best!;
    },
    get value() {
      return best;
    },
  };
}

/**
 * A one-line progress display on a terminal: elapsed time, the best objective so far (over all
 * replicas: it never gets worse) and moves per second, redrawn at most ten times a second. Silent
 * when `enabled` is false.
 */
export function progressLine(out: Sink, enabled: boolean, label: string): { update(p: Progress): void; done(): void } {
  let last = 0;
  let shown = false;
  const started = performance.now();
  let evaluated = 0;
  const tracker = bestSoFar();
  const repairing = new Set<number>();
  return {
    update(p: Progress) {
      if (!enabled) return;
      const best = tracker.update(p);
      if (p.phase === "repair") repairing.add(p.replica ?? 0);
      else repairing.delete(p.replica ?? 0);
      const now = performance.now();
      if (now - last < 100) return;
      last = now;
      evaluated = Math.max(evaluated, p.iteration);
      const secs = (now - started) / 1000;
      const rate = secs > 0 ? evaluated / secs : 0;
      const text = `${label} ${secs.toFixed(1)}s  best: ${best.cross} cross-footprint providers (tie ${best.tie.toFixed(3)}, ${best.moved} moved)  ${(rate / 1e6).toFixed(2)}M proposals/s${repairing.size ? "  repairing start" : ""}`;
      out.write(`\r${text}\u001b[K`);
      shown = true;
    },
    done() {
      if (shown) out.write("\r\u001b[K");
    },
  };
}
