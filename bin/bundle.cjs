"use strict";
// Loads napkin's bundle (dist/napkin.cjs, built by scripts/build.mjs) through V8's code cache: with it, V8
// skips parsing and compiling every function the cache holds, which was a third of a cold start.
const fs = require("node:fs");
const { createRequire } = require("node:module");
const path = require("node:path");
const vm = require("node:vm");

const dist = path.join(__dirname, "..", "dist");
const bundleFile = path.join(dist, "napkin.cjs");

/** A file's contents, or undefined when it cannot be read. */
function readIfPresent(file, encoding) {
  try {
    return fs.readFileSync(file, encoding);
  } catch {
    return undefined;
  }
}

const header = "(function (exports, require, module, __filename, __dirname) {\n";
const footer = "\n})";

/**
 * The bundle inside a CommonJS function wrapper, as one string: the file is read straight between the
 * wrapper's bytes, so the 300 KB source exists once (joining strings would make a second copy, and two
 * young 300 KB strings bring the first garbage collection forward). The build writes the bundle in ASCII
 * (scripts/ascii.mjs), so latin1 decodes it, fastest. The wrapper's line is line 0 (lineOffset -1).
 */
function readWrapped(file) {
  let fd;
  try {
    fd = fs.openSync(file, "r");
  } catch {
    return undefined;
  }
  try {
    const size = fs.fstatSync(fd).size;
    const bytes = Buffer.allocUnsafe(header.length + size + footer.length);
    bytes.write(header, 0, "latin1");
    for (let read = 0; read < size; ) {
      const got = fs.readSync(fd, bytes, header.length + read, size - read, read);
      if (got === 0) throw new Error(`napkin: ${file} shrank while it was read; run napkin again`);
      read += got;
    }
    bytes.write(footer, header.length + size, "latin1");
    return bytes.toString("latin1");
  } finally {
    fs.closeSync(fd);
  }
}

/** A short FNV-1a hash of a text, for file names. */
function shortHash(text) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash.toString(16).padStart(8, "0");
}

/**
 * The code cache's file for this bundle under this Node, for a command or (without one) the general cache.
 * V8 accepts a cache only from the same V8 and flags, and checks the bundle only by its length, so the name
 * carries the build's id (the last line of the bundle) and a hash of the Node version and flags. A run with
 * other flags makes a cache of its own beside the trained ones.
 */
function cacheFileFor(wrapped, command) {
  const build = /\/\/ napkin build (\w+)\n\n\}\)$/.exec(wrapped.slice(-64))?.[1] ?? "unknown";
  const runtime = [process.version, process.arch, ...process.execArgv, process.env.NODE_OPTIONS ?? ""].join(" ");
  return path.join(dist, `napkin-${build}-${shortHash(runtime)}${command ? `-${command}` : ""}.cache`);
}

/**
 * Compiles and runs the bundle as Node runs a CommonJS module, handing V8 the cache when there is one: the
 * command's (the word after `napkin`), else the general one.
 * Returns the bundle's exports, what V8 made of the cache ("accepted"; "rejected"; "missing"; "unused" when
 * source maps are on: Node maps stack traces only for modules it loads itself) and saveCache(), which writes
 * out everything V8 has compiled so far if dist/ is writable. Returns undefined when napkin has not been built.
 */
function loadBundle({ useCache = true, command } = {}) {
  if (process.sourceMapsEnabled) {
    if (!fs.existsSync(bundleFile)) return undefined;
    return { exports: require(bundleFile), cacheStatus: "unused", saveCache() {} };
  }
  const wrapped = readWrapped(bundleFile);
  if (wrapped === undefined) return undefined;
  // The command's own cache (the build trains one per command), else the general one.
  const commandCache = /^[a-z]+$/.test(command ?? "") ? cacheFileFor(wrapped, command) : undefined;
  const commandCacheData = useCache && commandCache ? readIfPresent(commandCache) : undefined;
  const cacheFile = commandCacheData ? commandCache : cacheFileFor(wrapped);
  const cachedData = commandCacheData ?? (useCache ? readIfPresent(cacheFile) : undefined);
  const script = new vm.Script(wrapped, { filename: bundleFile, lineOffset: -1, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(bundleFile), module, bundleFile, dist);
  return {
    exports: module.exports,
    cacheStatus: cachedData === undefined ? "missing" : script.cachedDataRejected ? "rejected" : "accepted",
    /** Writes the cache this run used (or, given a command, that command's cache). */
    saveCache(forCommand) {
      try {
        fs.accessSync(dist, fs.constants.W_OK);
      } catch {
        return; // A read-only install runs without the cache: slower to start, same answers.
      }
      const target = forCommand ? cacheFileFor(wrapped, forCommand) : cacheFile;
      // Written beside and renamed into place, so a reader never sees half a cache.
      const partial = `${target}.${process.pid}.tmp`;
      try {
        fs.writeFileSync(partial, script.createCachedData());
        fs.renameSync(partial, target);
      } finally {
        fs.rmSync(partial, { force: true });
      }
    },
  };
}

module.exports = { loadBundle };
