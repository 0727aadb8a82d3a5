/**
 * Worker-thread entry of `optimiseParallel`: runs one replica of `search` and posts its progress
 * reports and result to the parent. Loaded from the compiled dist/ code.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { Instance, OptimiseOptions } from "./instance.js";
import { search } from "./search.js";

interface Job {
  inst: Instance;
  opts: OptimiseOptions;
  replica: number;
}

const { inst, opts, replica } = workerData as Job;
const gen = search(inst, opts, replica);
for (;;) {
  const r = gen.next();
  if (r.done) {
    parentPort?.postMessage({ type: "done", result: r.value });
    break;
  }
  parentPort?.postMessage({ type: "progress", progress: r.value });
}
