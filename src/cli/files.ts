import { readFileSync } from "node:fs";
import { NapkinError } from "../core/errors.js";

/** The one-line error for a file napkin cannot read, from the error the system gave (or a reason of its own). */
export function cannotRead(file: string, reason: unknown): NapkinError {
  const code = (reason as NodeJS.ErrnoException).code;
  const why =
    typeof reason === "string" ? reason
    : code === "ENOENT" ? "no such file"
    : code === "EISDIR" ? "is a directory, not a file"
    : code === "EACCES" ? "permission denied"
    : code === "ENOTDIR" ? "a part of the path is a file, not a folder"
    : code === "ELOOP" ? "symbolic links that loop"
    : (reason as Error).message;
  return new NapkinError("io", `cannot read '${file}': ${why}`);
}

/** Reads and parses a JSON file; every failure is a one-line NapkinError naming the file. */
export function readJsonFile(file: string): unknown {
  const text = readTextFile(file);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new NapkinError("data", `${file}: not valid JSON: ${(error as Error).message}`);
  }
}

/** Reads a UTF-8 text file; a missing file, a directory or a binary file is a NapkinError. */
export function readTextFile(file: string): string {
  let buffer: Buffer;
  try {
    buffer = readFileSync(file);
  } catch (error) {
    throw cannotRead(file, error);
  }
  if (buffer.includes(0)) throw cannotRead(file, "it is a binary file (contains NUL bytes)");
  return buffer.toString("utf8");
}
