import { closeSync, openSync, realpathSync, renameSync, unlinkSync, writeSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { NapkinError } from "../core/errors.js";
import type { Context } from "./command.js";

/** Where `--annotate` writes: standard output, or a file that appears only when complete. */
export interface OutputFile {
  write(line: string): void;
  commit(): Promise<void>;
  abandon(): Promise<void>;
}

/**
 * Opens the output: stdout when no path is given; otherwise a temporary file beside the target,
 * renamed into place on commit, so a killed run leaves no partial file. Refuses to overwrite an input.
 */
export async function openOutputFile(path: string | undefined, inputs: string[], { output }: Context): Promise<OutputFile> {
  if (!path) return { write: (line) => output.out(line), commit: async () => {}, abandon: async () => {} };
  const target = resolve(path);
  const realTarget = safeRealpath(target);
  if (inputs.some((input) => input !== "-" && safeRealpath(resolve(input)) === realTarget)) {
    throw new NapkinError("usage", `refusing to overwrite the input '${path}'; choose another -o file`);
  }
  const temporary = join(dirname(target), `.${basename(target)}.napkin-${process.pid}.tmp`);
  let fd: number;
  try {
    fd = openSync(temporary, "wx");
  } catch (error) {
    throw new NapkinError("io", `cannot write '${path}': ${(error as Error).message}`);
  }
  const cleanUp = () => {
    try {
      unlinkSync(temporary);
    } catch {
      // Already renamed or removed.
    }
  };
  // A signal mid-write removes the temporary file; the target is untouched until the rename.
  const onSignal = (signal: NodeJS.Signals) => {
    cleanUp();
    process.exit(signal === "SIGINT" ? 130 : 143);
  };
  process.once("SIGINT", onSignal).once("SIGTERM", onSignal);
  const done = () => {
    process.off("SIGINT", onSignal).off("SIGTERM", onSignal);
  };
  return {
    write: (line) => void writeSync(fd, line + "\n"),
    commit: async () => {
      closeSync(fd);
      renameSync(temporary, target);
      done();
    },
    abandon: async () => {
      closeSync(fd);
      cleanUp();
      done();
    },
  };
}

function safeRealpath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}
