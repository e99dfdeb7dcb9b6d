import { createHash } from "node:crypto";
import { lstatSync, readFileSync, readdirSync, readlinkSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Vitest's global setup: napkin writes nothing into the folder it is installed in (no cache, no temporary file,
 * no report), so every file there, build output included, is the same after the whole test run as before it.
 * Dependencies (node_modules) and git's own files are not napkin's, and are left out.
 */
const root = fileURLToPath(new URL("..", import.meta.url));
const skipped = new Set(["node_modules", ".git"]);

/** Every entry under a folder (napkin's own by default), with what it holds: a file's hash, a link's target, a folder's mark. */
export function snapshot(folder = root, base = folder, into = new Map<string, string>()): Map<string, string> {
  for (const name of readdirSync(folder)) {
    if (folder === base && skipped.has(name)) continue;
    const path = join(folder, name);
    const stats = lstatSync(path);
    const key = relative(base, path);
    if (stats.isDirectory()) {
      into.set(key, `folder ${stats.mode & 0o7777}`);
      snapshot(path, base, into);
    } else if (stats.isSymbolicLink()) into.set(key, `link ${readlinkSync(path)}`);
    else into.set(key, `${stats.mode & 0o7777} ${createHash("sha256").update(readFileSync(path)).digest("hex")}`);
  }
  return into;
}

/** What changed between two snapshots, one line per path. */
export function changes(before: Map<string, string>, after: Map<string, string>): string[] {
  const lines: string[] = [];
  for (const [path, was] of before) if (after.get(path) !== was) lines.push(after.has(path) ? `changed: ${path}` : `removed: ${path}`);
  for (const path of after.keys()) if (!before.has(path)) lines.push(`added: ${path}`);
  return lines;
}

export default function setup() {
  const before = snapshot();
  return () => {
    const changed = changes(before, snapshot());
    if (changed.length === 0) return;
    // Vitest logs an error thrown here and still exits 0: the exit code is set instead.
    console.error(`the test run changed napkin's install folder:\n${changed.join("\n")}`);
    process.exitCode = 1;
  };
}
