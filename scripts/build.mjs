// Bundles the CLI into dist/ so start-up does no module resolution. Each command and mathjs are lazy
// chunks (see src/cli/commands/index.ts), loaded only by the runs that need them.
import { rmSync } from "node:fs";
import { build } from "esbuild";

/**
 * `import { readFileSync } from "node:fs"` makes Node build an ES-module facade of all of `fs`, which reads
 * every export (loading streams on the way): ~10 ms per start. Built-ins imported as CommonJS skip it.
 */
const builtinsAsRequire = {
  name: "builtins-as-require",
  setup(build) {
    // Static imports only: a dynamic `await import("node:crypto")` keeps its ES-module namespace.
    build.onResolve({ filter: /^node:/ }, (args) => (args.kind === "import-statement" ? { path: args.path, namespace: "builtin" } : undefined));
    build.onLoad({ filter: /.*/, namespace: "builtin" }, (args) => ({ contents: `module.exports = require(${JSON.stringify(args.path)});`, loader: "js" }));
  },
};

// Chunk names carry content hashes: clear old ones so dist/ holds one build.
rmSync("dist", { recursive: true, force: true });

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

await build({
  entryPoints: { napkin: "src/cli/main.ts" },
  outdir: "dist",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  minify: true,
  sourcemap: "linked",
  legalComments: "none",
  logLevel: "warning",
  plugins: [builtinsAsRequire, lazyChildProcess],
  banner: { js: 'import { createRequire as __napkinRequire } from "node:module"; const require = __napkinRequire(import.meta.url);' },
});
