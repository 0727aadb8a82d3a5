import type { CliContext } from "../../src/cli/context.js";
import { run } from "../../src/cli/program.js";

/** Runs the CLI in-process and collects what it writes; `env` stands for the process environment. */
export async function runCli(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "", stderr = "";
  const ctx: CliContext = {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    color: false,
    progress: false,
    code: 0,
    env,
  };
  const code = await run(args, ctx, "0.0.0-test");
  return { code, stdout, stderr };
}
