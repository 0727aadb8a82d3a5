import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { nonDominated } from "./archive.js";
import { defaults } from "../options/defaults.js";
import { compareObjectives } from "./instance.js";
import type { Instance, OptimiseOptions, OptimiseResult, Progress } from "./instance.js";
import { replicaSeed } from "./random.js";

/** The worker script: dist/optimise/worker.js beside this file, or the built copy when run from src/. */
function workerUrl(): URL {
  const here = import.meta.url;
  return here.endsWith(".ts") ? new URL("../../dist/optimise/worker.js", here) : new URL("./worker.js", here);
}

/** Seed of replica r: the run's seed for replica 0 (so one replica equals `optimise`), derived otherwise. */
export function seedOfReplica(seed: number, r: number): number {
  return r === 0 ? seed : replicaSeed(seed, r);
}

/**
 * Runs `replicas` independent searches (different seeds) on `threads` worker threads and returns
 * the best plan (feasible first, then the lexicographic objective, then the lowest replica index).
 * With `iterations` and `seed` the result depends on `replicas` but not on `threads`; by default
 * replicas = threads, so fix `replicas` to get the same plan on machines with different core counts.
 * @param onProgress called with each replica's progress reports (tagged with `replica`)
 * @example
 * const r = await optimiseParallel(inst, { start, seed: 1, timeMs: 60_000, threads: 2 });
 */
export async function optimiseParallel(
  inst: Instance,
  opts: OptimiseOptions = {},
  onProgress?: (p: Progress) => void,
): Promise<OptimiseResult> {
  const threads = Math.max(1, Math.floor(opts.threads ?? availableParallelism()));
  const replicas = Math.max(1, Math.floor(opts.replicas ?? threads));
  const seed = opts.seed ?? defaults.seed;
  const started = performance.now();
  const results: OptimiseResult[] = new Array(replicas);
  let next = 0;
  const runOne = (r: number) =>
    new Promise<void>((resolve, reject) => {
      const worker = new Worker(workerUrl(), {
        workerData: { inst, opts: { ...opts, seed: seedOfReplica(seed, r) }, replica: r },
      });
      worker.on("message", (m: { type: string; progress?: Progress; result?: OptimiseResult }) => {
        if (m.type === "progress" && m.progress) onProgress?.(m.progress);
        else if (m.type === "done" && m.result) results[r] = m.result;
      });
      worker.on("error", reject);
      worker.on("exit", (code) => (results[r] ? resolve() : reject(new Error(`optimiser worker ${r} exited with code ${code}`))));
    });
  const lane = async () => {
    while (next < replicas) await runOne(next++);
  };
  await Promise.all(Array.from({ length: Math.min(threads, replicas) }, lane));
  let best = results[0];
  for (const r of results) {
    if (r.feasible !== best.feasible) {
      if (r.feasible) best = r;
    } else if (compareObjectives(r.objective, best.objective) < 0) best = r;
  }
  let iterations = 0;
  let evaluated = 0;
  let rate = 0;
  for (const r of results) {
    iterations += r.iterations;
    evaluated += r.evaluated;
    rate += r.movesPerSecond;
  }
  const archives = results.flatMap((r) => r.archive ?? []);
  return {
    ...best,
    archive: best.archive ? nonDominated(archives, (p) => [p.cross, p.split, p.moved]) : undefined,
    seed,
    iterations,
    evaluated,
    elapsedMs: performance.now() - started,
    movesPerSecond: rate / replicas,
  };
}
