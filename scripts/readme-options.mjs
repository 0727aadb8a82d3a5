// Rewrites the option list in README.md from the option table (run through `npm run readme-options`).
import { readFileSync, writeFileSync } from "node:fs";
import { optionsMarkdown, readmeMarkers } from "../dist/options/markdown.js";

const file = new URL("../README.md", import.meta.url);
const text = readFileSync(file, "utf8");
const a = text.indexOf(readmeMarkers.begin), b = text.indexOf(readmeMarkers.end);
if (a < 0 || b < a) throw new Error(`README.md has no option list markers (${readmeMarkers.begin} ... ${readmeMarkers.end})`);
writeFileSync(file, text.slice(0, a) + optionsMarkdown() + text.slice(b + readmeMarkers.end.length));
