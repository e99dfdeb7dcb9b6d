import { NapkinError } from "../core/errors.js";
import type { Output } from "./output.js";

/** The one place errors become a line on stderr and an exit code (2: bad input or usage). */
export function reportError(error: unknown, output: Output, env: NodeJS.ProcessEnv = process.env): number {
  const debug = env.NAPKIN_DEBUG === "1";
  if (error instanceof NapkinError) {
    output.err(`napkin: ${output.color.red("error")}: ${error.toLine()}`);
  } else {
    output.err(`napkin: ${output.color.red("internal error")}: ${bugLine(error, "NAPKIN_DEBUG=1 shows the stack")}`);
  }
  if (debug && error instanceof Error && error.stack) output.err(error.stack);
  return 2;
}

/** An error napkin did not expect, in one line: the first line of its message, and what happens next. */
export function bugLine(error: unknown, next: string): string {
  const message = error instanceof Error ? error.message : String(error);
  return `${message.split("\n")[0]} (this is a bug; ${next})`;
}
