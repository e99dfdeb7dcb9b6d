import type { CommandSpec } from "../command.js";

/** Global options that take a value, so the value is not taken for a command name. */
const globalOptionsWithValue = new Set(["--month", "--reference"]);

/** The command word in the arguments (`napkin --month 30d calc …` → `calc`), if any. bin/napkin reads it the same way. */
export function commandWord(argv: readonly string[]): string | undefined {
  for (let i = 2; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--") return undefined;
    if (globalOptionsWithValue.has(arg)) i++;
    else if (!arg.startsWith("-")) return arg;
  }
  return undefined;
}

/**
 * The commands commander needs to know for this run: the invoked one; none for `--version`; all of them for
 * help, an unknown word (so commander can suggest the closest) or no command at all. Setting up one command
 * instead of nine keeps their option tables and help text out of a run that does not show them.
 */
export function commandsFor(argv: readonly string[], commands: readonly CommandSpec[]): readonly CommandSpec[] {
  const word = commandWord(argv);
  const invoked = commands.find((command) => command.name === word);
  if (invoked) return [invoked];
  const args = argv.slice(2);
  if (!word && args.some((a) => a === "-V" || a === "--version") && !args.some((a) => a === "-h" || a === "--help")) return [];
  return commands;
}
