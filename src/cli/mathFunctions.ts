import {
  cbrtDependencies, ceilDependencies, create, floorDependencies, log10Dependencies, log2Dependencies, logDependencies,
  maxDependencies, minDependencies, roundDependencies, sqrtDependencies,
} from "mathjs/number";
import type { MathFunctions } from "../core/notation/evaluate.js";
import { mathFunctionNames } from "../core/notation/parser.js";

/** The mathjs instance behind napkin's functions: these factories only, nothing that parses or evaluates text. */
function createMathjs() {
  return create({
    sqrtDependencies, cbrtDependencies, logDependencies, log2Dependencies, log10Dependencies,
    ceilDependencies, floorDependencies, roundDependencies, minDependencies, maxDependencies,
  });
}

/**
 * napkin's functions. The one mathjs instance behind them is built on the first call (its typed functions
 * take milliseconds to build, and most runs call no function). mathjs never sees an expression string:
 * napkin parses, and hands mathjs numbers.
 */
export function createMathFunctions(): MathFunctions {
  let math: ReturnType<typeof createMathjs> | undefined;
  return Object.fromEntries(
    mathFunctionNames.map((name) => [name, (...args: number[]) => real((math ??= createMathjs())[name] as (...args: never[]) => unknown, args)]),
  );
}

/** Calls a mathjs function with numbers; a complex or other non-number result becomes NaN. */
function real(fn: (...args: never[]) => unknown, args: number[]): number {
  const value = fn(...(args as never[]));
  return typeof value === "number" ? value : Number.NaN;
}
