import { CommanderError } from "commander";
import type { CommandSpec, Io } from "./command.js";
import { commandsFor } from "./commands/select.js";
import { reportError } from "./errors.js";
import { isTerminal, processOutput } from "./output.js";
import { buildProgram } from "./program.js";

/**
 * Runs napkin with these arguments and returns the exit code: 0 ok, 1 wrong answers found, 2 bad input.
 * `commands` are those this bundle carries: the invoked one in a command's own bundle, every one in napkin.cjs.
 * `io` is the process's own unless a test (the fuzz suite) runs napkin in its process.
 */
export async function main(argv: string[], commands: readonly CommandSpec[], io?: Io): Promise<number> {
  // Users never see a stack (NAPKIN_DEBUG=1 aside), and the checker's parser throws often while it searches
  // for claims: capturing stacks was a tenth of `check`'s time.
  if (process.env.NAPKIN_DEBUG !== "1") Error.stackTraceLimit = 0;
  const { output, stdin, stdinIsTerminal } = io ?? { output: processOutput(argv), stdin: () => process.stdin, stdinIsTerminal: () => isTerminal(0) };
  let exitCode = 0;
  try {
    const program = buildProgram(commandsFor(argv, commands), { output, stdin, stdinIsTerminal }, (code) => (exitCode = code));
    if (argv.length <= 2) {
      program.outputHelp();
      return 0;
    }
    await program.parseAsync(argv);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.code === "commander.helpDisplayed" || error.code === "commander.version" || error.code === "commander.help" ? 0 : 2;
    }
    return reportError(error, output);
  }
}

/** Runs the command line and sets the exit code (2 if even reporting an error failed). */
export function run(argv: string[], commands: readonly CommandSpec[]): void {
  void main(argv, commands).then(
    (code) => (process.exitCode = code),
    () => (process.exitCode = 2),
  );
}
