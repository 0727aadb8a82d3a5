import { randomBytes } from "node:crypto";
import { rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { InputError } from "../errors.js";

/**
 * Writes a file whole or not at all: the data goes to a temporary file in the same folder, which
 * is then renamed over the target (a rename within one file system is atomic on POSIX), so a
 * reader never sees half a file and a failed write leaves any old file as it was.
 *
 * @example
 * await writeFileAtomic("map.svg", svgText);
 */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    await writeFile(tmp, data);
    await rename(tmp, file);
  } catch (err) {
    await rm(tmp, { force: true });
    throw writeError(file, err);
  }
}

/** A one-line InputError for a failed write. */
function writeError(file: string, err: unknown): InputError {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === "ENOENT") return new InputError(file, `cannot write: the folder ${dirname(file)} does not exist`);
  if (code === "EACCES" || code === "EPERM") return new InputError(file, "cannot write: permission denied");
  if (code === "EISDIR") return new InputError(file, "cannot write: it is a directory");
  return new InputError(file, `cannot write: ${(err as Error)?.message ?? String(err)}`);
}
