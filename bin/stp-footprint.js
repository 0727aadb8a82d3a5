#!/usr/bin/env node
// Runs the compiled CLI (dist/, built by `npm install` through the `prepare` script).
// `--version` is answered here, before anything else loads, so that it starts as fast as node.
import { readFileSync } from "node:fs";

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === "--version" || args[0] === "-V")) {
  process.stdout.write(JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")).version + "\n");
} else {
  const { main } = await import("../dist/cli/main.js");
  await main(args);
}
