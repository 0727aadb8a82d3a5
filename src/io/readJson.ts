import { readFile } from "node:fs/promises";
import { InputError } from "../errors.js";
import { fileError } from "./fileErrors.js";
import { jsonErrorAt } from "./jsonErrorAt.js";

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
  } catch {
    const { offset, reason } = jsonErrorAt(text);
    const before = text.slice(0, offset);
    const line = before.split("\n").length;
    const column = offset - before.lastIndexOf("\n");
    throw new InputError(file, `not valid JSON at column ${column}: ${reason}`, { line });
  }
}
