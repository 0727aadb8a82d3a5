import { open } from "node:fs/promises";
import { fileError } from "./fileErrors.js";
import { type InputKind, inputLimit, tooLarge } from "./inputLimits.js";

/**
 * Reads a whole input file, refusing it once it is over the limit of its kind (see inputLimits):
 * at once from its size for a regular file, or as soon as that many bytes have come for a pipe
 * or a device (a FIFO that never ends, /dev/zero), so memory stays bounded either way.
 *
 * @throws InputError naming the file: missing, a directory, unreadable, or over the limit
 * @example
 * const buf = await readFileLimited("units.geojson", "boundaries");
 */
export async function readFileLimited(file: string, kind: InputKind): Promise<Buffer> {
  const limit = inputLimit(kind);
  let handle;
  try {
    handle = await open(file, "r");
  } catch (err) {
    throw fileError(file, err);
  }
  try {
    const stats = await handle.stat();
    if (stats.isDirectory()) throw fileError(file, Object.assign(new Error("directory"), { code: "EISDIR" }));
    if (stats.isFile() && stats.size > limit) throw tooLarge(file, kind, stats.size);
    if (stats.isFile()) {
      try {
        return await handle.readFile();
      } catch (err) {
        throw fileError(file, err);
      }
    }
    // A pipe or a device: read until its end or until the limit is passed.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(1 << 16, limit - total + 1));
      let bytesRead: number;
      try {
        ({ bytesRead } = await handle.read(chunk, 0, chunk.length, null));
      } catch (err) {
        throw fileError(file, err);
      }
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > limit) throw tooLarge(file, kind);
      chunks.push(chunk.subarray(0, bytesRead));
    }
    return Buffer.concat(chunks, total);
  } finally {
    await handle.close();
  }
}
