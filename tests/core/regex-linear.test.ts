import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { builtInReference } from "../../src/core/builtinReference.js";
import { calculate } from "../../src/core/calc.js";
import { NotesChecker } from "../../src/core/check/checker.js";
import { root } from "../helpers.js";

/** Every .ts file under src/. */
const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : []));

/** Regular-expression literals in the source (after `=`, `(`, `,`, `:`, `?`, `!`, `&`, `|` or `return`). */
function regexLiterals(file: string): { source: string; flags: string; where: string }[] {
  const text = readFileSync(file, "utf8");
  const found: { source: string; flags: string; where: string }[] = [];
  const literal = /(?:[=(,:?!&|[{;]|return)\s*\/((?:\\.|\[(?:\\.|[^\]\\\n])*\]|[^/\\\n[])+)\/([dgimsuyv]*)/g;
  for (const match of text.matchAll(literal)) {
    try {
      new RegExp(match[1], match[2]);
      found.push({ source: match[1], flags: match[2], where: `${file.slice(root.length)}:${text.slice(0, match.index).split("\n").length}` });
    } catch {
      // Not a regex (a division that looked like one).
    }
  }
  return found;
}

const size = 100_000;
const adversarial: Record<string, string> = {
  spaces: " ".repeat(size),
  digits: "1".repeat(size),
  "digit-comma": "1,".repeat(size / 2),
  "digit-space": "1 ".repeat(size / 2),
  letters: "a".repeat(size),
  accented: "é".repeat(size),
  equals: "= ".repeat(size / 2),
  pipes: "| 1 ".repeat(size / 4),
  stars: "*".repeat(size),
  underscores: "_a".repeat(size / 2),
  "times-x": "1 x ".repeat(size / 4),
  dashes: "- ".repeat(size / 2),
  "scale-words": "1K ".repeat(size / 3),
  "near-separator": "1 ~".repeat(size / 3),
  "digit-dot": "1.".repeat(size / 2),
  "hash-space": "# ".repeat(size / 2),
};

const regexes = sources(join(root, "src")).flatMap(regexLiterals);
/** Generous for a shared CI machine; a quadratic regex on 100K characters takes minutes. */
const bound = 1_500;

describe("every regex literal in src/ runs in linear time on 100K-character adversarial input", () => {
  test("the scan finds the regexes", () => expect(regexes.length).toBeGreaterThan(20));
  test.each(regexes.map((r) => [`${r.where} /${r.source.slice(0, 40)}/${r.flags}`, r]))("%s", (_, r) => {
    for (const [name, text] of Object.entries(adversarial)) {
      const re = new RegExp(r.source, r.flags.replace("y", ""));
      const started = performance.now();
      if (re.global) text.replace(re, "");
      else re.exec(text);
      expect(performance.now() - started, `${name}`).toBeLessThan(bound);
    }
  });
});

describe("the functions built on dynamic regexes are linear too", () => {
  const reference = builtInReference();
  test.each(Object.entries(adversarial))("checker on %s", (_, text) => {
    const started = performance.now();
    new NotesChecker("x.md", { reference }).checkLine(`Postgres ${text} reads 5K`, 1);
    expect(performance.now() - started).toBeLessThan(bound * 2);
  });
  test.each(Object.entries(adversarial))("calc refuses or computes %s quickly", (_, text) => {
    const started = performance.now();
    try {
      calculate(text.slice(0, 99_000));
    } catch {
      // Bad input is fine; slow input is not.
    }
    expect(performance.now() - started).toBeLessThan(bound);
  });
});
