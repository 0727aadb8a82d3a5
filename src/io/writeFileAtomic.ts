import { randomBytes } from "node:crypto";
import { realpathSync } from "node:fs";
import { open, rename, unlink } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { InputError, UsageError } from "../errors.js";

/**
 * Writes a file whole or not at all: the content goes to a temporary file in the same folder,
 * is flushed to disk, then renamed over the target (rename is atomic within a file system), so
 * an interrupted run leaves the old file or the new one, never half of one.
 *
 * @example
 * await writeFileAtomic("plan.csv", csvText);
 */
export async function writeFileAtomic(file: string, content: string | Uint8Array): Promise<void> {
  const dir = dirname(resolve(file));
  const tmp = join(dir, `.${basename(file)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  let handle;
  try {
    handle = await open(tmp, "w");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError(file, code === "ENOENT" ? "cannot write: the folder does not exist" : `cannot write: ${(err as Error).message}`);
  }
  try {
    await handle.writeFile(content);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await rename(tmp, file);
  } catch (err) {
    await handle?.close().catch(() => undefined);
    await unlink(tmp).catch(() => undefined);
    throw new InputError(file, `cannot write: ${(err as Error).message}`);
  }
}

/** Refuses an output path that is one of the input files (it would be overwritten). */
export function assertNotInput(output: string, inputs: readonly (string | undefined)[], option: string): void {
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return resolve(p);
    }
  };
  const out = real(output);
  for (const input of inputs) {
    if (input !== undefined && real(input) === out) {
      throw new UsageError(`${output} is an input file; write the output somewhere else`, option);
    }
  }
}
