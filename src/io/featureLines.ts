import { readFileLimited } from "./readFileLimited.js";

/**
 * The 1-based line on which each feature of a GeoJSON FeatureCollection starts, in file order
 * (what annotations point at: files written one feature per line, as the ONS and this tool write
 * them, give each feature its own line). One pass over the text, tracking strings and nesting;
 * the features are the objects directly inside the top-level "features" array. Returns [] when
 * the file cannot be read (or is over the size limit of boundary files) or has no such array.
 *
 * @example
 * const lines = await featureLines("ccg16.geojson"); // lines[17]: where feature 17 starts
 */
export async function featureLines(file: string): Promise<number[]> {
  let text: string;
  try {
    text = (await readFileLimited(file, "boundaries")).toString("utf8");
  } catch {
    return [];
  }
  return featureLinesOf(text);
}

/** featureLines on text already read. */
export function featureLinesOf(text: string): number[] {
  const lines: number[] = [];
  let line = 1, depth = 0, inString = false, key = "", lastString = "", featuresDepth = -1;
  let stringStart = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 92) i++; // backslash: skip the escaped character
      else if (ch === 34) {
        inString = false;
        lastString = text.slice(stringStart, i);
      }
      continue;
    }
    switch (ch) {
      case 10:
        line++;
        break;
      case 34:
        inString = true;
        stringStart = i + 1;
        break;
      case 58: // ':' after a key at the top level
        if (depth === 1) key = lastString;
        break;
      case 123: // '{'
        if (depth === featuresDepth) lines.push(line);
        depth++;
        break;
      case 91: // '['
        depth++;
        if (depth === 2 && key === "features" && featuresDepth < 0) featuresDepth = 2;
        break;
      case 125:
      case 93:
        depth--;
        if (depth === 1 && featuresDepth === 2 && ch === 93) featuresDepth = -2;
        break;
    }
  }
  return lines;
}
