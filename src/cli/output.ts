import { fstatSync, statSync, writeSync } from "node:fs";
import { Chalk, type ChalkInstance } from "chalk";
import { NapkinError } from "../core/errors.js";

/** Where a command writes, and how: one per run, passed down, never global. */
export interface Output {
  color: ChalkInstance;
  /** Writes a line (or lines) to standard output, control characters from the input escaped. */
  out(text: string): void;
  err(text: string): void;
  /** Writes a line of a copy of the input (`check --annotate`): as it is, but escaped on a terminal. */
  copy(line: string): void;
  /** Columns standard output may use: COLUMNS, else the terminal's width, else 80. */
  width(): number;
}

/** The width tables are laid out for: `COLUMNS` when set, the terminal's columns on a terminal, 80 otherwise. */
export function outputWidth(env: NodeJS.ProcessEnv, terminalColumns: () => number | undefined): number {
  const columns = Number(env.COLUMNS);
  if (Number.isInteger(columns) && columns >= 20) return columns;
  return terminalColumns() ?? 80;
}

/**
 * Characters that would act on a terminal instead of showing: C0 and C1 controls but tab and newline (ESC,
 * carriage return, backspace, bell…), DEL, and the bidirectional overrides that reorder what is shown. When
 * napkin colours its output, its own colour codes (ESC [ … m) are kept; any other sequence is shown escaped.
 */
const controls = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;
const controlsEverywhere = new RegExp(controls.source, "g");
const controlsButColor = new RegExp(`\x1b\\[[0-9;]*m|${controls.source}`, "g");

/**
 * `text` with every control character from the input shown as an escape: `\r`, `\u001b`, `\u202e`. The
 * escapes are JSON's, so `--json` output stays valid JSON with the same values.
 */
export function escapeControls(text: string, keepColor = false): string {
  if (!controls.test(text)) return text;
  return text.replace(keepColor ? controlsButColor : controlsEverywhere, (found) => (found.length > 1 ? found : found === "\r" ? "\\r" : `\\u${found.charCodeAt(0).toString(16).padStart(4, "0")}`));
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

/**
 * The process's output, coloured as the environment asks. When the reader of standard output has gone
 * (`napkin check notes.md | head`), the rest of the output is dropped and the run ends as it would have,
 * with its own exit code. A standard output that cannot be written (a full disk) is an error (exit 2);
 * a standard error that cannot be written is nowhere to say so, and is dropped.
 */
export function processOutput(argv: readonly string[]): Output {
  const terminal = isTerminal(1);
  const color = new Chalk({ level: colorLevel(argv, process.env, terminal) });
  // napkin's own colour codes are the only escape sequences it writes, and only when it colours.
  const keepColor = color.level > 0;
  const gone = { 1: false, 2: false };
  const write = (fd: 1 | 2, text: string, escape = true) => {
    if (gone[fd]) return;
    if (escape) text = escapeControls(text, keepColor);
    const failure = writeFully(fd, text.endsWith("\n") ? text : text + "\n");
    if (failure?.code === "EPIPE" || (failure && fd === 2)) gone[fd] = true;
    else if (failure) {
      gone[1] = true;
      throw new NapkinError("io", `cannot write to standard output: ${failure.message.split(",")[0]}`);
    }
  };
  let width: number | undefined;
  const columns = () => {
    if (!terminal) return undefined;
    const tty = require("node:tty") as typeof import("node:tty");
    return new tty.WriteStream(1).columns || undefined;
  };
  return {
    color,
    out: (text) => write(1, text),
    err: (text) => write(2, text),
    copy: (line) => write(1, line, terminal),
    width: () => (width ??= outputWidth(process.env, columns)),
  };
}

/**
 * Whether a file descriptor is a terminal. node:tty answers, but loading it loads node:net too (~5 ms), so
 * it is asked only about a character device that is not /dev/null: a file, a pipe or /dev/null is no terminal.
 */
export function isTerminal(fd: number): boolean {
  try {
    const stat = fstatSync(fd);
    if (!stat.isCharacterDevice()) return false;
    const devNull = statSync("/dev/null", { throwIfNoEntry: false });
    if (devNull && devNull.dev === stat.dev && devNull.ino === stat.ino) return false;
  } catch {
    return false;
  }
  // The bundle is CommonJS: this require loads node:tty on this path only.
  return (require("node:tty") as typeof import("node:tty")).isatty(fd);
}

const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Writes all of `text` to a file descriptor, synchronously, as Node writes to files, pipes and terminals
 * on Linux, without building process.stdout (its stream classes cost ~5 ms to load). A terminal or pipe
 * left non-blocking by another program may take only part, or nothing for now (EAGAIN): the rest is
 * retried after a millisecond. Returns the error of a write that failed (EPIPE, ENOSPC …).
 */
function writeFully(fd: number, text: string): NodeJS.ErrnoException | undefined {
  const bytes = Buffer.from(text);
  for (let offset = 0; offset < bytes.length; ) {
    try {
      offset += writeSync(fd, bytes, offset);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EAGAIN") return error as NodeJS.ErrnoException;
      Atomics.wait(pause, 0, 0, 1);
    }
  }
  return undefined;
}
