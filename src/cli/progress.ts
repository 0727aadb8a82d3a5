import type { Progress } from "../optimise/instance.js";
import type { Sink } from "../report/text.js";

/**
 * A one-line progress display on a terminal: elapsed time, the best objective so far and moves per
 * second, redrawn at most ten times a second. Silent when `enabled` is false.
 */
export function progressLine(out: Sink, enabled: boolean, label: string): { update(p: Progress): void; done(): void } {
  let last = 0;
  let shown = false;
  const started = performance.now();
  let evaluated = 0;
  return {
    update(p: Progress) {
      if (!enabled) return;
      const now = performance.now();
      if (now - last < 100) return;
      last = now;
      evaluated = Math.max(evaluated, p.iteration);
      const secs = (now - started) / 1000;
      const rate = secs > 0 ? evaluated / secs : 0;
      const best = p.best;
      const text = `${label} ${secs.toFixed(1)}s  best: ${best.cross} cross-footprint providers (tie ${best.tie.toFixed(3)}, ${best.moved} moved)  ${(rate / 1e6).toFixed(2)}M proposals/s${p.phase === "repair" ? "  repairing start" : ""}`;
      out.write(`\r${text}\u001b[K`);
      shown = true;
    },
    done() {
      if (shown) out.write("\r\u001b[K");
    },
  };
}
