import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { fileError } from "./fileErrors.js";

/** The SHA-256 of a file's bytes, in hex (to record which inputs made an output). */
export async function hashFile(file: string): Promise<string> {
  const hash = createHash("sha256");
  try {
    for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  } catch (err) {
    throw fileError(file, err);
  }
  return hash.digest("hex");
}
