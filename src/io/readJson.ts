import { InputError } from "../errors.js";
import type { InputKind } from "./inputLimits.js";
import { jsonErrorAt } from "./jsonErrorAt.js";
import { readFileLimited } from "./readFileLimited.js";

/**
 * How deep JSON may nest. GeoJSON needs 8 levels (the collection, its features array, a feature,
 * its geometry, and the 4 array levels of MultiPolygon coordinates); far deeper structures would
 * overflow the stack of any recursive walk (JSON.stringify gives up near 5,000).
 */
export const maxJsonDepth = 256;

/**
 * Reads and parses a JSON file; a syntax error becomes an InputError naming the line and column.
 * The file is refused over the size limit of its kind (see inputLimits) or nested deeper than
 * `maxJsonDepth` (naming the feature of a GeoJSON FeatureCollection).
 */
export async function readJson(file: string, kind: InputKind = "boundaries"): Promise<unknown> {
  const buf = await readFileLimited(file, kind);
  if (buf.length === 0) throw new InputError(file, "the file is empty");
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(buf);
  } catch {
    throw new InputError(file, "is not UTF-8 text");
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    const { offset, reason } = jsonErrorAt(text);
    const before = text.slice(0, offset);
    const line = before.split("\n").length;
    const column = offset - before.lastIndexOf("\n");
    throw new InputError(file, `not valid JSON at column ${column}: ${reason}`, { line });
  }
  const deep = tooDeepAt(text);
  if (deep >= 0) {
    const feature = deepFeature(json);
    const detail = `nests more than ${maxJsonDepth} levels deep (a GeoJSON MultiPolygon needs 8)`;
    throw feature >= 0 ? new InputError(file, detail, { feature }) : new InputError(file, detail, { line: text.slice(0, deep).split("\n").length });
  }
  return json;
}

/** The offset where JSON text first nests deeper than maxJsonDepth, or -1. */
function tooDeepAt(text: string): number {
  let depth = 0;
  for (let i = 0, n = text.length; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      // Skip a string, with its escapes.
      for (i++; i < n; i++) {
        const d = text.charCodeAt(i);
        if (d === 92) i++;
        else if (d === 34) break;
      }
    } else if (c === 91 || c === 123) {
      if (++depth > maxJsonDepth) return i;
    } else if (c === 93 || c === 125) depth--;
  }
  return -1;
}

/** In a FeatureCollection, the first feature nesting too deep (without recursion), or -1. */
function deepFeature(json: unknown): number {
  const features = (json as { features?: unknown } | null)?.features;
  if (!Array.isArray(features)) return -1;
  for (let f = 0; f < features.length; f++) {
    const stack: [unknown, number][] = [[features[f], 3]];
    while (stack.length) {
      const [value, depth] = stack.pop()!;
      if (value === null || typeof value !== "object") continue;
      if (depth > maxJsonDepth) return f;
      for (const child of Object.values(value)) stack.push([child, depth + 1]);
    }
  }
  return -1;
}
