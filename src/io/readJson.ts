import { readFile } from "node:fs/promises";
import { InputError } from "../errors.js";
import { fileError } from "./fileErrors.js";

/**
 * Reads and parses a JSON file; a syntax error becomes an InputError naming the line and column.
 */
export async function readJson(file: string): Promise<unknown> {
  let buf: Buffer;
  try {
    buf = await readFile(file);
  } catch (err) {
    throw fileError(file, err);
  }
  if (buf.length === 0) throw new InputError(file, "the file is empty");
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(buf);
  } catch {
    throw new InputError(file, "is not UTF-8 text");
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  try {
    return JSON.parse(text);
  } catch (err) {
    const msg = (err as Error).message;
    const pos = /position (\d+)/.exec(msg);
    if (pos) {
      const offset = Number(pos[1]);
      const before = text.slice(0, offset);
      const line = before.split("\n").length;
      const column = offset - before.lastIndexOf("\n");
      throw new InputError(file, `not valid JSON at column ${column}`, { line });
    }
    const line = text.split("\n").length;
    throw new InputError(file, `not valid JSON (${/end of (JSON )?input/i.test(msg) ? "truncated" : msg})`, { line });
  }
}
