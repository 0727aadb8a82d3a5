import { isUserError } from "../errors.js";
import type { Finding } from "../model/types.js";
import type { Sink } from "../report/text.js";

/** Exit codes: 0 clean, 1 at least one error-severity finding, 2 bad input, usage or a crash. */
export const exitCodes = { ok: 0, findings: 1, bad: 2 } as const;

/**
 * The exit code for a list of findings: 1 when any is an error, or (like eslint's
 * `--max-warnings`) when there are more warnings than `maxWarnings`, which is then said on stderr.
 */
export function codeForFindings(findings: readonly Pick<Finding, "severity">[], gate: { maxWarnings?: number; stderr?: Sink; command?: string } = {}): number {
  const { maxWarnings, stderr, command } = gate;
  if (findings.some((f) => f.severity === "error")) return exitCodes.findings;
  if (maxWarnings !== undefined) {
    const warnings = findings.filter((f) => f.severity === "warning").length;
    if (warnings > maxWarnings) {
      stderr?.write(`stp-footprint: ${command ? `[${command}] ` : ""}${warnings} warning${warnings === 1 ? "" : "s"}, more than --max-warnings ${maxWarnings}\n`);
      return exitCodes.findings;
    }
  }
  return exitCodes.ok;
}

/**
 * Prints an error the user can fix as one line (`[command] message`); anything else is a bug and
 * gets its stack. Returns the exit code, 2.
 */
export function reportError(err: unknown, stderr: Sink, command?: string): number {
  const prefix = command ? `[${command}] ` : "";
  if (isUserError(err)) {
    stderr.write(`stp-footprint: ${prefix}${err.message.replace(/\s*\n\s*/g, " ")}\n`);
  } else {
    const e = err as Error;
    stderr.write(`stp-footprint: ${prefix}internal error (a bug; please report it):\n${e?.stack ?? String(err)}\n`);
  }
  return exitCodes.bad;
}

/** Sets the process exit code: the only place that does. */
export function setExitCode(code: number): void {
  process.exitCode = code;
}
