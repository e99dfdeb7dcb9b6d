import { existsSync, readFileSync, readdirSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
import ignore, { type Ignore } from "ignore";
import picomatch from "picomatch";

/**
 * Finding note files in a folder or by a glob: picomatch for globs, the `ignore` package for .gitignore rules
 * (the one eslint and prettier use). The build makes this module a bundle of its own (dist/napkin-files.cjs),
 * loaded only when an argument is a folder or a glob. It returns plain data (a folder it cannot read is its path
 * and the system's error): napkin's errors are made by the bundle that reports them.
 */

/** A config's `ignore` globs and the folder they are relative to. */
export interface IgnoreGlobs {
  base: string;
  globs: readonly string[];
}

/** A folder that could not be read, and why (the system's error). */
export interface Unreadable {
  path: string;
  error: unknown;
}

const skippedFolders = new Set([".git", "node_modules"]);
const globCharacters = /[*?[\]{}]/;
const matchers = new Map<string, (file: string) => boolean>();

/** The files a folder (its note files) or a glob (what it matches) holds, sorted, minus what the config ignores. */
export function findFiles(kind: "folder" | "glob", arg: string, extensions: readonly string[], ignoreFor: (file: string) => IgnoreGlobs | undefined): { files: string[]; problems: Unreadable[] } {
  const problems: Unreadable[] = [];
  const found = kind === "folder" ? walk(arg, (file) => extensions.some((ext) => file.toLowerCase().endsWith(ext)), problems) : globFiles(arg, problems);
  return { files: found.filter((file) => !ignoredByConfig(file, ignoreFor(file))), problems };
}

function ignoredByConfig(file: string, ignore: IgnoreGlobs | undefined): boolean {
  if (!ignore?.globs.length) return false;
  const key = `${ignore.base}\u0000${ignore.globs.join("\u0000")}`;
  let matches = matchers.get(key);
  if (!matches) matchers.set(key, (matches = picomatch([...ignore.globs], { dot: true })));
  return matches(path.relative(ignore.base, path.resolve(file)).split(path.sep).join("/"));
}

/** Files below a folder that `wanted` accepts, sorted by path; a folder napkin cannot read is one of `problems`. */
function walk(folder: string, wanted: (file: string) => boolean, problems: Unreadable[]): string[] {
  const files: string[] = [];
  // Folders by their real path: a link back up (`sub/up -> ..`) is not walked again.
  const visited = new Set<string>();
  const visit = (dir: string, rules: readonly GitIgnore[]) => {
    try {
      const real = realpathSync(dir);
      if (visited.has(real)) return;
      visited.add(real);
    } catch (error) {
      problems.push({ path: dir, error });
      return;
    }
    let entries: import("node:fs").Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      problems.push({ path: dir, error });
      return;
    }
    const own = gitIgnoreIn(dir);
    const here = own ? [...rules, own] : rules;
    for (const entry of entries) {
      if (skippedFolders.has(entry.name)) continue;
      const full = path.join(dir, entry.name);
      const isFolder = entry.isDirectory() || (entry.isSymbolicLink() && isFolderLink(full));
      if (isGitIgnored(here, full, isFolder)) continue;
      if (isFolder) visit(full, here);
      else if (wanted(full)) files.push(full);
    }
  };
  visit(folder, gitIgnoresAbove(folder));
  return files.sort(byPath);
}

/** The files a glob matches, sorted: the folders before its first wildcard are walked, the rest is matched. */
function globFiles(pattern: string, problems: Unreadable[]): string[] {
  const posix = pattern.split(path.sep).join("/");
  const parts = posix.split("/");
  const fixed = parts.findIndex((part) => globCharacters.test(part));
  const base = parts.slice(0, fixed).join("/") || ".";
  if (!statSync(base, { throwIfNoEntry: false })?.isDirectory()) return [];
  const matches = picomatch(posix.startsWith("./") ? posix.slice(2) : posix);
  return walk(base, (file) => matches(file.split(path.sep).join("/")), problems);
}

const byPath = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

interface GitIgnore {
  base: string;
  rules: Ignore;
}

function gitIgnoreIn(dir: string): GitIgnore | undefined {
  const file = path.join(dir, ".gitignore");
  if (!existsSync(file)) return undefined;
  try {
    return { base: dir, rules: ignore().add(readFileSync(file, "utf8")) };
  } catch {
    // A .gitignore napkin cannot read ignores nothing: git itself would say why.
    return undefined;
  }
}

/** The .gitignore files of the folders above a walked one, up to the repository's root (the folder with `.git`). */
function gitIgnoresAbove(folder: string): GitIgnore[] {
  const found: GitIgnore[] = [];
  let dir = path.resolve(folder);
  for (;;) {
    const parent = path.dirname(dir);
    if (parent === dir || existsSync(path.join(dir, ".git"))) break;
    dir = parent;
    const own = gitIgnoreIn(dir);
    if (own) found.unshift(own);
  }
  return found;
}

/** Whether git ignores a path: every .gitignore from the root down has its say, a deeper one may re-include (`!keep.md`). */
function isGitIgnored(rules: readonly GitIgnore[], file: string, isFolder: boolean): boolean {
  let ignored = false;
  for (const { base, rules: ignoring } of rules) {
    const relative = path.relative(path.resolve(base), path.resolve(file)).split(path.sep).join("/");
    if (!relative || relative.startsWith("..")) continue;
    const verdict = ignoring.test(isFolder ? `${relative}/` : relative);
    if (verdict.ignored) ignored = true;
    else if (verdict.unignored) ignored = false;
  }
  return ignored;
}

/** Whether a link leads to a folder; a link that leads nowhere, or round in a loop, is a file napkin will fail to read. */
function isFolderLink(file: string): boolean {
  try {
    return statSync(file, { throwIfNoEntry: false })?.isDirectory() === true;
  } catch {
    return false;
  }
}
