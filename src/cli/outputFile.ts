import { type Stats, closeSync, fchmodSync, fstatSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from "node:fs";
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
 * Opens the output: stdout when no path is given; otherwise a temporary file beside the target, renamed into
 * place on commit, so a killed or failed run leaves no partial file and no temporary one. Refuses a target that
 * is one of the inputs (standard input's file included), a read-only file or a folder; writes through a symbolic
 * link to the file it points at, keeping that file's mode.
 */
export async function openOutputFile(path: string | undefined, inputs: string[], { output }: Context): Promise<OutputFile> {
  if (!path) return { write: (line) => output.copy(line), commit: async () => {}, abandon: async () => {} };
  const fail = (why: string): never => {
    throw new NapkinError("io", `cannot write '${path}': ${why}`);
  };
  const target = writableTarget(path, fail);
  const existing = statOrUndefined(target);
  if (existing && sameFileAsAnInput(existing, inputs)) throw new NapkinError("usage", `refusing to overwrite the input '${path}'; choose another -o file`);
  const temporary = join(dirname(target), `.${basename(target)}.napkin-${process.pid}.tmp`);
  let fd: number;
  try {
    fd = openSync(temporary, "wx", 0o600);
    // The new file keeps the mode of the one it replaces (0666 less the umask for a new one).
    fchmodSync(fd, existing ? existing.mode & 0o7777 : 0o666 & ~process.umask());
  } catch (error) {
    try {
      unlinkSync(temporary);
    } catch {
      // Never created.
    }
    return fail(systemReason(error));
  }
  let open = true;
  const close = () => {
    if (open) closeSync(fd);
    open = false;
  };
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
      try {
        close();
        renameSync(temporary, target);
      } catch (error) {
        cleanUp();
        fail(systemReason(error));
      } finally {
        done();
      }
    },
    abandon: async () => {
      try {
        close();
      } finally {
        cleanUp();
        done();
      }
    },
  };
}

/**
 * The file to write for `-o path`: the path itself, or the file a symbolic link points at. A folder, a
 * read-only file and a missing folder are refused before anything is written.
 */
function writableTarget(path: string, fail: (why: string) => never): string {
  const absolute = resolve(path);
  const stats = statOrUndefined(absolute);
  if (stats?.isDirectory()) fail("it is a directory");
  if (stats && !stats.isFile()) fail("it is not a regular file");
  // Mode bits, not access(): a root user may write anything, but a file made read-only is meant to stay as it is.
  if (stats && (stats.mode & 0o222) === 0) fail("it is read-only");
  if (stats) return realpathSync(absolute);
  const folder = statOrUndefined(dirname(absolute));
  if (!folder) fail(`no such folder '${dirname(path) || "."}'`);
  if (!folder!.isDirectory()) fail(`'${dirname(path)}' is not a folder`);
  return join(realpathSync(dirname(absolute)), basename(absolute));
}

/** Whether a file is one of the inputs: the same device and inode, standard input's included. */
function sameFileAsAnInput(target: Stats, inputs: string[]): boolean {
  return inputs.some((input) => {
    const stats = input === "-" ? fstatOrUndefined(0) : statOrUndefined(resolve(input));
    return stats !== undefined && stats.dev === target.dev && stats.ino === target.ino;
  });
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

function fstatOrUndefined(fd: number): Stats | undefined {
  try {
    return fstatSync(fd);
  } catch {
    return undefined;
  }
}

/** A system error's reason in a few words: `permission denied`, `no space left on the device`. */
function systemReason(error: unknown): string {
  switch ((error as NodeJS.ErrnoException).code) {
    case "EACCES": case "EPERM": return "permission denied";
    case "ENOSPC": return "no space left on the device";
    case "EROFS": return "the file system is read-only";
    case "EISDIR": return "it is a directory";
    case "ENOENT": return "its folder went away";
    default: return (error as Error).message.split(",")[0];
  }
}
