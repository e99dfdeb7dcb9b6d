import { readFileSync } from "node:fs";
import { builtInReference } from "../core/builtinReference.js";
import { NapkinError } from "../core/errors.js";
import { type ReferenceTable, loadReference, mergeReference } from "../core/reference.js";
import type { GlobalOptions } from "./command.js";

/** The built-in reference table, extended or overridden by `--reference FILE`. */
export function readReferenceTable(global: GlobalOptions): ReferenceTable {
  const builtIn = builtInReference();
  if (!global.reference) return builtIn;
  return mergeReference(builtIn, loadReference(readJsonFile(global.reference), global.reference));
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
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory, not a file" : code === "EACCES" ? "permission denied" : (error as Error).message;
    throw new NapkinError("io", `cannot read '${file}': ${why}`);
  }
  if (buffer.includes(0)) throw new NapkinError("io", `cannot read '${file}': it is a binary file (contains NUL bytes)`);
  return buffer.toString("utf8");
}
