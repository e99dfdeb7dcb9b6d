import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { builtInReference } from "../../src/core/builtinReference.js";
import { calculate } from "../../src/core/calc.js";
import { NotesChecker } from "../../src/core/check/checker.js";
import { NapkinError } from "../../src/core/errors.js";
import { add, divide, formatExact, formatNapkin, multiply, quantity, readNotation } from "../../src/core/notation/index.js";
import { expectParsesBack } from "../helpers.js";

/**
 * A fixed seed keeps CI deterministic; NAPKIN_FC_SEED=random (or a number) explores further locally.
 * Every counterexample found that way so far has been fixed and stays covered by the fixed seed's runs.
 */
const seedSetting = process.env.NAPKIN_FC_SEED;
const runs = { numRuns: 300, ...(seedSetting === "random" ? {} : { seed: Number(seedSetting ?? 20_261_125) }) };
const reference = builtInReference();

/** Runs `fn`; anything it throws must be a NapkinError (a clear message), never a crash. */
function onlyNapkinErrors(fn: () => unknown): void {
  try {
    fn();
  } catch (error) {
    if (!(error instanceof NapkinError)) throw error;
    expect(error.toLine()).not.toMatch(/\n/);
  }
}

const anyText = fc.oneof(fc.string(), fc.string({ unit: "binary" }), fc.string({ unit: "grapheme" }), fc.string({ unit: fc.constantFrom(..."0123456789 KMBkm.,-–/*×^()%~=≈→|`*_#>xsmhdGBTbps") }));

/** Expressions built from the notation's grammar: numbers, scales, units, ranges, operators, brackets. */
const expression: fc.Arbitrary<string> = fc.letrec((tie) => ({
  literal: fc.tuple(
    fc.oneof(fc.integer({ min: 0, max: 99_999 }).map(String), fc.double({ min: 0.001, max: 9999, noNaN: true }).map((n) => n.toPrecision(3))),
    fc.constantFrom("", "K", "k", "M", "m", "B", "bn", "T", " thousand", " milhões", "%"),
    fc.constantFrom("", " s", "ms", " min", " h", " day", " month", " year", " B", " bytes", "KB", " MB", " GB", " TB", " KiB", " Mbps", "/s", "/day", " pings/sec", " qps"),
  ).map(([n, scale, unit]) => `${n}${scale}${unit}`),
  range: fc.tuple(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 51, max: 999 }), fc.constantFrom("K", "M", "s", "x", "")).map(([a, b, s]) => `${a}-${b}${s}`),
  node: fc.oneof(
    { depthSize: "small" },
    tie("literal"),
    tie("range"),
    fc.tuple(tie("node"), fc.constantFrom(" + ", " - ", " * ", " × ", " / ", " ÷ "), tie("node")).map(([a, op, b]) => `${a}${op}${b}`),
    tie("node").map((e) => `(${e})`),
  ),
})).node as fc.Arbitrary<string>;

describe("no input crashes the reader", () => {
  test("random text: only NapkinErrors", () => fc.assert(fc.property(anyText, (text) => onlyNapkinErrors(() => calculate(text))), runs));
  test("grammar-built expressions: a result that reads back, or a NapkinError", () =>
    fc.assert(
      fc.property(expression, (text) => {
        let result;
        try {
          result = calculate(text);
        } catch (error) {
          if (error instanceof NapkinError) return;
          throw error;
        }
        expectParsesBack(result.display, result.value, result.unit);
      }),
      runs,
    ));
  test("the checker never throws on any line", () =>
    fc.assert(fc.property(fc.array(anyText, { maxLength: 5 }), (lines) => {
      const checker = new NotesChecker("random.md", { reference });
      lines.forEach((line, i) => checker.checkLine(line, i + 1));
    }), runs));
});

describe("formatting round-trips", () => {
  const value = fc.double({ min: 1e-5, max: 1e20, noNaN: true });
  test("formatExact reads back within five significant digits", () =>
    fc.assert(fc.property(value, (x) => {
      const back = readNotation(formatExact(x)).quantity.low;
      expect(Math.abs(back - x) / x).toBeLessThanOrEqual(5e-5);
    }), runs));
  test("formatNapkin reads back within three significant digits", () =>
    fc.assert(fc.property(value, (x) => {
      const back = readNotation(formatNapkin(x)).quantity.low;
      expect(Math.abs(back - x) / x).toBeLessThanOrEqual(5e-3);
    }), runs));
});

describe("range arithmetic contains the point result", () => {
  const range = fc.tuple(fc.double({ min: 0.5, max: 1e6, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 1, max: 10, noNaN: true }))
    .map(([low, t, spread]) => ({ low, high: low * spread, point: low + t * (low * spread - low) }));
  const contains = (r: { low: number; high: number }, x: number) => {
    const slack = 1e-12 * Math.max(Math.abs(r.low), Math.abs(r.high), 1);
    return x >= r.low - slack && x <= r.high + slack;
  };
  const q = (r: { low: number; high: number }) => ({ low: r.low, high: r.high, dim: { t: 0, d: 0, c: 0 }, terms: [] });
  test.each([
    ["+", (a: any, b: any) => add(a, b), (x: number, y: number) => x + y],
    ["-", (a: any, b: any) => add(a, b, -1), (x: number, y: number) => x - y],
    ["×", multiply, (x: number, y: number) => x * y],
    ["÷", divide, (x: number, y: number) => x / y],
  ] as const)("%s", (_, op, point) =>
    fc.assert(fc.property(range, range, (a, b) => contains(op(q(a), q(b)), point(a.point, b.point))), runs));
  test("a point is a range of one", () => expect(multiply(quantity(3), quantity(4))).toMatchObject({ low: 12, high: 12 }));
});

describe("the checker's verdict ignores whitespace and markdown decoration", () => {
  const claim = fc.tuple(
    fc.integer({ min: 1, max: 999 }),
    fc.constantFrom("K", "M", ""),
    fc.constantFrom("*", "/", "×"),
    fc.integer({ min: 2, max: 99 }),
    fc.constantFrom(1, 10, 1000, 0.5),
  ).map(([a, scale, op, b, slip]) => {
    const left = a * (scale === "K" ? 1e3 : scale === "M" ? 1e6 : 1);
    const exact = op === "/" ? left / b : left * b;
    return `${a}${scale} ${op} ${b} = ${formatExact(exact * slip)}`;
  });
  const decorate = fc.constantFrom(
    (s: string) => `**${s}**`, (s: string) => `- ${s}`, (s: string) => `> ${s}`, (s: string) => `\`${s}\``,
    (s: string) => `  ${s.replace(/ /g, "   ")}  `, (s: string) => `1. ${s}`, (s: string) => `| ${s} |`, (s: string) => `_${s}_`,
  );
  const verdicts = (line: string) => new NotesChecker("x.md", { reference }).checkLine(line, 1).map((f) => f.verdict);
  test("decorated claims get the same verdicts", () =>
    fc.assert(fc.property(claim, decorate, (line, wrap) => {
      expect(verdicts(wrap(line))).toEqual(verdicts(line));
    }), runs));
});
