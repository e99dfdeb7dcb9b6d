import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Readable } from "node:stream";
import { Chalk } from "chalk";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type { Io } from "../../src/cli/command.js";
import { commands } from "../../src/cli/commands/index.js";
import { main } from "../../src/cli/main.js";
import { napkinBin, root } from "../helpers.js";
import { expression } from "./grammar.js";
import { fuzzRuns, fuzzTimeout } from "./runs.js";

/**
 * Any string through `calc`, `check -e` and a line of `check -` ends with exit 0, 1 or 2, never an internal error,
 * and never prints NaN or Infinity it was not given. napkin runs in this process (its standard streams recorded) so
 * that a hundred thousand inputs take minutes; a sample also runs through the built bin/napkin.
 */

const noteLines = readFileSync(join(root, "tests/fixtures/study-notes.md"), "utf8").split("\n").filter((line) => /\d/.test(line));

/** A line of the study notes with a few characters inserted, deleted or replaced. */
const mutatedNoteLine = fc
  .tuple(fc.constantFrom(...noteLines), fc.array(fc.tuple(fc.nat(), fc.nat(2), fc.string({ unit: fc.constantFrom(..."0123456789KMBkm.,-–/*×^()%~=≈→ sx"), maxLength: 3 })), { maxLength: 4 }))
  .map(([line, edits]) =>
    edits.reduce((text, [at, kind, inserted]) => {
      const i = text.length ? at % text.length : 0;
      return kind === 0 ? text.slice(0, i) + inserted + text.slice(i) : kind === 1 ? text.slice(0, i) + text.slice(i + 1) : text.slice(0, i) + inserted + text.slice(i + 1);
    }, line),
  );

const anyString = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary" }),
  fc.string({ unit: "grapheme" }),
  fc.string({ unit: fc.constantFrom(..."0123456789 KMBkm.,-–—/*×÷^()[]%~=≈→|$€`_#>xsmhdGBTbpslogsqrt") }),
  expression.map((g) => g.text),
  expression.map((g) => `${g.text} = ${g.text}`),
  mutatedNoteLine,
);

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

async function inProcess(args: string[], stdin = ""): Promise<Ran> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = {
    output: { color: new Chalk({ level: 0 }), out: (t) => out.push(t), err: (t) => err.push(t), copy: (t) => out.push(t), width: () => 80 },
    stdin: () => Readable.from([stdin]),
  };
  const limit = Error.stackTraceLimit;
  const code = await main(["node", "napkin", ...args], commands, io);
  Error.stackTraceLimit = limit;
  return { code, stdout: out.join("\n"), stderr: err.join("\n") };
}

/** The property every run holds to: a known exit code, no internal error, no NaN or Infinity of napkin's making. */
function expectClean(input: string, run: Ran, codes: number[]): void {
  const context = `${JSON.stringify(input)} → ${run.code}\n${run.stdout}\n${run.stderr}`;
  expect(codes, context).toContain(run.code);
  expect(run.stderr, context).not.toMatch(/internal error/);
  const printed = `${run.stdout}\n${run.stderr}`;
  if (!/nan/i.test(input)) expect(printed, context).not.toMatch(/\bNaN\b/);
  if (!/infinity/i.test(input)) expect(printed, context).not.toMatch(/Infinity/);
  if (run.code === 2) expect(run.stderr.trim().split("\n").filter((line) => line.startsWith("napkin: ")).length, context).toBeGreaterThan(0);
}

const runs = fuzzRuns(300);
const timeout = fuzzTimeout(runs, 300);

describe("any string, through the commands", () => {
  test(`${runs.numRuns} strings through calc`, () =>
    fc.assert(fc.asyncProperty(anyString, async (text) => expectClean(text, await inProcess(["calc", "--", text]), [0, 2])), runs), timeout);
  test(`${runs.numRuns} strings through check -e`, () =>
    fc.assert(fc.asyncProperty(anyString, async (text) => expectClean(text, await inProcess(["check", "-e", text]), [0, 1, 2])), runs), timeout);
  test(`${runs.numRuns} lines through check -`, () =>
    fc.assert(fc.asyncProperty(fc.array(anyString, { minLength: 1, maxLength: 4 }), async (lines) => {
      const text = lines.join("\n");
      expectClean(text, await inProcess(["check", "-"], text), [0, 1, 2]);
    }), runs), timeout);
});

describe("a sample through the built bin/napkin", () => {
  const sample = fuzzRuns(8);
  const spawned = (args: string[], input?: string): Ran => {
    const run = spawnSync(process.execPath, [napkinBin, ...args], { input, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
    return { code: run.status ?? -1, stdout: run.stdout, stderr: run.stderr };
  };
  const each = { ...sample, numRuns: Math.max(8, Math.ceil(sample.numRuns / 100)) };
  test(`${each.numRuns} strings through calc, check -e and check -`, () =>
    fc.assert(fc.property(anyString.filter((text) => !text.includes("\u0000")), (text) => {
      expectClean(text, spawned(["calc", "--", text]), [0, 2]);
      expectClean(text, spawned(["check", "-e", text]), [0, 1, 2]);
      expectClean(text, spawned(["check", "-"], text), [0, 1, 2]);
    }), each), fuzzTimeout(each, 3));
});
