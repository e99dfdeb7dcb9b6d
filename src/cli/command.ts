import type { Output } from "./output.js";

/** Options every command sees, set before the command name (`napkin --month 30.44d calc …`). */
export interface GlobalOptions {
  monthSeconds?: number;
  reference?: string;
}

export interface Context {
  output: Output;
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
