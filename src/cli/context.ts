import type { Invocation } from "../app/provenance.js";
import type { Sink } from "../report/text.js";

/** What a command needs from the outside world; tests pass collectors instead of the process. */
export interface CliContext {
  stdout: Sink;
  stderr: Sink;
  /** Colour on stdout (a TTY and NO_COLOR unset). */
  color: boolean;
  /** Show progress on stderr (a TTY). */
  progress: boolean;
  /** The exit code the command chose. */
  code: number;
  /** Environment variables (the input size limits, STP_FOOTPRINT_MAX_*); none when absent. */
  env?: Readonly<Record<string, string | undefined>>;
  /** The version and arguments, quoted in the provenance of reports and maps (set by `run`). */
  invocation?: Invocation;
}
