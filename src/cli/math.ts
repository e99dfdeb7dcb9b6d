import type { MathFunctions } from "../core/notation/evaluate.js";

/**
 * Loads a restricted mathjs instance with only the plain-number functions napkin offers.
 * mathjs never sees an expression string: napkin parses, and hands mathjs numbers.
 */
export async function loadMathFunctions(): Promise<MathFunctions> {
  const m = await import("mathjs");
  const math = m.create({
    sqrtDependencies: m.sqrtDependencies, cbrtDependencies: m.cbrtDependencies, logDependencies: m.logDependencies,
    log2Dependencies: m.log2Dependencies, log10Dependencies: m.log10Dependencies, ceilDependencies: m.ceilDependencies,
    floorDependencies: m.floorDependencies, roundDependencies: m.roundDependencies, minDependencies: m.minDependencies,
    maxDependencies: m.maxDependencies,
  });
  const real = (fn: (...args: never[]) => unknown) => (...args: number[]) => {
    const value = fn(...(args as never[]));
    return typeof value === "number" ? value : Number.NaN;
  };
  return {
    sqrt: real(math.sqrt), cbrt: real(math.cbrt), log: real(math.log), log2: real(math.log2), log10: real(math.log10),
    ceil: real(math.ceil), floor: real(math.floor), round: real(math.round), min: real(math.min), max: real(math.max),
  };
}
