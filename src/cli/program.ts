import { Command, CommanderError } from "commander";
import { defaults } from "../options/defaults.js";
import type { CliContext } from "./context.js";
import { checkCommand } from "./commands/check.js";
import { diffCommand } from "./commands/diff.js";
import { infoCommand } from "./commands/info.js";
import { mapCommand } from "./commands/map.js";
import { optimiseCommand } from "./commands/optimise.js";
import { prepareCommand } from "./commands/prepare.js";
import { validateCommand } from "./commands/validate.js";
import { exitCodes, reportError } from "./exit.js";

/** The commands, in the order `--help` lists them. */
const commands: ((ctx: CliContext, version: string) => Command)[] = [infoCommand, checkCommand, validateCommand, optimiseCommand, mapCommand, diffCommand, prepareCommand];

/** Builds the program with every command, writing through the context's sinks. */
export function createProgram(ctx: CliContext, version: string): Command {
  const program = new Command("stp-footprint")
    .description(
      "Check, validate and optimise planning footprints: groupings of health organisations into " +
        `contiguous areas of ${defaults.populationMin.toLocaleString("en-GB")} to ${defaults.populationMax / 1e6} million people that few hospital providers straddle.`,
    )
    .version(version, "-V, --version")
    .configureOutput({
      writeOut: (s) => void ctx.stdout.write(s),
      writeErr: (s) => void ctx.stderr.write(s),
      outputError: (s, write) => write(oneLine("stp-footprint", s, "run with --help for usage")),
    })
    .exitOverride();
  program.addHelpText(
    "after",
    `
Exit codes: 0 pass, 1 rule findings of error severity, 2 bad input or usage.

Examples:
  $ stp-footprint info                                  # summarise the embedded synthetic demo
  $ stp-footprint check --dataset england/stp-footprint.json plan.csv
  $ stp-footprint validate boundaries.geojson --format github`,
  );
  for (const make of commands) {
    const cmd = make(ctx, version);
    cmd.exitOverride().configureOutput({
      writeOut: (s) => void ctx.stdout.write(s),
      writeErr: (s) => void ctx.stderr.write(s),
      outputError: (s, write) => write(oneLine(`stp-footprint ${cmd.name()}`, s, `run "stp-footprint ${cmd.name()} --help" for usage`)),
    });
    program.addCommand(cmd);
  }
  return program;
}

/**
 * Commander's own error as one line on stderr: its message (with any "Did you mean" hint, which
 * commander puts on a line of its own) and where to find the usage.
 */
function oneLine(prefix: string, message: string, hint: string): string {
  return `${prefix}: ${message.replace(/^error: /, "").trim().replace(/\s*\n\s*/g, " ")} (${hint})\n`;
}

/**
 * Runs the CLI on `argv` (without node and script) and returns the exit code.
 * Commander's own parse errors exit 1 by default; they are usage errors here, so 2.
 */
export async function run(argv: string[], ctx: CliContext, version: string): Promise<number> {
  ctx.invocation ??= { version, argv: [...argv] };
  const program = createProgram(ctx, version);
  if (argv.length === 0) {
    // Commander would print the whole help on stderr; a usage error is one line.
    ctx.stderr.write(`stp-footprint: no command given: ${program.commands.map((c) => c.name()).join(", ")} (run with --help for usage)\n`);
    return exitCodes.bad;
  }
  try {
    const { setInputLimits } = await import("../io/inputLimits.js");
    setInputLimits(ctx.env ?? {});
    await program.parseAsync(argv, { from: "user" });
    return ctx.code;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === "commander.helpDisplayed" || err.code === "commander.version" || err.code === "commander.help") return exitCodes.ok;
      if (err.code === "commander.executeSubCommandAsync") return ctx.code;
      return exitCodes.bad;
    }
    const command = argv.find((a) => !a.startsWith("-"));
    return reportError(err, ctx.stderr, program.commands.some((c) => c.name() === command) ? command : undefined);
  }
}
