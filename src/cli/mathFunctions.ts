import {
  cbrtDependencies, ceilDependencies, create, floorDependencies, log10Dependencies, log2Dependencies, logDependencies,
  maxDependencies, minDependencies, roundDependencies, sqrtDependencies,
} from "mathjs/number";
import type { MathFunctions } from "../core/notation/evaluate.js";

/** The mathjs instance behind napkin's functions: these factories only, nothing that parses or evaluates text. */
export function createMathFunctions(): MathFunctions {
  const math = create({
    sqrtDependencies, cbrtDependencies, logDependencies, log2Dependencies, log10Dependencies,
    ceilDependencies, floorDependencies, roundDependencies, minDependencies, maxDependencies,
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
