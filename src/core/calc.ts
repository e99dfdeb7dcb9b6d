import { NapkinError } from "./errors.js";
import { type MathFunctions } from "./notation/evaluate.js";
import { bitRateUnit, chooseUnit, formatQuantity } from "./notation/format.js";
import { isRange, midpoint } from "./notation/quantity.js";
import { readNotation } from "./notation/read.js";

/** The answer to `napkin calc`: values are in `unit`. */
export interface CalcResult {
  input: string;
  reading: string[];
  value: number;
  unit: string;
  display: string;
  low?: number;
  high?: number;
}

export interface CalcOptions {
  monthSeconds?: number;
  functions?: MathFunctions;
}

/** Evaluates one napkin expression and describes the result in human form. */
export function calculate(input: string, options: CalcOptions = {}): CalcResult {
  if (!input.trim()) throw new NapkinError("syntax", "empty expression");
  if (/(^|[^=<>!])=($|[^=>])/.test(input)) {
    throw new NapkinError("forbidden", "assignments and claims are not expressions; use 'napkin check -e' to check a claim", { text: input });
  }
  const { quantity, target, readings } = readNotation(input, options);
  // `10M msgs/day ÷ 86,400` divides a daily rate by a plain number: say how to write the conversion.
  if (quantity.dim.t !== 0 && /\b86,?400\b(?!\s*(s|sec|secs|seconds?|segundos?)\b)/.test(input)) {
    readings.push("86,400 is a plain number here; to convert a daily figure write '86,400 s' or '1 day'");
  }
  const unit = target ?? chooseUnit(quantity.dim, Math.abs(quantity.high) >= Math.abs(quantity.low) ? quantity.high : quantity.low);
  const exact = formatQuantity(quantity, unit, "exact");
  const alternatives = [formatQuantity(quantity, unit, "napkin")];
  if (!target && quantity.dim.d === 1 && quantity.dim.t === -1) alternatives.push(formatQuantity(quantity, bitRateUnit(midpoint(quantity)), "napkin"));
  const bare = (text: string) => text.replace(/\s+/g, "");
  const shown = alternatives.filter((a) => bare(a) !== bare(exact));
  const result: CalcResult = {
    input,
    reading: readings,
    value: midpoint(quantity) / unit.factor,
    unit: unit.name,
    display: shown.length ? `${exact} (≈ ${shown.join(", ")})` : exact,
  };
  if (isRange(quantity)) {
    result.low = quantity.low / unit.factor;
    result.high = quantity.high / unit.factor;
  }
  return result;
}
