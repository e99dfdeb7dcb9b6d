import type { CommandSpec } from "../command.js";

/**
 * Every command, in the order `--help` lists them, each loaded only when needed: a run pays for the
 * command it invokes, not for all nine (their libraries and Node built-ins cost tens of milliseconds).
 */
const loaders: Record<string, () => Promise<CommandSpec>> = {
  estimate: async () => (await import("./estimate.js")).estimateCommand,
  check: async () => (await import("./check.js")).checkCommand,
  calc: async () => (await import("./calc.js")).calcCommand,
  ref: async () => (await import("./ref.js")).refCommand,
  exercises: async () => (await import("./exercises.js")).exercisesCommand,
  solve: async () => (await import("./solve.js")).solveCommand,
  grade: async () => (await import("./grade.js")).gradeCommand,
  batch: async () => (await import("./batch.js")).batchCommand,
  drill: async () => (await import("./drill.js")).drillCommand,
};

/** Global options that take a value, so the value is not taken for a command name. */
const globalOptionsWithValue = new Set(["--month", "--reference"]);

/** The command word in the arguments (`napkin --month 30d calc …` → `calc`), if any. */
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
 * The commands this run needs: just the invoked one; none for `--version`; all of them for help, an
 * unknown word (so commander can suggest the closest) or no command at all.
 */
export async function loadCommands(argv: readonly string[]): Promise<CommandSpec[]> {
  const word = commandWord(argv);
  if (word && word in loaders) return [await loaders[word]()];
  if (!word && argv.slice(2).some((a) => a === "-V" || a === "--version") && !argv.includes("--help") && !argv.includes("-h")) return [];
  return Promise.all(Object.values(loaders).map((load) => load()));
}
