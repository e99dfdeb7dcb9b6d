import { type DiagnoseContext, diagnoseAnswer, withinTolerance } from "../diagnose.js";
import { NapkinError } from "../errors.js";
import { type EvaluateOptions, type MathFunctions, evaluateNode } from "../notation/evaluate.js";
import { type Node, type Parsed, parseNotation } from "../notation/parser.js";
import { groupThousands } from "../notation/format.js";
import { tokenize } from "../notation/lexer.js";
import { lettersEnd } from "../notation/letters.js";
import { dottedThousands } from "../notation/read.js";
import { lookupWord } from "../notation/words.js";
import { type Quantity, midpoint, sameDim } from "../notation/quantity.js";
import type { ClaimText } from "./claims.js";

export interface VerifyOptions {
  tolerance: number;
  monthSeconds?: number;
  functions?: MathFunctions;
}

/** A claim read and checked: the expression's value against the stated one, in the stated unit. */
export interface VerifiedClaim {
  expression: string;
  separator: string;
  statedText: string;
  verdict: "ok" | "wrong";
  /** The stated number, in the unit written after it. */
  stated: number;
  /** The right value in that same unit (the range's middle when the expression has a range). */
  expected: number;
  expectedRange?: { low: number; high: number };
  /** The unit written on the stated side (`pings/sec`, `TB/day`), or empty. */
  unit: string;
  factor: number;
  diagnosis?: string;
  cause?: string;
  /** How ambiguous words, hand conversions and conventions were read. */
  reading: string[];
  /** The expression's literals, for propagation: value as written, and the node. */
  literals: { node: Node; value: number }[];
  /** Re-evaluates the expression with some literals replaced (for propagated corrections). */
  reevaluate(replace: ReadonlyMap<Node, Quantity>): Quantity | undefined;
  /** The expression's value in base units, and the stated value. */
  value: Quantity;
  statedValue: Quantity;
}

/** Literals that a writer multiplies or divides by to convert units by hand, and what they convert. */
const conversionLiterals: { value: number; kind: "time" | "scale" | "bits"; name: string; interview?: "day" | "month" }[] = [
  { value: 86_400, kind: "time", name: "s/day" },
  { value: 3_600, kind: "time", name: "s/h" },
  { value: 60, kind: "time", name: "s/min or min/h" },
  { value: 24, kind: "time", name: "h/day" },
  { value: 7, kind: "time", name: "days/week" },
  { value: 30, kind: "time", name: "days/month" },
  { value: 365, kind: "time", name: "days/year" },
  { value: 2.5e6, kind: "time", name: "s/month (interview 2.5M)", interview: "month" },
  { value: 1e5, kind: "time", name: "s/day (interview 10⁵)", interview: "day" },
  { value: 1_000, kind: "scale", name: "a prefix step (×1000)" },
  { value: 1_024, kind: "scale", name: "a binary prefix step (×1024)" },
  { value: 8, kind: "bits", name: "bits/byte" },
];

const bitWords = /\b(b|bits?|[KMGT]b|[kmgt]bits?|[KMGT]?bps|kbps)\b/;

/**
 * Reads one claim; undefined when either side is not napkin notation (prose, code, unknown symbols).
 * `86.400` is tried as 86,400 too (Portuguese notes write thousands with a dot): that reading is taken
 * when it makes the claim right and the decimal reading does not.
 */
export function verifyClaim(claim: ClaimText, options: VerifyOptions): VerifiedClaim | undefined {
  const verified = verifyReading(claim, options);
  const dotted = verified?.verdict === "ok" ? null : `${claim.left} ${claim.right}`.match(dottedThousands);
  if (!dotted) return verified;
  const thousands = (text: string) => text.replace(dottedThousands, "$1$2");
  const alternative = verifyReading({ ...claim, left: thousands(claim.left), right: thousands(claim.right) }, options);
  // Right only as thousands, or (wrong both ways) nearer the stated value as thousands.
  const nearer = (v?: VerifiedClaim) => (v ? Math.abs(Math.log(Math.abs(v.factor) || 1e-300)) : Infinity);
  if (!alternative || (alternative.verdict !== "ok" && (!verified || nearer(alternative) >= nearer(verified)))) return verified;
  return { ...alternative, reading: [...alternative.reading, ...dotted.map((d) => `'${d}' read as ${d.replace(".", ",")} (a Portuguese thousands separator)`)] };
}

function verifyReading(claim: ClaimText, options: VerifyOptions): VerifiedClaim | undefined {
  const left = claim.table ? parseWhole(claim.left, options) : parseLongestSuffix(claim.left, options);
  const right = parseStated(claim.right, options);
  if (!left || !right) return undefined;
  const arithmetic = hasArithmetic(left.parsed.node);
  if (!arithmetic && (claim.separator === "→" || claim.separator === "->")) return undefined;
  if (!isStatedValue(right.parsed.node)) return undefined;

  const readings = flipChoices(left.parsed).flatMap((leftFlip) => flipChoices(right.parsed).map((rightFlip) => ({ leftFlip, rightFlip })));
  let best: VerifiedClaim | undefined;
  for (const { leftFlip, rightFlip } of readings) {
    const verified = tryReading(claim, left.text, leftFlip.size ? parseNotation(left.text, { monthSeconds: options.monthSeconds, flip: leftFlip, labels: true }) : left.parsed, right.text, rightFlip.size ? parseNotation(right.text, { monthSeconds: options.monthSeconds, flip: rightFlip, stopAtProse: true }) : right.parsed, options, arithmetic);
    if (!verified) continue;
    if (verified.verdict === "ok") return verified;
    best ??= verified;
  }
  return best;
}

function tryReading(claim: ClaimText, leftText: string, leftParsed: Parsed, rightText: string, rightParsed: Parsed, options: VerifyOptions, arithmetic: boolean): VerifiedClaim | undefined {
  let value = evaluateReading(leftParsed.node, { functions: options.functions, sumsShareUnits: true });
  let stated = evaluateReading(rightParsed.node, { functions: options.functions });
  if (!value || !stated) return undefined;
  // An operator-free claim about counts (`1 post = 500 writes`) is prose, not a conversion.
  if (!arithmetic && value.dim.t === 0 && value.dim.d === 0 && stated.dim.t === 0 && stated.dim.d === 0) return undefined;
  const adopted = adoptUnits(value, stated);
  if (!adopted) return undefined;
  [value, stated] = adopted;

  const unit = statedUnit(rightParsed, rightText, stated);
  const reading = [...describeFlips(leftParsed), ...describeFlips(rightParsed)];
  if (leftParsed.usesMonth || rightParsed.usesMonth) reading.push("month = 30 days");
  const literals = collectLiterals(leftParsed.node);
  const reevaluate = (replace: ReadonlyMap<Node, Quantity>) => {
    const q = evaluateReading(leftParsed.node, { functions: options.functions, replace, sumsShareUnits: true });
    return q && adoptUnits(q, stated)?.[0];
  };
  const context = diagnoseContext(claim, literals);
  const asWritten = { value, conversions: [] as string[], evident: false };
  // Right as written: done. Else right under a hand-conversion reading: take it. Wrong under all: diagnose
  // against the hand conversion the units make evident (`/day × 30 = /month`), else against the reading
  // closest to what was stated.
  const candidates = agrees(value, stated, options.tolerance) ? [asWritten] : [asWritten, ...handConversions(leftParsed.node, literals, value, stated, claim, options)];
  const chosen =
    candidates.find((c) => agrees(c.value, stated, options.tolerance)) ??
    closestTo(stated, candidates.filter((c) => c.evident)) ??
    closestTo(stated, candidates)!;
  const involves = {
    // Day and month causes need days or months in the line, or a literal that converts to them.
    time: /\b(day|days|dia|dias|month|months|m[eê]s|meses|year|years|ano|anos)\b/.test(claim.context.toLowerCase()) || literals.some((l) => conversionLiterals.some((c) => c.kind === "time" && c.value === l.value)),
    bytes: value.dim.d !== 0,
  };
  const result = compare(chosen.value, stated, unit.factor, { ...context, tolerance: options.tolerance, involves });
  return {
    expression: leftText,
    separator: claim.separator === "|" ? "=" : claim.separator,
    statedText: rightText,
    ...result,
    unit: unit.text,
    reading: [...reading, ...chosen.conversions, ...(result.verdict === "ok" && result.diagnosis ? [result.diagnosis] : [])],
    literals,
    reevaluate,
    value: chosen.value,
    statedValue: stated,
  };
}

/** Compares in the stated unit; a stated range must match the expression's range end for end. */
function compare(value: Quantity, stated: Quantity, unitFactor: number, context: DiagnoseContext) {
  const inUnit = (n: number) => n / unitFactor;
  const expectedRange = value.low !== value.high ? { low: inUnit(value.low), high: inUnit(value.high) } : undefined;
  const statedNumber = inUnit(midpoint(stated));
  const ends = stated.low !== stated.high
    ? [diagnoseAnswer(inUnit(stated.low), { low: inUnit(value.low), high: inUnit(value.low) }, context), diagnoseAnswer(inUnit(stated.high), { low: inUnit(value.high), high: inUnit(value.high) }, context)]
    : [diagnoseAnswer(statedNumber, { low: inUnit(value.low), high: inUnit(value.high) }, context)];
  const diagnosis = ends.find((d) => d.verdict === "wrong") ?? ends[0];
  return {
    verdict: diagnosis.verdict,
    stated: statedNumber,
    expected: inUnit(midpoint(value)),
    ...(expectedRange ? { expectedRange } : {}),
    factor: diagnosis.factor,
    diagnosis: diagnosis.diagnosis,
    cause: diagnosis.cause,
  };
}

/** The candidate reading whose value is nearest the stated one (in ratio). */
function closestTo<T extends { value: Quantity }>(stated: Quantity, candidates: T[]): T | undefined {
  return candidates.reduce<T | undefined>((best, c) => (!best || Math.abs(logRatio(c.value, stated)) < Math.abs(logRatio(best.value, stated)) ? c : best), undefined);
}

function agrees(value: Quantity, stated: Quantity, tolerance: number): boolean {
  if (stated.low !== stated.high) return withinTolerance(stated.low, { low: value.low, high: value.low }, tolerance) && withinTolerance(stated.high, { low: value.high, high: value.high }, tolerance);
  return withinTolerance(stated.low, value, tolerance);
}

function logRatio(value: Quantity, stated: Quantity): number {
  const a = Math.abs(midpoint(value));
  const b = Math.abs(midpoint(stated));
  return a === 0 || b === 0 ? Infinity : Math.log(a / b);
}

/**
 * A unit written on one side only applies to the other (`8 + 8 + 16 = 32 bytes`, `12 * 300 bytes = 3.6 KB/s`):
 * each dimension the expression lacks is taken from the stated side, and the other way round.
 */
function adoptUnits(value: Quantity, stated: Quantity): [Quantity, Quantity] | undefined {
  if (sameDim(value.dim, stated.dim)) return [value, stated];
  const t = value.dim.t === 0 ? stated.dim.t : stated.dim.t === 0 ? value.dim.t : value.dim.t;
  const d = value.dim.d === 0 ? stated.dim.d : stated.dim.d === 0 ? value.dim.d : value.dim.d;
  const dim = { t, d };
  const adoptedValue = { ...value, dim };
  const adoptedStated = { ...stated, dim };
  if ((value.dim.t !== 0 && value.dim.t !== t) || (value.dim.d !== 0 && value.dim.d !== d)) return undefined;
  if ((stated.dim.t !== 0 && stated.dim.t !== t) || (stated.dim.d !== 0 && stated.dim.d !== d)) return undefined;
  return [adoptedValue, adoptedStated];
}

/**
 * A reading's value, or undefined when it has none (a division by zero, units that do not mix): that
 * reading is not a claim. napkin failing to run (mathjs's bundle missing, an `io` error) still ends the run.
 */
function evaluateReading(node: Node, options: EvaluateOptions): Quantity | undefined {
  try {
    return evaluateNode(node, options);
  } catch (error) {
    if (error instanceof NapkinError && error.code === "io") throw error;
    return undefined;
  }
}

/**
 * Readings where conversion literals (86,400, 60, 1000, 8, …) act as unit conversions rather than
 * numbers: each such literal becomes 1, if the claim involves the kind of unit it converts.
 * At most two literals at once, each explaining one conversion.
 */
function handConversions(node: Node, literals: { node: Node; value: number }[], value: Quantity, stated: Quantity, claim: ClaimText, options: VerifyOptions) {
  const text = `${claim.left} ${claim.right}`;
  const involves = {
    time: value.dim.t !== 0 || stated.dim.t !== 0,
    scale: value.dim.d !== 0 || stated.dim.d !== 0 || /\d\s*(k|K|M|B|bn|mil|mi|bi)\b/.test(text),
    bits: bitWords.test(text),
  };
  const convertible = literals
    .map((literal) => ({ ...literal, conversion: conversionLiterals.find((c) => c.value === literal.value && involves[c.kind]) }))
    .filter((l) => l.conversion);
  const results: { value: Quantity; conversions: string[]; evident: boolean }[] = [];
  const pairs: (typeof convertible)[] = [...convertible.map((c) => [c]), ...convertible.flatMap((a, i) => convertible.slice(i + 1).map((b) => [a, b]))];
  for (const set of pairs) {
    // A replacement that divides by zero or breaks units is no reading.
    const replaced = evaluateReading(node, { functions: options.functions, sumsShareUnits: true, replace: new Map(set.map((l) => [l.node, conversionValue(l.conversion!, options)])) });
    const adopted = replaced && adoptUnits(replaced, stated);
    if (adopted) results.push({ value: adopted[0], conversions: set.map((l) => `${formatLiteral(l.value)} read as ${l.conversion!.name} (a hand conversion)`), evident: evidentRelabel(set, claim) });
  }
  return results;
}

/**
 * What a conversion literal stands for: 1 (86,400 s = 1 day), except the interview conventions,
 * which stand for their own rounding of the truth (10⁵ s is 1.157 days), so a wrong line's expected
 * value is what the writer's own method gives.
 */
function conversionValue(conversion: (typeof conversionLiterals)[number], options: VerifyOptions): Quantity {
  const truth = conversion.interview === "day" ? 86_400 : conversion.interview === "month" ? options.monthSeconds ?? 30 * 86_400 : conversion.value;
  return { low: conversion.value / truth, high: conversion.value / truth, dim: { t: 0, d: 0 } };
}

const timeWords = /\b(ns|us|μs|µs|ms|s|secs?|seconds?|segundos?|min|mins|minutes?|minutos?|h|hr|hrs|hours?|horas?|d|days?|dias?|weeks?|semanas?|mo|months?|m[eê]s|meses|y|yr|yrs|years?|anos?|qps|rps|tps)\b/giu;

/**
 * The written units show the relabel a set of literals performs: bits on one side only for 8; for time,
 * the literals multiply to the ratio of the two sides' time units (`/s × 86,400 × 30 = /month`), within
 * the interview roundings (10⁵ for 86,400, 2.5M for 2,592,000).
 */
function evidentRelabel(set: { value: number; conversion?: (typeof conversionLiterals)[number] }[], claim: ClaimText): boolean {
  if (set.every((l) => l.conversion!.kind === "bits")) return bitWords.test(claim.right) !== bitWords.test(claim.left);
  if (!set.every((l) => l.conversion!.kind === "time")) return false;
  const [left, right] = [firstTimeUnit(claim.left), firstTimeUnit(claim.right)];
  if (!left || !right || left === right) return false;
  const wanted = Math.max(left, right) / Math.min(left, right);
  const product = set.reduce((p, l) => p * l.value, 1);
  return Math.abs(Math.log(product / wanted)) < 0.2;
}

/** The size in seconds of the first time unit written in a text (`/s` → 1, `TB/day` → 86,400). */
function firstTimeUnit(text: string): number | undefined {
  for (const match of text.matchAll(timeWords)) {
    const word = lookupWord(match[1]);
    if (word?.kind === "unit" && word.dim.t !== 0 && word.dim.d === 0) return word.factor;
  }
  return undefined;
}

function formatLiteral(value: number): string {
  return value >= 1e5 && value % 1e5 === 0 && value !== 86_400 ? (value === 1e5 ? "10⁵" : `${value / 1e6}M`) : groupThousands(value);
}

/** Peak and replication factors the line makes evident, for the diagnosis. */
function diagnoseContext(claim: ClaimText, literals: { value: number }[]): DiagnoseContext {
  const text = claim.context.toLowerCase();
  const small = literals.map((l) => l.value).filter((v) => v >= 2 && v <= 10);
  return {
    peak: /peak|pico|pic\b|spike/.test(text) ? small : undefined,
    replication: /repl|réplica|replica|cópias|copias|copies|\brf\b/.test(text) ? small[small.length - 1] : undefined,
  };
}

const scaleWords: Record<string, number> = {
  k: 1e3, K: 1e3, thousand: 1e3, mil: 1e3, M: 1e6, m: 1e6, million: 1e6, mi: 1e6, "milhão": 1e6, "milhões": 1e6,
  B: 1e9, bn: 1e9, billion: 1e9, bi: 1e9, "bilhão": 1e9, "bilhões": 1e9, T: 1e12, tn: 1e12, trillion: 1e12,
};
const writtenNumber = /^([\d.,_]+(?:[eE][+-]?\d+)?[⁰¹²³⁴⁵⁶⁷⁸⁹⁻]*)(?:\s*[-–]\s*[\d.,_]+)?\s*/;
const digit = /\d/;

/** The scale word a text starts with (`K`, `milhões`): all of its first run of letters, and no digit after. */
function leadingScale(text: string): string | undefined {
  const end = lettersEnd(text, 0);
  const word = text.slice(0, end);
  return Object.hasOwn(scaleWords, word) && !digit.test(text.charAt(end)) ? word : undefined;
}

/** The unit written after the stated number (`pings/sec`, `TB/day`), and its size in base units. */
function statedUnit(parsed: Parsed, text: string, stated: Quantity): { text: string; factor: number } {
  const written = text.slice(0, parsed.end).replace(/^[~≈\s]+/, "");
  const number = writtenNumber.exec(written);
  if (!number) return { text: "", factor: 1 };
  const rest = written.slice(number[0].length);
  const scale = leadingScale(rest);
  const unitText = (scale ? rest.slice(scale.length) : rest).trim();
  const value = tokenize(number[1])[0];
  const size = value?.type === "number" ? value.value * (scale ? scaleWords[scale] : 1) : 0;
  return { text: unitText, factor: unitText && size ? Math.abs(stated.low / size) || 1 : 1 };
}

/** Numeric literals of an expression (`10^5` counts as one), with the value written. */
function collectLiterals(node: Node): { node: Node; value: number }[] {
  switch (node.type) {
    case "literal":
      return node.bare || node.low !== node.high || node.dim.t !== 0 || node.dim.d !== 0 ? [] : [{ node, value: node.low }];
    case "power":
      return node.base.type === "literal" && node.exponent.type === "literal" && !node.base.bare ? [{ node, value: evaluateNode(node).low }] : [];
    case "binary":
      return [...collectLiterals(node.left), ...collectLiterals(node.right)];
    case "negate":
      return collectLiterals(node.arg);
    case "call":
      return node.args.flatMap(collectLiterals);
  }
}

/** True when an expression computes something: an operator between values, not just `10 GB/day`. */
function hasArithmetic(node: Node): boolean {
  if (node.type === "binary") return !(node.right.type === "literal" && node.right.bare) || hasArithmetic(node.left);
  return node.type === "power" || node.type === "call" || node.type === "negate";
}

/** A stated value is a number with units (`4.3 TB/day`, `66 pings/sec`), not another expression. */
function isStatedValue(node: Node): boolean {
  if (node.type === "literal") return !node.bare;
  if (node.type === "binary" && (node.op === "/" || node.op === "*")) return node.right.type === "literal" && node.right.bare && isStatedValue(node.left);
  return false;
}

function parseWhole(text: string, options: VerifyOptions): { text: string; parsed: Parsed } | undefined {
  try {
    const parsed = parseNotation(text, { monthSeconds: options.monthSeconds, labels: true });
    return /\d/.test(text) ? { text, parsed } : undefined;
  } catch {
    return undefined;
  }
}

/** The longest tail of the text that is a whole napkin expression (`write qps = 18000 * 0.5` → `18000 * 0.5`). */
function parseLongestSuffix(text: string, options: VerifyOptions): { text: string; parsed: Parsed } | undefined {
  const tail = text.length > 300 ? text.slice(-300) : text;
  const starts = [0, ...[...tail.matchAll(/[\s(:]+/g)].map((m) => m.index! + m[0].length)].filter((s, i, all) => s < tail.length && all.indexOf(s) === i);
  for (const start of starts) {
    const candidate = tail.slice(start).trim();
    // An expression starts with a number, a bracket or a function: a leading word is a label, not a value.
    if (!/^([-~≈(\d]|(sqrt|cbrt|log|log2|log10|ceil|floor|round|min|max)\s*\()/.test(candidate) || !/\d/.test(candidate)) continue;
    const parsed = parseWhole(candidate, options);
    if (parsed) return parsed;
  }
  return undefined;
}

/** The stated value at the start of the text; prose after it is allowed. */
function parseStated(text: string, options: VerifyOptions): { text: string; parsed: Parsed } | undefined {
  const head = text.length > 200 ? text.slice(0, 200) : text;
  try {
    const parsed = parseNotation(head, { monthSeconds: options.monthSeconds, stopAtProse: true });
    return { text: head.slice(0, parsed.end).trim(), parsed };
  } catch (error) {
    if (error instanceof NapkinError) return undefined;
    throw error;
  }
}

/** No flip, then each ambiguous word flipped on its own (B: billion ↔ bytes, m: million ↔ minutes). */
function flipChoices(parsed: Parsed): Set<number>[] {
  return [new Set<number>(), ...parsed.readings.slice(0, 4).map((r) => new Set([r.start]))];
}

function describeFlips(parsed: Parsed): string[] {
  const meaning = (word: string, asUnit: boolean) => (word === "B" ? (asUnit ? "bytes" : "billion") : asUnit ? "minutes" : "million");
  return parsed.readings.map((r) => `'${r.literal}' read as ${meaning(r.word, r.asUnit)}`);
}
