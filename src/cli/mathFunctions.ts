import { NapkinError } from "../core/errors.js";
import type { MathFunctionName, MathFunctions } from "../core/notation/index.js";
import { createMathjs } from "./mathjs.js";

/**
 * napkin's functions. Rounding is mathjs's: it rounds away float noise (`ceil(0.1 * 3 * 10)` is 3, where
 * Math.ceil says 4) and rounds to a number of digits; its instance is built, and mathjs loaded, on the first
 * call. The others are JavaScript's Math, which is what mathjs's own number versions call (mathjs/number:
 * sqrtNumber is Math.sqrt, logNumber is Math.log(x) / Math.log(base), min compares), so loading mathjs for
 * them would change no answer; tests/cli/mathFunctions.test.ts holds them to mathjs's answers.
 */
export function createMathFunctions(): MathFunctions {
  let math: ReturnType<typeof createMathjs> | undefined;
  const rounding = (name: "ceil" | "floor" | "round") => (...args: number[]) => real(name, (math ??= loadMathjs())[name] as (...args: never[]) => unknown, args);
  const functions: Record<MathFunctionName, (...args: number[]) => number> = {
    sqrt: Math.sqrt,
    cbrt: Math.cbrt,
    // Base 0 has no logarithm (mathjs's number version quietly reads it as base e).
    log: (x, base) => (base === undefined ? Math.log(x) : base === 0 ? Number.NaN : Math.log(x) / Math.log(base)),
    log2: Math.log2,
    log10: Math.log10,
    ceil: rounding("ceil"),
    floor: rounding("floor"),
    round: rounding("round"),
    min: Math.min,
    max: Math.max,
  };
  return functions;
}

/**
 * mathjs's instance. In the built CLI its code is a file of its own (dist/napkin-mathjs.cjs), required here
 * on the first call: a missing or damaged file is a one-line error, and ends the run (check does not take it
 * for a claim without a value).
 */
function loadMathjs(): ReturnType<typeof createMathjs> {
  try {
    return createMathjs();
  } catch (error) {
    const why = String((error as Error).message).split("\n")[0];
    throw new NapkinError("io", `cannot load dist/napkin-mathjs.cjs: ${why}; run \`npm run build\` in napkin's folder`);
  }
}

/** Calls a mathjs function with numbers; a non-number result becomes NaN, and mathjs's refusal a NapkinError. */
function real(name: string, fn: (...args: never[]) => unknown, args: number[]): number {
  let value: unknown;
  try {
    value = fn(...(args as never[]));
  } catch (error) {
    // `round(1.5, 20)`: "Number of decimals in function round must be an integer from 0 to 15 inclusive".
    throw new NapkinError("math", `${name}(): ${(error as Error).message.replace(/^\w/, (c) => c.toLowerCase())}`);
  }
  return typeof value === "number" ? value : Number.NaN;
}
