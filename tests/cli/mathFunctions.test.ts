import fc from "fast-check";
import { cbrtDependencies, create, log10Dependencies, log2Dependencies, logDependencies, maxDependencies, minDependencies, sqrtDependencies } from "mathjs/number";
import { describe, expect, test } from "vitest";
import { createMathFunctions } from "../../src/cli/mathFunctions.js";
import { mathFunctionNames } from "../../src/core/notation/parser.js";

// napkin computes these with JavaScript's Math instead of loading mathjs; mathjs's own number versions are
// the oracle: every answer must be mathjs's, bit for bit (min and max within mathjs's comparison tolerance).
const mathjs = create({ sqrtDependencies, cbrtDependencies, logDependencies, log2Dependencies, log10Dependencies, minDependencies, maxDependencies });
const napkin = createMathFunctions();
const runs = { numRuns: 2_000, seed: 20_261_125 };
const anyNumber = fc.oneof(fc.double(), fc.double({ min: -1e6, max: 1e6 }), fc.integer({ min: -1e9, max: 1e9 }), fc.constantFrom(0, -0, 1, -1, 1e-300, 1e300));
/** mathjs's number functions answer NaN or a complex number where there is no real one; napkin says NaN. */
const real = (value: unknown) => (typeof value === "number" ? value : Number.NaN);

describe("functions napkin computes without mathjs give mathjs's answers", () => {
  test.each(["sqrt", "cbrt", "log", "log2", "log10"] as const)("%s(x)", (name) =>
    fc.assert(fc.property(anyNumber, (x) => Object.is(napkin[name](x), real((mathjs[name] as (x: number) => unknown)(x)))), runs));
  // mathjs's `if (base)` reads base 0 (and NaN, which napkin never has) as base e.
  test("log(x, base), for every base but 0", () =>
    fc.assert(fc.property(anyNumber, anyNumber.filter((b) => b !== 0 && !Number.isNaN(b)), (x, base) => Object.is(napkin.log(x, base), real(mathjs.log(x, base)))), runs));
  test("log(x, 0) has no value", () => expect(napkin.log(8, 0)).toBeNaN());
  test.each(["min", "max"] as const)("%s(…) of one to five numbers", (name) =>
    fc.assert(fc.property(fc.array(fc.double({ noNaN: true }), { minLength: 1, maxLength: 5 }), (args) => {
      const ours = napkin[name](...args);
      const theirs = mathjs[name](...args) as number;
      // mathjs calls numbers equal within its tolerances (relative 1e-12, absolute 1e-15) and may keep either.
      expect(Math.abs(ours - theirs) <= Math.max(1e-12 * Math.abs(theirs), 1e-15) || ours === theirs).toBe(true);
    }), runs));
});

describe("rounding is mathjs's", () => {
  test("ceil rounds away float noise (0.1 * 3 * 10 is 3.0000000000000004)", () => expect(napkin.ceil(0.1 * 3 * 10)).toBe(3));
  test("floor too (0.7 + 0.1) * 10 is 7.999999999999999)", () => expect(napkin.floor((0.7 + 0.1) * 10)).toBe(8));
  test("round to digits", () => expect(napkin.round(1.005, 2)).toBe(1.01));
  test("digits out of range are a napkin error naming the function", () => expect(() => napkin.round(1.5, 20)).toThrow(/^round\(\): number of decimals/));
});

test("every function napkin offers is computed", () => expect(Object.keys(napkin).sort()).toEqual([...mathFunctionNames].sort()));
