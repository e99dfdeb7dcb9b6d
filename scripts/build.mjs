// Builds napkin into dist/: one CommonJS bundle (napkin.cjs), then V8's code cache for it (napkin-<build>-<node>.cache),
// trained by scripts/train-code-cache.mjs. bin/napkin runs the bundle from the cache (see bin/bundle.cjs).
// mathjs, needed only by the rounding functions, is a bundle of its own (napkin-mathjs.cjs), required on first use.
//
// Why this shape: a cold start spent a third of its time parsing and compiling napkin's code. V8 can cache
// compiled code only for scripts, not ES modules, on Node 20; hence CommonJS, and one file, which also
// means start-up does no module resolution. Everything is bundled statically: a module reached through a
// dynamic import() is wrapped by esbuild and no longer tree-shaken (mathjs alone would triple in size).
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { isDeepStrictEqual } from "node:util";
import { build } from "esbuild";
import { toAscii } from "./ascii.mjs";

/**
 * commander requires child_process at load, for external subcommands napkin never uses; loading it costs
 * ~6 ms on every start. Give commander a stand-in that requires it only if a property is ever read.
 */
const lazyChildProcess = {
  name: "lazy-child-process",
  setup(build) {
    build.onResolve({ filter: /^node:child_process$/ }, (args) =>
      args.kind === "require-call" && args.namespace !== "lazy" && /commander/.test(args.importer) ? { path: args.path, namespace: "lazy" } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: "lazy" }, () => ({
      contents: 'module.exports = new Proxy({}, { get: (_, key) => require("node:child_process")[key] });',
      loader: "js",
    }));
  },
};

/**
 * chalk detects colour support when it loads, which loads node:tty (and node:net with it): ~6 ms. napkin picks
 * the colour level itself (colorLevel in src/cli/output.ts) and hands it to every Chalk it makes, so chalk gets
 * a detector that detects nothing.
 */
const noColorDetection = {
  name: "no-color-detection",
  setup(build) {
    build.onResolve({ filter: /^#supports-color$/ }, () => ({ path: "supports-color", namespace: "no-color-detection" }));
    build.onLoad({ filter: /.*/, namespace: "no-color-detection" }, () => ({ contents: "export default { stdout: false, stderr: false };", loader: "js" }));
  },
};

/** mathjs's own bundle, beside napkin's: only the rounding functions use it (src/cli/mathjs.ts). */
const mathjsBundle = "napkin-mathjs.cjs";

/**
 * mathjs is a third of napkin's code, and most runs call no rounding function. Its module (src/cli/mathjs.ts)
 * becomes a bundle of its own, and napkin's bundle gets a stand-in that requires that file on the first call.
 */
const lazyMathjs = {
  name: "lazy-mathjs",
  setup(build) {
    build.onResolve({ filter: /^\.\/mathjs\.js$/ }, (args) => (/[\\/]src[\\/]cli[\\/]mathFunctions\.ts$/.test(args.importer) ? { path: "mathjs", namespace: "lazy-mathjs" } : undefined));
    build.onResolve({ filter: new RegExp(`^\\./${mathjsBundle.replace(".", "\\.")}$`) }, (args) => ({ path: args.path, external: true }));
    // src/cli/mathFunctions.ts turns a failure here (a missing or broken file) into napkin's one-line error.
    build.onLoad({ filter: /.*/, namespace: "lazy-mathjs" }, () => ({
      contents: `export const createMathjs = () => require("./${mathjsBundle}").createMathjs();`,
      loader: "js",
    }));
  },
};

/**
 * The built-in reference table, validated and read here, at build time, by the same code that reads a user's
 * `--reference` file: a run then pays neither for validating src/data/reference.json nor for parsing its values.
 */
async function readBuiltInReference() {
  const { outputFiles } = await build({ entryPoints: ["src/core/builtinReference.ts"], bundle: true, format: "cjs", platform: "node", write: false, logLevel: "warning" });
  const module = { exports: {} };
  new Function("module", "exports", "require", outputFiles[0].text)(module, module.exports, createRequire(import.meta.url));
  const table = module.exports.builtInReference();
  const json = JSON.stringify(table);
  if (!isDeepStrictEqual(JSON.parse(json), table)) throw new Error("build: the built-in reference table does not survive JSON (an Infinity or NaN value?)");
  return json;
}

/** src/core/builtinReference.ts, in the bundle only: the table read at build time. */
const prebuiltReference = (json) => ({
  name: "prebuilt-reference",
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/]core[\\/]builtinReference\.ts$/ }, () => ({
      // JSON.parse of a string literal loads faster than the same object written as a literal.
      contents: `export function builtInReference() { return JSON.parse(${JSON.stringify(json)}); }`,
      loader: "ts",
    }));
  },
});

const builtInReferenceJson = await readBuiltInReference();

/** Options both bundles are built with. */
const common = {
  bundle: true,
  format: "cjs",
  platform: "node",
  target: "node20",
  // `NAPKIN_UNMINIFIED=1 npm run build` keeps function names, for reading a --cpu-prof profile.
  minify: process.env.NAPKIN_UNMINIFIED !== "1",
  sourcemap: "linked",
  legalComments: "none",
  logLevel: "warning",
  write: false,
};

/** A bundle's code (in ASCII, see scripts/ascii.mjs) and its source map, from esbuild's output files. */
function asciiOutput(outputFiles) {
  const output = (extension) => outputFiles.find((file) => file.path.endsWith(extension)).text;
  return toAscii(output(".cjs"), JSON.parse(output(".cjs.map")));
}

const mathjs = asciiOutput((await build({ ...common, entryPoints: ["src/cli/mathjs.ts"], outfile: `dist/${mathjsBundle}` })).outputFiles);

const { outputFiles } = await build({
  ...common,
  entryPoints: ["src/cli/main.ts"],
  outfile: "dist/napkin.cjs",
  // `await import("node:readline")` becomes a require() on first use: the vm.Script bin/bundle.cjs runs has no
  // module loader for import().
  supported: { "dynamic-import": false },
  // src/ is ES modules; in the bundle, the module's folder is the bundle's: dist/.
  define: { "import.meta.dirname": "__dirname" },
  plugins: [lazyChildProcess, noColorDetection, lazyMathjs, prebuiltReference(builtInReferenceJson)],
});
const { code, map } = asciiOutput(outputFiles);

// One code cache per command, so a run deserialises only what its command compiles (a third less for check,
// and ~6 ms faster), and a general one for everything else (--version, help, options before the command).
const { workloads } = await import("./train-code-cache.mjs");
const trainedCommands = Object.keys(workloads);

// The last line names the build (bin/bundle.cjs names the caches after it, so a cache made for another build
// is never used, even one of the same length: V8 itself checks only the length) and the commands with a cache.
// The id covers how the caches are trained too, so changing a workload trains them again.
const buildId = createHash("sha256").update(code).update(readFileSync("scripts/train-code-cache.mjs")).digest("hex").slice(0, 16);
mkdirSync("dist", { recursive: true });
// Each file is renamed into place whole: a napkin run while this builds reads the old bundle or the new one.
// mathjs's bundle first: napkin's new bundle must never find the old one missing.
writeWhole(`dist/${mathjsBundle}`, mathjs.code);
writeWhole(`dist/${mathjsBundle}.map`, JSON.stringify(mathjs.map));
writeWhole("dist/napkin.cjs", `${code}// napkin build ${buildId} ${trainedCommands.join(",")}\n`);
writeWhole("dist/napkin.cjs.map", JSON.stringify(map));

// Each cache is trained in a process of its own, with the environment a plain `napkin` run has (NODE_OPTIONS
// would change V8's flags, and so the cache's name); the workloads' output is shown only on failure.
const { NODE_OPTIONS: _, ...environment } = process.env;
// A cache already trained for this very build (`npm test` after `npm ci` builds the same bundle twice) is kept.
const { cacheFile, runtime } = createRequire(import.meta.url)("../bin/bundle.cjs");
const plainRuntime = runtime({ execArgv: [], nodeOptions: undefined });
const untrained = [undefined, ...trainedCommands].filter((command) => !existsSync(cacheFile(buildId, command, plainRuntime)));
const trainings = untrained.map((command) => {
  const child = spawn(process.execPath, ["scripts/train-code-cache.mjs", ...(command ? [command] : [])], { stdio: ["ignore", "ignore", "pipe"], env: environment });
  let stderr = "";
  child.stderr.on("data", (chunk) => (stderr += chunk));
  return new Promise((resolve) => child.on("close", (code, signal) => resolve({ command, code, signal, stderr })));
});
for (const { command, code, signal, stderr } of await Promise.all(trainings)) {
  if (code === 0) continue;
  // The trainer's last line says why; the lines before it are the workload's own output.
  console.error(`build: training the ${command ?? "general"} code cache failed (exit ${code ?? signal}): ${stderr.trim().split("\n").at(-1)}`);
  process.exitCode = 1;
}

// What earlier builds left (older bundles' caches, files of older layouts) goes.
const current = ["napkin.cjs", "napkin.cjs.map", mathjsBundle, `${mathjsBundle}.map`];
for (const file of readdirSync("dist")) {
  if (!current.includes(file) && !file.startsWith(`napkin-${buildId}-`)) rmSync(`dist/${file}`, { recursive: true, force: true });
}

/** Writes a file beside its place and renames it there. */
function writeWhole(file, text) {
  writeFileSync(`${file}.tmp`, text);
  renameSync(`${file}.tmp`, file);
}
