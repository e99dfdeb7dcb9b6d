"use strict";
// Loads napkin's bundle (dist/napkin.cjs, built by scripts/build.mjs) through V8's code cache: with it, V8
// skips parsing and compiling every function the cache holds, which was a third of a cold start.
const fs = require("node:fs");
const { createRequire } = require("node:module");
const path = require("node:path");
const vm = require("node:vm");

const dist = path.join(__dirname, "..", "dist");
const bundleFile = path.join(dist, "napkin.cjs");

/** An open file and its size, or undefined when it does not exist (any other failure throws). */
function openFile(file) {
  let fd;
  try {
    fd = fs.openSync(file, "r");
  } catch (error) {
    if (error.code === "ENOENT") return undefined;
    throw error;
  }
  try {
    return { fd, size: fs.fstatSync(fd).size };
  } catch (error) {
    fs.closeSync(fd);
    throw error;
  }
}

/** Reads `size` bytes of an open file, from `position`, into `buffer` at `offset`. */
function readExactly({ fd }, buffer, offset, size, position) {
  for (let read = 0; read < size; ) {
    const got = fs.readSync(fd, buffer, offset + read, size - read, position + read);
    if (got === 0) throw new Error("it changed while it was read; run napkin again");
    read += got;
  }
}

const header = "(function (exports, require, module, __filename, __dirname) {\n";
const footer = "\n})";

/** The build's id and the commands it trains a cache for, from the bundle's last line (see scripts/build.mjs). */
function buildInfo(bundle) {
  const tail = Buffer.alloc(Math.min(200, bundle.size));
  readExactly(bundle, tail, 0, tail.length, bundle.size - tail.length);
  const [, id = "unknown", commands = ""] = /\/\/ napkin build (\w+) ?([a-z,]*)\n$/.exec(tail.toString("latin1")) ?? [];
  return { id, commands: commands.split(",") };
}

/**
 * The bundle inside a CommonJS function wrapper, as one string, and the code cache at `cachePath` (undefined
 * when there is none or it cannot be read), read through one buffer: on this kind of machine a page of fresh
 * memory costs ~14 µs to touch, so the cache goes into the pages the bundle was read into, and the bundle
 * goes straight between the wrapper's bytes (joining strings would copy its 200 KB). The build writes the
 * bundle in ASCII (scripts/ascii.mjs), so latin1 decodes it, fastest. The wrapper's line is line 0 (lineOffset -1).
 */
function readSource(bundle, cachePath) {
  let cache;
  try {
    cache = cachePath && openFile(cachePath);
  } catch {
    // An unreadable cache is no cache: napkin starts slower, and its answers are the same.
  }
  try {
    const wrappedSize = header.length + bundle.size + footer.length;
    const buffer = Buffer.allocUnsafe(Math.max(wrappedSize, cache ? cache.size : 0));
    buffer.write(header, 0, "latin1");
    readExactly(bundle, buffer, header.length, bundle.size, 0);
    buffer.write(footer, header.length + bundle.size, "latin1");
    const wrapped = buffer.toString("latin1", 0, wrappedSize);
    let cachedData;
    if (cache) {
      try {
        readExactly(cache, buffer, 0, cache.size, 0);
        cachedData = buffer.subarray(0, cache.size);
      } catch {
        // As above: no cache.
      }
    }
    return { wrapped, cachedData };
  } finally {
    if (cache) fs.closeSync(cache.fd);
  }
}

/** A short FNV-1a hash of a text, for file names. */
function shortHash(text) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash.toString(16).padStart(8, "0");
}

/**
 * What V8 needs to match for a cache to be accepted, as far as napkin can tell: Node, CPU and flags. Without
 * arguments, this process's; scripts/build.mjs asks for a plain `node` run's, which is what it trains.
 */
function runtime({ execArgv = process.execArgv, nodeOptions = process.env.NODE_OPTIONS } = {}) {
  return [process.version, process.arch, ...execArgv, nodeOptions ?? ""].join(" ");
}

/**
 * The code cache's file for a build under a runtime, for a command or (without one) the general cache.
 * V8 accepts a cache only from the same V8 and flags, and checks the bundle only by its length, so the name
 * carries the build's id and a hash of the runtime. A run with other flags makes a cache of its own beside
 * the trained ones.
 */
function cacheFile(buildId, command, forRuntime = runtime()) {
  return path.join(dist, `napkin-${buildId}-${shortHash(forRuntime)}${command ? `-${command}` : ""}.cache`);
}

/**
 * Compiles and runs the bundle as Node runs a CommonJS module, with a code cache: the command's own when the
 * build trains one for it (`command` is the word after `napkin`), else the general one. Returns the bundle's
 * exports, what V8 made of the cache ("accepted", "rejected", "missing", or "unused" when source maps are on:
 * Node maps stack traces only for modules it loads itself) and saveCache(), which writes what V8 has
 * compiled so far to that cache (or to a given command's) if dist/ is writable. `train: true` compiles
 * without any cache, for scripts/train-code-cache.mjs. Returns undefined when napkin has not been built.
 */
function loadBundle({ command, train = false } = {}) {
  if (process.sourceMapsEnabled && !train) {
    if (!fs.existsSync(bundleFile)) return undefined;
    return { exports: require(bundleFile), cacheStatus: "unused", saveCache() {} };
  }
  const bundle = openFile(bundleFile);
  if (bundle === undefined) return undefined;
  let build, cacheUsed, source;
  try {
    build = buildInfo(bundle);
    // A command the build trains a cache for runs from that cache, or without one: its first run writes it.
    cacheUsed = cacheFile(build.id, build.commands.includes(command) ? command : undefined);
    source = readSource(bundle, train ? undefined : cacheUsed);
  } finally {
    fs.closeSync(bundle.fd);
  }
  const { cachedData } = source;
  // V8 reads the cache while it compiles: the buffer the cache is in is not needed after this.
  const script = new vm.Script(source.wrapped, { filename: bundleFile, lineOffset: -1, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(bundleFile), module, bundleFile, dist);
  return {
    exports: module.exports,
    cacheStatus: cachedData === undefined ? "missing" : script.cachedDataRejected ? "rejected" : "accepted",
    saveCache(forCommand) {
      try {
        fs.accessSync(dist, fs.constants.W_OK);
      } catch {
        return; // A read-only install runs without the cache: slower to start, same answers.
      }
      const target = forCommand ? cacheFile(build.id, forCommand) : cacheUsed;
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

module.exports = { loadBundle, cacheFile, runtime };
