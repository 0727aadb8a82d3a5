#!/usr/bin/env node
// Runs the compiled CLI (dist/: built by `npm run build`, and before packing by `prepack`, so an
// installed package has it). `--version` is answered here, before anything else loads, so that it
// starts as fast as node.
import { existsSync, readFileSync } from "node:fs";

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === "--version" || args[0] === "-V")) {
  process.stdout.write(JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")).version + "\n");
} else if (!existsSync(new URL("../dist/cli/main.js", import.meta.url))) {
  // A clone that was installed but not built (npm no longer builds on install).
  process.stderr.write("stp-footprint: dist/ is missing: run `npm run build` in the repository first\n");
  process.exitCode = 2;
} else {
  const { main } = await import("../dist/cli/main.js");
  await main(args);
}
