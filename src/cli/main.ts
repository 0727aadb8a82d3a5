import { readFileSync } from "node:fs";
import type { CliContext } from "./context.js";
import { setExitCode } from "./exit.js";
import { run } from "./program.js";

/** Entry point of bin/stp-footprint.js: runs the CLI on the process and sets the exit code. */
export async function main(argv: string[] = process.argv.slice(2)): Promise<void> {
  // A reader that stops early (`| head`) closes the pipe: that is not an error.
  process.stdout.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw err;
  });
  const color = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR && process.env.TERM !== "dumb";
  const ctx: CliContext = { stdout: process.stdout, stderr: process.stderr, color, progress: Boolean(process.stderr.isTTY), code: 0, env: process.env };
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
  setExitCode(await run(argv, ctx, pkg.version));
}
