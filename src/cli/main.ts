import { CommanderError } from "commander";
import { batchCommand } from "./commands/batch.js";
import { calcCommand } from "./commands/calc.js";
import { drillCommand } from "./commands/drill.js";
import { checkCommand } from "./commands/check.js";
import { estimateCommand } from "./commands/estimate.js";
import { exercisesCommand } from "./commands/exercises.js";
import { gradeCommand } from "./commands/grade.js";
import { refCommand } from "./commands/ref.js";
import { solveCommand } from "./commands/solve.js";
import type { CommandSpec } from "./command.js";
import { reportError } from "./errors.js";
import { processOutput } from "./output.js";
import { buildProgram } from "./program.js";

/** Every command, in the order `--help` lists them. */
export const commands: CommandSpec[] = [estimateCommand, checkCommand, calcCommand, refCommand, exercisesCommand, solveCommand, gradeCommand, batchCommand, drillCommand];

/** Runs napkin with these arguments and returns the exit code: 0 ok, 1 wrong answers found, 2 bad input. */
export async function main(argv: string[]): Promise<number> {
  // Users never see a stack (NAPKIN_DEBUG=1 aside), and the checker's parser throws often while it searches
  // for claims: capturing stacks was a tenth of `check`'s time.
  if (process.env.NAPKIN_DEBUG !== "1") Error.stackTraceLimit = 0;
  const output = processOutput(argv);
  let exitCode = 0;
  try {
    const program = buildProgram(commands, output, (code) => (exitCode = code));
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

process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
});
process.exitCode = await main(process.argv);
