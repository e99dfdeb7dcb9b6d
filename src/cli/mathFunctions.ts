import {
  cbrtDependencies, ceilDependencies, create, floorDependencies, log10Dependencies, log2Dependencies, logDependencies,
  maxDependencies, minDependencies, roundDependencies, sqrtDependencies,
} from "mathjs/number";
import type { MathFunctions } from "../core/notation/evaluate.js";

/** The mathjs factories behind napkin's functions: these only, nothing that parses or evaluates text. */
const factories = {
  sqrt: { sqrtDependencies }, cbrt: { cbrtDependencies }, log: { logDependencies }, log2: { log2Dependencies },
  log10: { log10Dependencies }, ceil: { ceilDependencies }, floor: { floorDependencies }, round: { roundDependencies },
  min: { minDependencies }, max: { maxDependencies },
};

/**
 * napkin's functions, each a mathjs instance made on its first call: building mathjs's typed functions costs
 * milliseconds per function, and most runs call none or one. mathjs never sees an expression string: napkin
 * parses, and hands mathjs numbers.
 */
export function createMathFunctions(): MathFunctions {
  const made: MathFunctions = {};
  const functions: MathFunctions = {};
  for (const [name, dependencies] of Object.entries(factories)) {
    functions[name] = (...args) => {
      made[name] ??= real(create(dependencies)[name as keyof typeof factories]);
      return made[name](...args);
    };
  }
  return functions;
}

/** A mathjs function as a plain-number one: a complex or other non-number result becomes NaN. */
function real(fn: (...args: never[]) => unknown) {
  return (...args: number[]) => {
    const value = fn(...(args as never[]));
    return typeof value === "number" ? value : Number.NaN;
  };
}
