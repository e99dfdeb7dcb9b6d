// Bundles the CLI into dist/ so start-up does no module resolution; mathjs stays a lazy chunk.
import { build } from "esbuild";

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
  banner: { js: 'import { createRequire as __napkinRequire } from "node:module"; const require = __napkinRequire(import.meta.url);' },
});
