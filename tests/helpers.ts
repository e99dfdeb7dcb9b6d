import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";
import { calculate } from "../src/core/calc.js";
import { type Dim, midpoint, readNotation } from "../src/core/notation/index.js";

export const root = fileURLToPath(new URL("..", import.meta.url));
export const napkinBin = fileURLToPath(new URL("../bin/napkin", import.meta.url));

export const unitless: Dim = { t: 0, d: 0, c: 0 };
export const perSecond: Dim = { t: -1, d: 0, c: 0 };
export const bytes: Dim = { t: 0, d: 1, c: 0 };
export const bytesPerSecond: Dim = { t: -1, d: 1, c: 0 };
export const seconds: Dim = { t: 1, d: 0, c: 0 };
export const money: Dim = { t: 0, d: 0, c: 1 };

/** Relative closeness, for values computed two ways. */
export function expectClose(actual: number, expected: number, relative = 1e-9): void {
  expect(Math.abs(actual - expected), `${actual} ≈ ${expected}`).toBeLessThanOrEqual(Math.abs(expected) * relative + 1e-12);
}

/** Reads `input` and expects this value (or [low, high]) in base units (s, bytes), with this dimension. */
export function expectRead(input: string, expected: number | [number, number], dim: Dim = unitless): void {
  const { quantity } = readNotation(input);
  const [low, high] = typeof expected === "number" ? [expected, expected] : expected;
  expectClose(quantity.low, low);
  expectClose(quantity.high, high);
  expect(quantity.dim, input).toEqual(dim);
}

/** Expects reading `input` to fail with this error code (and a message matching `pattern`). */
export function expectReadError(input: string, code: string, pattern?: RegExp): void {
  let error: unknown;
  try {
    calculate(input);
  } catch (e) {
    error = e;
  }
  expect(error, input).toMatchObject({ code });
  if (pattern) expect((error as Error).message).toMatch(pattern);
}

/** Calculates `input`, expects `value` in the unit shown, and that the printed result reads back as the same value. */
export function expectCalc(input: string, value: number, unit?: string): void {
  const result = calculate(input);
  expectClose(result.value, value, 5e-5);
  if (unit !== undefined) expect(result.unit, input).toBe(unit);
  expectParsesBack(result.display, result.value, result.unit);
}

/** A printed quantity must read back (within its printed precision) as the value it shows. */
export function expectParsesBack(display: string, value: number, unit: string): void {
  const [exact, napkin] = display.split(" (≈ ");
  const scale = unit ? readNotation(unit.startsWith("/") ? `1${unit}` : `1 ${unit}`).quantity.low : 1;
  expectClose(middle(exact) / scale, value, 5e-5);
  if (napkin) expectClose(middle(napkin.replace(/\)$/, "").split(", ")[0]) / scale, value, 5e-3);
}

function middle(text: string): number {
  return midpoint(readNotation(text).quantity);
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI with colour off. */
export function napkin(args: string[], options: { input?: string; env?: Record<string, string> } = {}): Run {
  const result = spawnSync(process.execPath, [napkinBin, ...args], {
    input: options.input,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "", ...options.env },
    cwd: root,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Expects the CLI to fail with exit 2 and exactly one stderr line matching `pattern`. */
export function expectUsageError(args: string[], pattern: RegExp, input?: string): void {
  const run = napkin(args, { input });
  expect(run.code, run.stderr).toBe(2);
  const lines = run.stderr.trimEnd().split("\n");
  expect(lines, run.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(run.stderr).not.toMatch(/\n\s+at /);
}
