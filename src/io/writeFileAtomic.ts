import { randomBytes } from "node:crypto";
import { closeSync, fsyncSync, openSync, renameSync, unlinkSync, writeSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { InputError } from "../errors.js";

/**
 * Writes `content` whole to a new temporary file beside `file` (same folder, so a rename is
 * atomic), flushed to disk, and returns the temporary file's path. The target is not touched:
 * `commitStaged` renames the temporary file over it, `discardStaged` removes it.
 *
 * Everything is synchronous on purpose: a Ctrl-C handler runs only between JavaScript tasks, so it
 * always finds each output either not started, staged whole, or renamed, never half way.
 *
 * @throws InputError naming `file` when the folder is missing or not writable
 * @example
 * const tmp = stageFile("plan.csv", csvText);
 * commitStaged(tmp, "plan.csv");
 */
export function stageFile(file: string, content: string | Uint8Array): string {
  const tmp = join(dirname(resolve(file)), `.${basename(file)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  let fd: number;
  try {
    fd = openSync(tmp, "wx", 0o666);
  } catch (err) {
    throw writeError(file, err);
  }
  try {
    const bytes = typeof content === "string" ? Buffer.from(content) : content;
    for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
    fsyncSync(fd);
  } catch (err) {
    closeSync(fd);
    discardStaged(tmp);
    throw writeError(file, err);
  } finally {
    try {
      closeSync(fd);
    } catch {
      // already closed after a failed write
    }
  }
  return tmp;
}

/** Renames a staged temporary file over its target (atomic within a file system). */
export function commitStaged(tmp: string, file: string): void {
  try {
    renameSync(tmp, file);
  } catch (err) {
    discardStaged(tmp);
    throw writeError(file, err);
  }
}

/** Removes a staged temporary file; true when it was there (false: it was already renamed or removed). */
export function discardStaged(tmp: string): boolean {
  try {
    unlinkSync(tmp);
    return true;
  } catch {
    return false;
  }
}

/**
 * Writes a file whole or not at all: the content goes to a temporary file in the same folder,
 * is flushed to disk, then renamed over the target, so an interrupted run leaves the old file or
 * the new one, never half of one. (Commands write through `app/outputs.ts`, which also checks
 * that no output is an input.)
 *
 * @example
 * await writeFileAtomic("plan.csv", csvText);
 */
export async function writeFileAtomic(file: string, content: string | Uint8Array): Promise<void> {
  commitStaged(stageFile(file, content), file);
}

/** A one-line InputError for a failed write. */
function writeError(file: string, err: unknown): InputError {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === "ENOENT") return new InputError(file, `cannot write: the folder ${dirname(file)} does not exist`);
  if (code === "EACCES" || code === "EPERM" || code === "EROFS") return new InputError(file, "cannot write: permission denied");
  if (code === "EISDIR") return new InputError(file, "cannot write: it is a directory");
  if (code === "ENOSPC") return new InputError(file, "cannot write: the disk is full");
  return new InputError(file, `cannot write: ${(err as Error)?.message ?? String(err)}`);
}
