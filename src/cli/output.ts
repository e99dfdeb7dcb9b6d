import { Chalk, type ChalkInstance } from "chalk";

/** Where a command writes, and how: one per run, passed down, never global. */
export interface Output {
  color: ChalkInstance;
  out(text: string): void;
  err(text: string): void;
}

/** Colour only on a TTY; `--no-color` and `NO_COLOR` turn it off, `FORCE_COLOR` turns it on. */
export function colorLevel(argv: readonly string[], env: NodeJS.ProcessEnv, isTTY: boolean): 0 | 1 | 2 | 3 {
  if (argv.includes("--no-color")) return 0;
  const forced = env.FORCE_COLOR;
  if (forced !== undefined && forced !== "") {
    if (forced === "0" || forced === "false") return 0;
    const level = Number(forced);
    return Number.isInteger(level) && level >= 1 && level <= 3 ? (level as 1 | 2 | 3) : 1;
  }
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return 0;
  if (!isTTY || env.TERM === "dumb") return 0;
  return env.COLORTERM === "truecolor" ? 3 : 2;
}

/** The process's output, coloured as the environment asks. */
export function processOutput(argv: readonly string[]): Output {
  const color = new Chalk({ level: colorLevel(argv, process.env, Boolean(process.stdout.isTTY)) });
  return {
    color,
    out: (text) => void process.stdout.write(text.endsWith("\n") ? text : text + "\n"),
    err: (text) => void process.stderr.write(text.endsWith("\n") ? text : text + "\n"),
  };
}
