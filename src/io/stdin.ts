import { InputError } from "../errors.js";
import { fileError } from "./fileErrors.js";
import { type InputKind, inputLimit, tooLarge } from "./inputLimits.js";

/** The path that means standard input (a plan piped in) or standard output (`--out -`). */
export const stdioPath = "-";

let cached: Promise<Buffer> | null = null;

/**
 * All of standard input, read once and kept: a plan given as `-` may be opened more than once
 * (its header is read before the plan itself). Refused as soon as more than the size limit of
 * `kind` has come (see inputLimits), so a pipe that never ends cannot fill the memory.
 *
 * @throws InputError naming `-`: unreadable, or over the limit
 */
export function readStandardInput(kind: InputKind = "table"): Promise<Buffer> {
  cached ??= (async () => {
    const limit = inputLimit(kind);
    const chunks: Buffer[] = [];
    let total = 0;
    try {
      for await (const chunk of process.stdin) {
        total += (chunk as Buffer).length;
        if (total > limit) {
          process.stdin.destroy();
          throw tooLarge(stdioPath, kind);
        }
        chunks.push(chunk as Buffer);
      }
    } catch (err) {
      if (err instanceof InputError) throw err;
      throw fileError(stdioPath, err);
    }
    return Buffer.concat(chunks, total);
  })();
  return cached;
}
