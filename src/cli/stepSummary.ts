import { appendFile } from "node:fs/promises";
import type { Sink } from "../report/text.js";

/** GitHub keeps at most 1 MiB of summary per step; stay under it. */
const summaryLimit = 1_000_000;

/**
 * When `GITHUB_STEP_SUMMARY` names a file (in a GitHub Actions step), appends the markdown that
 * `write` produces to it, cut at GitHub's 1 MiB limit with a line saying so. Does nothing outside
 * Actions. A summary that cannot be written is a warning on stderr, never a failed run.
 */
export async function appendStepSummary(write: (sink: Sink) => void, env: NodeJS.ProcessEnv = process.env, stderr?: Sink): Promise<boolean> {
  const file = env.GITHUB_STEP_SUMMARY;
  if (!file) return false;
  let text = "";
  write({ write: (s: string) => (text += s) });
  if (Buffer.byteLength(text) > summaryLimit) {
    text = Buffer.from(text).subarray(0, summaryLimit).toString().replace(/\n[^\n]*$/, "") + "\n\n… summary cut at GitHub's 1 MiB limit: see the job log or `--format json`.\n";
  }
  try {
    await appendFile(file, text + "\n");
    return true;
  } catch (err) {
    stderr?.write(`stp-footprint: warning: cannot append to GITHUB_STEP_SUMMARY (${file}): ${(err as Error).message}\n`);
    return false;
  }
}
