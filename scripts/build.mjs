// Builds napkin into dist/: one CommonJS bundle per command (napkin-<command>.cjs: only that command's code), one
// with every command (napkin.cjs: help, --version, an unknown word), and mathjs, needed only by the rounding
// functions, as a bundle of its own (napkin-mathjs.cjs), required on first use. bin/napkin picks the bundle.
//
// Why this shape: a cold start spends much of its time parsing and compiling napkin's code. A command's own
// bundle is a fraction of the whole, and Node (22.1 and later) keeps its compiled code in its compile cache
// (module.enableCompileCache, in the system's temp folder). CommonJS and one file per command: start-up does no
// module resolution. Everything is bundled statically: a module reached through a dynamic import() is wrapped by
// esbuild and no longer tree-shaken (mathjs alone would triple in size). Nothing is written into dist/ by a run.
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { isDeepStrictEqual } from "node:util";
import { build } from "esbuild";

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

/**
 * A module of napkin's that becomes a bundle of its own (`dist/<bundle>`), and a stand-in for it in napkin's
 * bundles: each export requires that file on its first call. `wrapErrors`: the stand-in turns a missing or
 * broken file into napkin's one-line error itself (otherwise its caller does).
 */
function lazyModule({ name, module, importer, bundle, exports, wrapErrors }) {
  const load = wrapErrors
    ? `import { NapkinError } from "../core/errors.ts";
let loaded;
const bundle = () => {
  try {
    return (loaded ??= require("./${bundle}"));
  } catch (error) {
    throw new NapkinError("io", \`cannot load dist/${bundle}: \${String(error && error.message).split("\\n")[0]}; run \\\`npm run build\\\` in napkin's folder\`);
  }
};`
    : `const bundle = () => require("./${bundle}");`;
  return {
    name,
    setup(build) {
      build.onResolve({ filter: new RegExp(`^\\./${module.replace(".", "\\.")}$`) }, (args) => (importer.test(args.importer) ? { path: module, namespace: name } : undefined));
      build.onResolve({ filter: new RegExp(`^\\./${bundle.replace(".", "\\.")}$`) }, (args) => ({ path: args.path, external: true }));
      build.onLoad({ filter: /.*/, namespace: name }, () => ({
        loader: "ts",
        resolveDir: "src/cli",
        contents: `${load}\n${exports.map((e) => `export const ${e} = (...args) => bundle().${e}(...args);`).join("\n")}`,
      }));
    },
  };
}

/** mathjs's own bundle, beside napkin's: only the rounding functions use it (src/cli/mathjs.ts). */
const mathjsBundle = "napkin-mathjs.cjs";

/**
 * mathjs is a third of napkin's code, and most runs call no rounding function. src/cli/mathFunctions.ts turns a
 * failure to load it into napkin's one-line error.
 */
const lazyMathjs = lazyModule({ name: "lazy-mathjs", module: "mathjs.js", importer: /[\\/]src[\\/]cli[\\/]mathFunctions\.ts$/, bundle: mathjsBundle, exports: ["createMathjs"], wrapErrors: false });

/** Finding files' own bundle: only a folder or a glob on `napkin check`'s command line needs it (src/cli/findFiles.ts). */
const filesBundle = "napkin-files.cjs";

/** picomatch and the .gitignore rules (~35 KB) are for folders and globs; `napkin check notes.md` needs neither. */
const lazyFiles = lazyModule({ name: "lazy-files", module: "findFiles.js", importer: /[\\/]src[\\/]cli[\\/]noteFiles\.ts$/, bundle: filesBundle, exports: ["findFiles"], wrapErrors: true });

/** zod's own bundle: only validating a file (a preset, a scenario, a --reference table) needs it. */
const zodBundle = "napkin-zod.cjs";

/** What napkin takes from zod/mini: every one a function. The build fails on an import not listed here. */
const zodNames = ["array", "boolean", "config", "describe", "enum", "meta", "minLength", "number", "optional", "record", "regex", "strictObject", "string", "union"];

/**
 * zod's module code defines its classes when it loads (~23 KB of code to compile and run), and most runs validate
 * nothing: `check` without --reference, `calc`. napkin's bundles get a stand-in for zod/mini (and its English
 * messages) whose functions require dist/napkin-zod.cjs on the first call.
 */
const lazyZod = {
  name: "lazy-zod",
  setup(build) {
    build.onResolve({ filter: /^zod\/mini$|^zod\/v4\/locales\/en\.js$/ }, (args) => ({ path: args.path, namespace: "lazy-zod" }));
    build.onResolve({ filter: new RegExp(`^\\./${zodBundle.replace(".", "\\.")}$`) }, (args) => ({ path: args.path, external: true }));
    // A missing or damaged file is napkin's one-line error, as for mathjs (src/cli/mathFunctions.ts).
    const load = `import { NapkinError } from "./errors.ts";
let loaded;
export const zod = () => {
  try {
    return (loaded ??= require("./${zodBundle}"));
  } catch (error) {
    throw new NapkinError("io", \`cannot load dist/${zodBundle}: \${String(error && error.message).split("\\n")[0]}; run \\\`npm run build\\\` in napkin's folder\`);
  }
};`;
    build.onResolve({ filter: /^napkin-zod-loader$/ }, () => ({ path: "loader", namespace: "lazy-zod" }));
    build.onLoad({ filter: /.*/, namespace: "lazy-zod" }, ({ path }) => ({
      loader: "ts",
      resolveDir: "src/core",
      contents:
        path === "loader"
          ? load
          : path === "zod/mini"
            ? `import { zod } from "napkin-zod-loader";\n${zodNames.map((name) => `const ${name}_ = (...args: unknown[]) => zod().mini[${JSON.stringify(name)}](...args); export { ${name}_ as ${name} };`).join("\n")}`
            : `import { zod } from "napkin-zod-loader";\nexport default (...args: unknown[]) => zod().en(...args);`,
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
  // The sources' own words stay in src/data/reference.json for readers; a run never shows them.
  for (const figure of table.figures) delete figure.quote;
  const json = JSON.stringify(table);
  if (!isDeepStrictEqual(JSON.parse(json), table)) throw new Error("build: the built-in reference table does not survive JSON (an Infinity or NaN value?)");
  return json;
}

/** The built-in table as read at build time: a data file beside the bundles, read by the runs that use it. */
const referenceFile = "napkin-reference.json";

/**
 * src/core/builtinReference.ts, in the bundles only: reads dist/napkin-reference.json (the table read at build
 * time). A file, not a string in every bundle: 60 KB that `calc` or `--version` would otherwise load and the
 * compile cache would copy for every command; a run that compares with the table reads it once.
 */
const prebuiltReference = {
  name: "prebuilt-reference",
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/]core[\\/]builtinReference\.ts$/ }, () => ({
      loader: "ts",
      resolveDir: "src/core",
      contents: `import { readFileSync } from "node:fs";
import { NapkinError } from "./errors.ts";
import type { ReferenceTable } from "./reference.ts";
let table: ReferenceTable | undefined;
export function builtInReference(): ReferenceTable {
  if (!table) {
    let text: string;
    try {
      text = readFileSync(\`\${__dirname}/${referenceFile}\`, "utf8");
    } catch (error) {
      throw new NapkinError("io", \`cannot load dist/${referenceFile}: \${String((error as Error)?.message).split("\\n")[0]}; run \\\`npm run build\\\` in napkin's folder\`);
    }
    table = JSON.parse(text) as ReferenceTable;
  }
  // A copy each time: callers may extend what they are given (--reference merges into it).
  return { figures: [...table.figures], rules: [...table.rules] };
}`,
    }));
  },
};

const builtInReferenceJson = await readBuiltInReference();

/** Options every bundle is built with. */
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

/** The commands, as src/cli/commands/index.ts lists them: each gets a bundle of its own. */
const commandNames = ["estimate", "check", "calc", "ref", "exercises", "solve", "grade", "batch", "drill"];

/**
 * The entry of each bundle, written here: `run(argv)` with the commands that bundle carries. A command's bundle
 * imports only its command's module, so esbuild leaves the others' code out.
 */
const entries = {
  name: "napkin-entries",
  setup(build) {
    build.onResolve({ filter: /^napkin-entry:/ }, (args) => ({ path: args.path.slice("napkin-entry:".length), namespace: "napkin-entry" }));
    build.onLoad({ filter: /.*/, namespace: "napkin-entry" }, ({ path }) => ({
      resolveDir: "src/cli",
      loader: "ts",
      contents:
        path === "all"
          ? `import { main, run as runWith } from "./main.ts"; import { commands } from "./commands/index.ts"; export { main }; export const run = (argv: string[]) => runWith(argv, commands);`
          : `import { main, run as runWith } from "./main.ts"; import { ${path}Command } from "./commands/${path}.ts"; export { main }; export const run = (argv: string[]) => runWith(argv, [${path}Command]);`,
    }));
  },
};

const mathjs = await build({ ...common, entryPoints: ["src/cli/mathjs.ts"], outfile: `dist/${mathjsBundle}` });
const files = await build({ ...common, entryPoints: ["src/cli/findFiles.ts"], outfile: `dist/${filesBundle}` });
const zod = await build({
  ...common,
  // Only the functions napkin uses: `export *` would keep all of zod/mini (430 KB).
  stdin: { contents: `import * as z from "zod/mini"; export const mini = { ${zodNames.map((name) => `${name}: z.${name}`).join(", ")} }; export { default as en } from "zod/v4/locales/en.js";`, resolveDir: ".", loader: "js" },
  outfile: `dist/${zodBundle}`,
});
const bundles = await build({
  ...common,
  entryPoints: { napkin: "napkin-entry:all", ...Object.fromEntries(commandNames.map((name) => [`napkin-${name}`, `napkin-entry:${name}`])) },
  outdir: "dist",
  outExtension: { ".js": ".cjs" },
  // `await import("node:readline")` becomes a require() on first use.
  supported: { "dynamic-import": false },
  // src/ is ES modules; in the bundle, the module's folder is the bundle's: dist/.
  define: { "import.meta.dirname": "__dirname" },
  plugins: [entries, lazyChildProcess, noColorDetection, lazyMathjs, lazyZod, lazyFiles, prebuiltReference],
  metafile: process.env.NAPKIN_BUNDLE_SIZES === "1",
});
// `NAPKIN_BUNDLE_SIZES=1 npm run build`: what each bundle carries, largest first.
if (bundles.metafile) {
  for (const [name, output] of Object.entries(bundles.metafile.outputs)) {
    if (!name.endsWith(".cjs")) continue;
    const inputs = Object.entries(output.inputs).sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput).slice(0, Number(process.env.NAPKIN_BUNDLE_TOP) || 12);
    console.log(`${name}: ${output.bytes} bytes\n${inputs.map(([file, { bytesInOutput }]) => `  ${String(bytesInOutput).padStart(7)} ${file}`).join("\n")}`);
  }
}

mkdirSync("dist", { recursive: true });
// Each file is renamed into place whole: a napkin run while this builds reads the old bundle or the new one.
// mathjs's, zod's and finding files' bundles first: napkin's new bundles must never find the old ones missing.
const written = [];
writeWhole(`dist/${referenceFile}`, builtInReferenceJson);
written.push(referenceFile);
for (const file of [...mathjs.outputFiles, ...zod.outputFiles, ...files.outputFiles, ...bundles.outputFiles]) {
  writeWhole(file.path, file.text);
  written.push(file.path.slice(file.path.lastIndexOf("/") + 1));
}

// What earlier builds left (files of older layouts, code caches) goes.
for (const file of readdirSync("dist")) if (!written.includes(file)) rmSync(`dist/${file}`, { recursive: true, force: true });

/** Writes a file beside its place and renames it there. */
function writeWhole(file, text) {
  writeFileSync(`${file}.tmp`, text);
  renameSync(`${file}.tmp`, file);
}
