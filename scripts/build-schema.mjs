// Writes presets/schema.json, presets/scenario.schema.json and presets/napkinrc.schema.json from the zod schemas in src/core/.
// Usage: npm run schema            (rewrite the file)
//        npm run schema -- --check (exit 1 if the file is stale; the test suite checks the same)
import { build } from "esbuild";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const targets = [
  [path.join(repoRoot, "presets", "schema.json"), "presetJsonSchemaText"],
  [path.join(repoRoot, "presets", "scenario.schema.json"), "scenarioJsonSchemaText"],
  [path.join(repoRoot, "presets", "napkinrc.schema.json"), "configJsonSchemaText"],
];
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "napkin-schema-"));
try {
  // The generator is TypeScript; bundle it (zod included) to a temporary module and import that.
  const outfile = path.join(workDir, "presetJsonSchema.mjs");
  await build({ entryPoints: [path.join(repoRoot, "scripts", "presetJsonSchema.ts")], outfile, bundle: true, format: "esm", platform: "node", logLevel: "warning" });
  const generator = await import(pathToFileURL(outfile).href);
  for (const [target, name] of targets) {
    const text = generator[name]();
    if (process.argv.includes("--check")) {
      const current = fs.existsSync(target) ? fs.readFileSync(target, "utf8") : "";
      if (current !== text) {
        console.error(`${path.relative(repoRoot, target)} is stale: run npm run schema`);
        process.exitCode = 1;
      }
    } else {
      fs.writeFileSync(target, text);
      console.log(`wrote ${path.relative(process.cwd(), target)}`);
    }
  }
} finally {
  fs.rmSync(workDir, { recursive: true, force: true });
}
