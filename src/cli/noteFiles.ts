import { realpathSync, statSync } from "node:fs";
import path from "node:path";
import { NapkinError } from "../core/errors.js";
import { cannotRead } from "./files.js";
import { type IgnoreGlobs, findFiles } from "./findFiles.js";

/** What `napkin check` was asked to read: standard input, a file, or a problem finding files (reported, never fatal). */
export type NoteInput = { kind: "stdin" } | { kind: "file"; path: string } | { kind: "error"; error: NapkinError };

/** The files a folder holds that napkin reads as notes. */
export const noteExtensions = [".md", ".markdown", ".txt"] as const;
const globCharacters = /[*?[\]{}]/;

/**
 * The inputs behind `napkin check`'s arguments, in a stable order: `-` is standard input (once); a folder is
 * every note file below it (`.md`, `.markdown`, `.txt`; not in `.git`, `node_modules` or what a `.gitignore`
 * ignores), sorted by path; a glob (`'notes/**\/*.md'`) is the files it matches, sorted; anything else is a
 * file, read as given. `ignoreFor` gives the config's `ignore` globs for files found in a folder or by a glob.
 * Finding files (picomatch, the .gitignore rules) is a bundle of its own, loaded only for a folder or a glob.
 */
export function noteInputs(args: readonly string[], ignoreFor: (file: string) => IgnoreGlobs | undefined): NoteInput[] {
  const inputs: NoteInput[] = [];
  const seen = new Set<string>();
  const add = (file: string) => {
    // The same file by another path (a link, `./`) is read once.
    const key = realPath(file);
    if (seen.has(key)) return;
    seen.add(key);
    inputs.push(file === "-" ? { kind: "stdin" } : { kind: "file", path: file });
  };
  for (const arg of args) {
    if (arg === "-") {
      add(arg);
      continue;
    }
    // A path the system cannot even look at (`a.md/x`, a loop of links) is a file that cannot be read, said when read.
    const stats = statOrUndefined(arg);
    const kind = stats?.isDirectory() ? "folder" : !stats && globCharacters.test(arg) ? "glob" : undefined;
    if (!kind) {
      add(arg);
      continue;
    }
    const { files, problems } = findFiles(kind, arg, noteExtensions, ignoreFor);
    for (const { path: folder, error } of problems) inputs.push({ kind: "error", error: cannotRead(folder, error) });
    if (files.length === 0) inputs.push(problem(kind === "folder" ? `no notes in '${arg}': napkin reads ${noteExtensions.join(", ")} files (none here, or all ignored)` : `no files match '${arg}'`));
    files.forEach(add);
  }
  return inputs;
}

const problem = (message: string): NoteInput => ({ kind: "error", error: new NapkinError("io", message) });

function statOrUndefined(file: string): import("node:fs").Stats | undefined {
  try {
    return statSync(file, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

function realPath(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return path.resolve(file);
  }
}
