import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { InputError } from "../errors.js";

/**
 * The SHA-256 of a file's bytes (hex) and its size, read as a stream (the LSOA boundaries are
 * 18 MB; nothing is held whole).
 *
 * @example
 * await hashFile("plan.csv"); // { sha256: "9f86d08...", bytes: 1234 }
 */
export async function hashFile(file: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash("sha256");
  let bytes = 0;
  try {
    for await (const chunk of createReadStream(file)) {
      hash.update(chunk as Buffer);
      bytes += (chunk as Buffer).length;
    }
  } catch (err) {
    throw new InputError(file, `cannot read: ${(err as Error).message}`);
  }
  return { sha256: hash.digest("hex"), bytes };
}
