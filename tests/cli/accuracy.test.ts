import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { expect, test } from "vitest";
// @ts-expect-error: a plain ESM script, no types
import { loadCorpus, targets } from "../../scripts/accuracy.mjs";
import { root } from "../helpers.js";

// The accuracy harness (tests/accuracy/README.md): every label agrees with the calculation written beside it, and
// the built napkin meets the targets on the corpus. The holdout and final sets are scored by hand, never asserted.

test.each(["corpus", "holdout", "final"])("every label of tests/accuracy/%s agrees with its calculation", (set) => {
  const { files, problems } = loadCorpus(join(root, "tests/accuracy", set));
  expect(problems).toEqual([]);
  expect(files.length).toBeGreaterThan(0);
});

test("the corpus: at least 600 verbatim lines from at least 15 public sources", () => {
  const { files } = loadCorpus(join(root, "tests/accuracy/corpus"));
  const sources = new Set(files.flatMap((f: any) => f.sources.map((s: any) => s.url ?? `${s.repo}/${s.path}`)));
  const lines = files.filter((f: any) => f.kind === "verbatim").reduce((n: number, f: any) => n + f.lines.filter((l: string) => l.trim()).length, 0);
  expect(sources.size).toBeGreaterThanOrEqual(15);
  expect(lines).toBeGreaterThanOrEqual(600);
});

test("napkin check meets the targets on the corpus", () => {
  const run = spawnSync(process.execPath, [join(root, "scripts/accuracy.mjs"), "--json"], { encoding: "utf8" });
  const all = JSON.parse(run.stdout).all;
  expect(all.recall).toBeGreaterThanOrEqual(targets.recall);
  expect(all.falseAlarmsRight).toBeLessThanOrEqual(targets.falseAlarmsRight);
  expect(all.falseAlarmsProse).toBeLessThanOrEqual(targets.falseAlarmsProse);
  expect(all.rightCause).toBeGreaterThanOrEqual(targets.rightCause);
});
