import { NapkinError } from "./errors.js";
import { type DisplayUnit, type MathFunctions, type ReadingNote, bitRateUnit, chooseUnit, formatQuantity, isRange, midpoint, readNotation } from "./notation/index.js";

/** The answer to `napkin calc`: values are in `unit`. */
export interface CalcResult {
  input: string;
  /** How the expression was read: ambiguous words, number formats, the calendar. */
  notes: ReadingNote[];
  /** Advice about how the expression is written, as a code the shell words (`bare-86400`). */
  advice?: "bare-86400";
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

const assignment = /(^|[^=<>!])=($|[^=>])/;
const bare86400 = /\b86,?400\b(?!\s*(s|sec|secs|seconds?|segundos?)\b)/;

/** Evaluates one napkin expression and describes the result in human form. */
export function calculate(input: string, options: CalcOptions = {}): CalcResult {
  if (!input.trim()) throw new NapkinError("syntax", "empty expression");
  if (assignment.test(input)) {
    throw new NapkinError("forbidden", "assignments and claims are not expressions; use 'napkin check -e' to check a claim", { text: input });
  }
  const { quantity, target, notes } = readNotation(input, options);
  const unit: DisplayUnit = target ?? chooseUnit(quantity.dim, Math.abs(quantity.high) >= Math.abs(quantity.low) ? quantity.high : quantity.low, quantity.terms);
  const exact = formatQuantity(quantity, unit, "exact");
  const alternatives = [formatQuantity(quantity, unit, "napkin")];
  if (!target && quantity.dim.d === 1 && quantity.dim.t === -1 && quantity.dim.c === 0) alternatives.push(formatQuantity(quantity, bitRateUnit(midpoint(quantity)), "napkin"));
  const bare = (text: string) => text.replace(/\s+/g, "");
  const shown = alternatives.filter((a) => bare(a) !== bare(exact));
  const result: CalcResult = {
    input,
    notes,
    // `10M msgs/day ÷ 86,400` divides a daily rate by a plain number: say how to write the conversion.
    ...(quantity.dim.t !== 0 && bare86400.test(input) ? { advice: "bare-86400" as const } : {}),
    value: midpoint(quantity) / unit.factor,
    unit: `${unit.prefix ?? ""}${unit.name}`,
    display: shown.length ? `${exact} (≈ ${shown.join(", ")})` : exact,
  };
  if (isRange(quantity)) {
    result.low = quantity.low / unit.factor;
    result.high = quantity.high / unit.factor;
  }
  return result;
}
