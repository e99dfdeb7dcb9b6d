"use strict";
// Loads napkin's bundle (dist/napkin.cjs, built by scripts/build.mjs) through V8's code cache (dist/napkin.cache):
// with it V8 skips parsing and compiling every function the cache holds, which was a third of a cold start.
const fs = require("node:fs");
const { createRequire } = require("node:module");
const path = require("node:path");
const vm = require("node:vm");

const dist = path.join(__dirname, "..", "dist");
const bundleFile = path.join(dist, "napkin.cjs");
const cacheFile = path.join(dist, "napkin.cache");

/** A file's bytes, or undefined when it cannot be read. */
function readIfPresent(file, encoding) {
  try {
    return fs.readFileSync(file, encoding);
  } catch {
    return undefined;
  }
}

/**
 * Compiles and runs the bundle as Node runs a CommonJS module, handing V8 the cache when there is one.
 * Returns the bundle's exports, what V8 made of the cache ("accepted"; "rejected": made by another Node or
 * for another bundle; "missing") and saveCache(), which writes out everything V8 has compiled so far.
 * Returns undefined when napkin has not been built.
 */
function loadBundle({ useCache = true } = {}) {
  // The build writes the bundle in ASCII (see asciiOnly in scripts/build.mjs): latin1 reads it fastest.
  const source = readIfPresent(bundleFile, "latin1");
  if (source === undefined) return undefined;
  const cachedData = useCache ? readIfPresent(cacheFile) : undefined;
  // The wrapper sits on a line of its own (lineOffset -1) so the bundle's lines and source map stay true.
  const wrapped = `(function (exports, require, module, __filename, __dirname) {\n${source}\n})`;
  const script = new vm.Script(wrapped, { filename: bundleFile, lineOffset: -1, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(bundleFile), module, bundleFile, dist);
  return {
    exports: module.exports,
    cacheStatus: cachedData === undefined ? "missing" : script.cachedDataRejected ? "rejected" : "accepted",
    saveCache() {
      // Written beside and renamed into place, so a reader never sees half a cache.
      const partial = `${cacheFile}.${process.pid}.tmp`;
      try {
        fs.writeFileSync(partial, script.createCachedData());
        fs.renameSync(partial, cacheFile);
      } finally {
        fs.rmSync(partial, { force: true });
      }
    },
  };
}

module.exports = { loadBundle };
