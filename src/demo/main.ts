/**
 * Writes the synthetic demo dataset: `node dist/demo/main.js <folder>` (see `npm run make-demo`).
 * Each file is written to a temporary name and renamed, so a reader never sees half a file.
 */
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { generateDemo } from "./generateDemo.js";

const dir = process.argv[2];
if (!dir) {
  process.stderr.write("usage: node dist/demo/main.js <output folder>\n");
  process.exitCode = 2;
} else {
  const files = generateDemo();
  mkdirSync(dir, { recursive: true });
  for (const [name, content] of Object.entries(files)) {
    const target = join(dir, name);
    const temp = `${target}.${process.pid}.tmp`;
    writeFileSync(temp, content, "utf8");
    renameSync(temp, target);
  }
  process.stdout.write(`wrote ${Object.keys(files).length} files to ${dir}\n`);
}
