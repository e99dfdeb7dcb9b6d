import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { createMathFunctions } from "../../src/cli/mathFunctions.js";
import { NapkinError } from "../../src/core/errors.js";
import { readNotation } from "../../src/core/notation/index.js";
import { type Generated, expression } from "./grammar.js";
import { fuzzRuns, fuzzTimeout } from "./runs.js";

const functions = createMathFunctions();
const runs = fuzzRuns(1_000);

/** napkin's reading of the text against the value computed in the test: the same range, or both without a value. */
function readsAsGenerated({ text, value, scale, unknown }: Generated): void {
  // Values too large or small for floating point are refused by napkin for reasons of their own.
  fc.pre(!unknown && (!value || (Math.max(Math.abs(value.low), Math.abs(value.high)) < 1e200 && scale < 1e200)));
  let read;
  try {
    read = readNotation(text, { functions }).quantity;
  } catch (error) {
    if (!(error instanceof NapkinError)) throw error;
    expect(value, `${text}: ${error.message}`).toBeUndefined();
    return;
  }
  expect(value, `${text} has no value, napkin read ${read.low}–${read.high}`).toBeDefined();
  const tolerance = 1e-9 * Math.max(scale, 1e-300);
  expect(Math.abs(read.low - value!.low), `${text}: low ${read.low}, expected ${value!.low}`).toBeLessThanOrEqual(tolerance);
  expect(Math.abs(read.high - value!.high), `${text}: high ${read.high}, expected ${value!.high}`).toBeLessThanOrEqual(tolerance);
  // `+ 0` makes −0 (from a power of −1) 0: both are no dimension.
  expect({ t: read.dim.t + 0, d: read.dim.d + 0, c: read.dim.c + 0 }, text).toEqual({ t: value!.dim.t + 0, d: value!.dim.d + 0, c: 0 });
}

describe("the notation grammar, against values computed independently", () => {
  test(`${runs.numRuns} generated expressions read as their value (ranges included), or are refused when they have none`, () =>
    fc.assert(fc.property(expression, readsAsGenerated), runs), fuzzTimeout(runs, 2_000));
});
