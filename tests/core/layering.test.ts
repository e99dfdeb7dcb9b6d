import { readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { expect, test } from "vitest";
import { root } from "../helpers.js";

const core = join(root, "src/core");
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : []));
const imports = (file: string) => [...readFileSync(file, "utf8").matchAll(/(?:import|export)[^"']*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1] ?? m[2]);

test.each(files(core).map((f) => [relative(root, f), f]))("%s stays pure (no node:, shell or terminal imports)", (_, file) => {
  for (const specifier of imports(file)) {
    expect(specifier, `${file} imports ${specifier}`).not.toMatch(/^(node:|fs$|path$|chalk|commander|cli-table3)|\/cli\//);
  }
});

test.each(files(core).map((f) => [relative(root, f), f]))("%s does not print or exit", (_, file) => {
  expect(readFileSync(file, "utf8")).not.toMatch(/console\.|process\./);
});

const src = join(root, "src");
test.each(files(src).filter((f) => !f.startsWith(join(core, "notation"))).map((f) => [relative(root, f), f]))("%s reads notation only through its door (src/core/notation/index.ts)", (_, file) => {
  for (const specifier of imports(file)) {
    if (specifier.includes("notation/")) expect(specifier, `${file} imports ${specifier}`).toMatch(/notation\/index\.js$/);
  }
});
