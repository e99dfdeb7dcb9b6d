import type { Output } from "./output.js";

/** Options every command sees, set before the command name (`napkin --month 30.44d calc …`). */
export interface GlobalOptions {
  monthSeconds?: number;
  /** --month as written (`30.44d`). */
  month?: string;
  reference?: string;
}

/** What a command reads and writes besides files: one per run, passed down, never global. */
export interface Io {
  output: Output;
  /** Standard input, built only when a command reads it (`check -`). */
  stdin(): NodeJS.ReadableStream;
  /** Whether standard input is a terminal (someone typing): napkin says how to end it. Not a terminal when absent. */
  stdinIsTerminal?(): boolean;
}

export interface Context extends Io {
  global: GlobalOptions;
}

/** One command-line option: the table drives commander, `--help` and the README. */
export interface OptionSpec {
  flags: string;
  description: string;
  /** Collect every occurrence into a list (`--answer a=1 --answer b=2`). */
  repeatable?: boolean;
  defaultValue?: string;
}

/** One command: its words, its options and examples, and what it does (returns the exit code). */
export interface CommandSpec {
  name: string;
  arguments?: string;
  summary: string;
  description: string;
  options: OptionSpec[];
  examples: string[];
  run(args: string[], options: Record<string, unknown>, context: Context): Promise<number> | number;
}
