import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { createMathFunctions } from "../../src/cli/mathFunctions.js";
import { builtInReference } from "../../src/core/builtinReference.js";
import { NotesChecker } from "../../src/core/check/checker.js";
import { type Generated, type Interval, expression } from "./grammar.js";
import { fuzzRuns, fuzzTimeout } from "./runs.js";

const functions = createMathFunctions();
const reference = builtInReference();
const runs = fuzzRuns(500);

/** The base unit a stated value is written in, by dimension; other dimensions are not stated here. */
const baseUnits: Record<string, string> = { "0,0": "", "1,0": " s", "0,1": " bytes", "-1,0": "/s", "-1,1": " bytes/s" };

/**
 * A positive value written plainly with six significant digits (`66666.7`), or undefined when that needs an
 * exponent. Three decimals get a fourth (`1.5010`): `1.501` may be a Portuguese 1,501, and napkin reads it so.
 */
function written(value: number): string | undefined {
  const text = String(Number(value.toPrecision(6)));
  return /e/.test(text) ? undefined : /\.\d{3}$/.test(text) ? `${text}0` : text;
}

/** `expression = value unit`, with the value computed in the test (a range's midpoint), times `factor`. */
function claimOf(g: Generated, factor: number): string | undefined {
  const v = g.value as Interval;
  const unit = baseUnits[`${v.dim.t},${v.dim.d}`];
  const number = written(((v.low + v.high) / 2) * factor);
  return unit === undefined || number === undefined ? undefined : `${g.text} = ${number}${unit}`;
}

/** A computation (a lone number is no claim), with a positive value napkin's findings write without an exponent. */
const computation = / [-+*×/÷] |\^|sqrt\(|log\(/;
const valued = expression.filter((g) => !g.unknown && g.value !== undefined && g.value.low > 1e-3 && g.value.high < 1e15 && computation.test(g.text));

function verdicts(line: string): string[] {
  return new NotesChecker("fuzz.md", { reference, functions }).checkLine(line, 1, functions).map((f) => f.verdict);
}

describe("check, on claims built with their value", () => {
  test(`${runs.numRuns} right claims are right`, () =>
    fc.assert(fc.property(valued, (g) => {
      const claim = claimOf(g, 1);
      fc.pre(claim !== undefined);
      expect(verdicts(claim!), claim).toEqual(["ok"]);
    }), runs), fuzzTimeout(runs, 500));
  test(`${runs.numRuns} claims off by 1000× are wrong`, () =>
    // `Option 1 - 10 * 5 = 50`: what precedes ` - ` may be a label, a reading napkin takes when it makes a line
    // right; a sum with a minus can therefore be right as `0-2 = 1.499`, and is left out here.
    fc.assert(fc.property(valued.filter((g) => !g.text.includes(" - ")), fc.constantFrom(1000, 0.001), (g, factor) => {
      const claim = claimOf(g, factor);
      // A value inside a range is right: the slip must take it well outside (a range 1–1M holds its midpoint / 1000).
      const off = ((g.value!.low + g.value!.high) / 2) * factor;
      fc.pre(claim !== undefined && (off > g.value!.high * 2 || off < g.value!.low / 2));
      expect(verdicts(claim!), claim).toEqual(["wrong"]);
    }), runs), fuzzTimeout(runs, 500));
});
