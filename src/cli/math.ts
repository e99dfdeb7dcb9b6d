import type { MathFunctions } from "../core/notation/evaluate.js";

/**
 * Loads a restricted mathjs instance with only the plain-number functions napkin offers.
 * mathjs never sees an expression string: napkin parses, and hands mathjs numbers. The number-only
 * build with named factories keeps this chunk at ~100 KB (~30 ms) instead of all of mathjs (~0.8 s).
 */
export async function loadMathFunctions(): Promise<MathFunctions> {
  const { createMathFunctions } = await import("./mathFunctions.js");
  return createMathFunctions();
}
