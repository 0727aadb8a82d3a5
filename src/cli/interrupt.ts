import type { Outputs } from "../app/outputs.js";
import type { Sink } from "../report/text.js";

export interface InterruptOptions {
  stderr: Sink;
  command: string;
  /** The command's outputs: their temporary files are removed, and the message says which were written. */
  outputs?: Outputs;
  /**
   * For a search: the first Ctrl-C only asks it to stop, and its best result is then written as
   * usual; a second Ctrl-C stops without writing.
   */
  stopSearch?: () => void;
  /** A progress line may be on the terminal: clear it before the message. */
  clearLine?: boolean;
  exit: (code: number) => void;
}

/**
 * The handler of Ctrl-C (and of SIGTERM, with `force`) while a command runs. Outputs are written
 * synchronously (see app/outputs.ts), so the handler, which runs between JavaScript tasks, always
 * finds each output either untouched, staged whole in a temporary file, or renamed into place: it
 * removes the temporary files and exits at once (code 130), saying which outputs were written and
 * which were left as they were. With `stopSearch`, the first Ctrl-C only stops the search.
 */
export function interruptHandler(o: InterruptOptions): (force?: boolean) => void {
  let presses = 0;
  const say = (text: string) => o.stderr.write(`${o.clearLine ? "\r\u001b[K" : ""}stp-footprint: [${o.command}] ${text}\n`);
  return (force = false) => {
    presses++;
    if (o.stopSearch && presses === 1 && !force) {
      o.stopSearch();
      say("stopping the search: the best plan found so far will be written (Ctrl-C again to stop without writing)");
      return;
    }
    const { written, untouched } = o.outputs?.abandon() ?? { written: [], untouched: [] };
    const parts = [written.length ? `wrote ${written.join(", ")}` : "nothing written"];
    if (untouched.length) parts.push(`${untouched.join(", ")} left as ${untouched.length === 1 ? "it was" : "they were"}`);
    say(`interrupted: ${parts.join("; ")}`);
    o.exit(force ? 143 : 130);
  };
}

/**
 * Handles Ctrl-C and SIGTERM (see interruptHandler) until the returned function is called.
 * @example
 * const done = onInterrupt({ stderr: ctx.stderr, command: "map", outputs });
 * try { await runMap(spec, o, outputs); } finally { done(); }
 */
export function onInterrupt(o: Omit<InterruptOptions, "exit">): () => void {
  const handler = interruptHandler({ ...o, exit: (code) => process.exit(code) });
  const onInt = () => handler(false);
  const onTerm = () => handler(true);
  process.on("SIGINT", onInt);
  process.on("SIGTERM", onTerm);
  return () => {
    process.off("SIGINT", onInt);
    process.off("SIGTERM", onTerm);
  };
}
