import { NapkinError } from "../errors.js";
import type { NumberToken } from "./lexer.js";
import type { Literal, Node, Part, WordPart } from "./parser.js";
import { type Quantity, add, checked, divide, isDimensionless, multiply, negate, power } from "./quantity.js";
import { type Dim, type Term, type Terms, dimTimes, dimensionless, dimKeys, isPlain, noTerms, sameDim, termsSize } from "./units.js";
import { type Sense, type Unit, unitById } from "./vocabulary.js";

/** Plain-number functions (sqrt, log2, ceil, …), supplied by the shell: JavaScript's Math, and mathjs for rounding. */
export type MathFunctions = Record<string, (...args: number[]) => number>;

/**
 * One way of reading an expression: which sense each ambiguous word takes, which numbers take their other
 * format, and which literals stand for something else. Everything absent takes its usual reading.
 */
export interface Reading {
  /** The sense taken by each ambiguous word, by the word's offset (absent: its first, usual sense). */
  readonly senses?: ReadonlyMap<number, number>;
  /** Numbers read in their other format (`86.400` as 86,400), by offset. */
  readonly formats?: ReadonlySet<number>;
  /** Nodes that stand for another value: a hand conversion (86,400 read as a day's worth of seconds, 1). */
  readonly replace?: ReadonlyMap<Node, Quantity>;
  /** Units are only annotations: numbers and scales count, units do not. */
  readonly annotate?: boolean;
  /** Decimal data units read as binary (KB for KiB). */
  readonly binary?: boolean;
  /** Seconds in a month (30 days unless the user says otherwise). */
  readonly monthSeconds?: number;
  readonly functions?: MathFunctions;
  /** A hyphen between numbers in decreasing order is a minus (`(24-8)`), not an inverted range: how notes read. */
  readonly subtractInverted?: boolean;
  /** Counts the terms of sums read in their neighbour's unit (`1000 + 16 + 8 bytes`): a reading that needs it costs more. */
  readonly tally?: { sumAdoptions: number };
}

/** Evaluates a parsed expression to a quantity in base units, with the unit terms written. */
export function evaluateNode(node: Node, reading: Reading = {}): Quantity {
  const replaced = reading.replace?.get(node);
  if (replaced) return replaced;
  switch (node.type) {
    case "literal":
      return evaluateLiteral(node, reading);
    case "negate":
      return negate(evaluateNode(node.arg, reading));
    case "power":
      return power(evaluateNode(node.base, reading), evaluateNode(node.exponent, reading));
    case "binary": {
      let left = evaluateNode(node.left, reading);
      let right = evaluateNode(node.right, reading);
      if (node.op === "+" || node.op === "-") {
        // One rule for a missing dimension: a bare term of a sum is read in the unit its neighbour is written in
        // (`1000 + 16 + 8 bytes`). A ratio of units (`1 min / 1 s`) is no bare term: it adds to nothing with a unit.
        if (!sameDim(left.dim, right.dim) && (isBare(left) || isBare(right))) {
          if (reading.tally) reading.tally.sumAdoptions++;
          [left, right] = adoptEachOther(left, right) ?? [left, right];
        }
        return add(left, right, node.op === "+" ? 1 : -1);
      }
      return node.op === "*" ? multiply(left, right) : divide(left, right);
    }
    case "call":
      return callFunction(node.name, reading.functions, node.args.map((arg) => evaluateNode(arg, reading)));
  }
}

/**
 * The one rule for a missing dimension, shared by every command: where one side carries a dimension the
 * other lacks, the bare side is read in the unit written on the other (`40M * 2 KB = 80 GB/day`: the 40M are
 * per day). Returns both sides with their dimensions agreeing, or undefined when they conflict. `adopted`
 * lists the dimensions taken over.
 */
export function adoptEachOther(a: Quantity, b: Quantity, adopted?: { side: "left" | "right"; key: keyof Dim; size: number }[], inBaseUnits = false): [Quantity, Quantity] | undefined {
  if (sameDim(a.dim, b.dim)) return [a, b];
  let [x, y] = [a, b];
  for (const key of dimKeys) {
    const delta = y.dim[key] - x.dim[key];
    if (delta === 0) continue;
    // Only a unit or a `per` unit is taken over: `/s/s` is never what a bare side meant. Money is not taken
    // over by a count of things (`1 primary + 1 replica` is no price).
    if (Math.abs(delta) !== 1) return undefined;
    if (key === "c" && hasNoun(x.dim[key] === 0 ? x : y)) return undefined;
    // The side that takes the unit over has no unit of that kind and sign: the bare `40M` of
    // `40M * 2 KB = 80 GB/day` takes `/day`, and so does the `25,000 s` of `1M × 0.025 s = 25,000 seconds/day`.
    const sign = Math.sign(delta);
    // A price takes a period over (`$92` a month), never a size or a duration: `$16,100` is no dollar-terabyte.
    const priceRefuses = (q: Quantity, s: number) => key !== "c" && s > 0 && q.dim.c !== 0;
    const leftTakes = lacks(x, key, sign) && writes(y, key, sign) && !priceRefuses(x, sign);
    const rightTakes = lacks(y, key, -sign) && writes(x, key, -sign) && !priceRefuses(y, -sign);
    if (leftTakes && (!rightTakes || x.dim[key] === 0)) {
      x = adoptDimension(x, y, key, sign, inBaseUnits);
      adopted?.push({ side: "left", key, size: termsSize(y.terms, key) });
    } else if (rightTakes) {
      y = adoptDimension(y, x, key, -sign, inBaseUnits);
      adopted?.push({ side: "right", key, size: termsSize(x.terms, key) });
    } else return undefined;
  }
  return [x, y];
}

/** A quantity written without any unit: a plain number, a count of things (`5 users`), a percentage. */
const isBare = (q: Quantity): boolean => isPlain(q.dim) && !q.terms.some((t) => t.key !== undefined);
const hasNoun = (q: Quantity): boolean => q.terms.some((t) => t.key === undefined);
/** Whether a quantity has no written unit of this dimension and sign (`/day` is time with sign -1). */
const lacks = (q: Quantity, key: keyof Dim, sign: number): boolean => !q.terms.some((t) => t.key === key && Math.sign(t.power) === sign);
/** Whether a quantity writes a unit of this dimension and sign, or measures it at all. */
const writes = (q: Quantity, key: keyof Dim, sign: number): boolean => q.terms.some((t) => t.key === key && Math.sign(t.power) === sign) || Math.sign(q.dim[key]) === sign;

/** `bare` read in the units `written` carries of this dimension and sign (in base units when asked). */
function adoptDimension(bare: Quantity, written: Quantity, key: keyof Dim, sign: number, inBaseUnits: boolean): Quantity {
  const taken = written.terms.filter((t) => t.key === key && Math.sign(t.power) === sign);
  const size = inBaseUnits ? 1 : taken.reduce((s, t) => s * t.size ** t.power, 1);
  const dim = { ...bare.dim, [key]: bare.dim[key] + sign };
  return checked(bare.low * size, bare.high * size, dim, [...bare.terms, ...taken]);
}

const hyphenBetween = /\d[A-Za-z]*-\d/;

/** A literal's value: its number (or range), scales, `%`, and the sizes of its units, in the senses read. */
export function evaluateLiteral(literal: Literal, reading: Reading = {}): Quantity {
  const high = partsValue(literal.parts, reading, literal.prefix);
  const value = literal.number ? numberValue(literal.number, reading) : 1;
  const sign = literal.negative ? -1 : 1;
  if (!literal.low) {
    const v = sign * value * high.factor;
    return checked(v, v, high.dim, high.terms);
  }
  const lowNumber = numberValue(literal.low.number, reading) * (literal.low.negative ? -1 : 1);
  const highNumber = sign * value;
  let low: number;
  if (literal.low.parts.length === 0) {
    // `5-10K`, `2-3s`, `-5-10%`: a suffix written once, on the high end, applies to both ends when the numbers
    // are in order of size; `500-1M` is 500 to a million (only the high end's units, not its scale, reach the low end).
    low = Math.abs(lowNumber) <= Math.abs(highNumber) ? lowNumber * high.factor : lowNumber * high.unitsOnly;
  } else {
    const lowParts = partsValue(literal.low.parts, reading);
    if (!isDimensionlessDim(lowParts.dim) && !sameDim(lowParts.dim, high.dim)) {
      throw new NapkinError("dimension", "the ends of a range have different units", { text: literal.text, place: { column: literal.start + 1 } });
    }
    low = lowNumber * lowParts.factor * (isDimensionlessDim(lowParts.dim) ? high.unitsOnly : 1);
  }
  const highValue = highNumber * high.factor;
  if (low > highValue && reading.subtractInverted && hyphenBetween.test(literal.text)) return checked(low - highValue, low - highValue, high.dim, high.terms);
  if (low >= highValue) {
    const hint = /\d-\d/.test(literal.text) ? "write 'a - b' with spaces to subtract" : undefined;
    const message = low > highValue ? "inverted range (low end above high end)" : "a range needs a low end below its high end";
    throw new NapkinError("range", message, { text: literal.text, hint, place: { column: literal.start + 1 } });
  }
  return checked(low, highValue, high.dim, high.terms);
}

const isDimensionlessDim = (dim: Dim): boolean => dim.t === 0 && dim.d === 0 && dim.c === 0;

/** The value written, in the format read (`86.400` is 86.4, or 86,400 in the Portuguese reading). */
export function numberValue(token: NumberToken, reading: Reading): number {
  if (token.alt && reading.formats?.has(token.start)) return token.alt.value;
  if (!Number.isFinite(token.value)) throw new NapkinError("syntax", "number is too large", { text: token.text, place: { column: token.start + 1 } });
  return token.value;
}

/** The sense a word takes in a reading. */
export function senseOf(part: WordPart, reading: Reading): Sense {
  const index = reading.senses?.get(part.token.start) ?? 0;
  return part.entry.senses[index] ?? part.entry.senses[0];
}

interface PartsValue {
  /** Scales × percent × unit sizes. */
  factor: number;
  /** Unit sizes alone (what a range's high end lends a bare low end that is not in order). */
  unitsOnly: number;
  dim: Dim;
  terms: Terms;
}

function partsValue(parts: readonly Part[], reading: Reading, prefix?: WordPart): PartsValue {
  let factor = 1;
  let unitsOnly = 1;
  let dim: Dim = dimensionless;
  const terms: Term[] = [];
  const addUnit = (unit: Unit, power: number) => {
    if (reading.annotate) return;
    const size = unitSize(unit, reading);
    factor *= size ** power;
    unitsOnly *= size ** power;
    dim = dimTimes(dim, { t: unit.key === "t" ? power : 0, d: unit.key === "d" ? power : 0, c: unit.key === "c" ? power : 0 });
    const i = terms.findIndex((t) => t.id === unit.id);
    if (i >= 0) terms[i] = { ...terms[i], power: terms[i].power + power };
    else terms.push({ id: unit.id, power, size, key: unit.key });
  };
  const all = prefix ? [prefix, ...parts] : parts;
  for (let i = 0; i < all.length; i++) {
    const part = all[i];
    if (part.kind === "percent") factor /= 100;
    if (part.kind !== "word") continue;
    const sense = senseOf(part, reading);
    if (sense.kind === "scale") factor *= sense.factor ** part.power;
    else if (sense.kind === "unit") {
      if (sense.unit) addUnit(sense.unit, part.power);
      if (sense.per) addUnit(sense.per, -part.power);
      if (sense.noun) terms.push({ id: `noun:${sense.noun}`, power: part.power, size: 1 });
    }
  }
  return { factor, unitsOnly, dim, terms: terms.length ? terms.filter((t) => t.power !== 0) : noTerms };
}

/** A unit's size in a reading: a month as long as the reading says, a decimal size as binary in that reading. */
function unitSize(unit: Unit, reading: Reading): number {
  if (unit.id === "month" && reading.monthSeconds) return reading.monthSeconds;
  if (reading.binary && unit.binary) return unitById(unit.binary).size;
  return unit.size;
}

/** Most range ends a function is evaluated at: every combination of its range arguments' ends. */
const maxRangeArguments = 4;

function callFunction(name: string, functions: MathFunctions | undefined, args: Quantity[]): Quantity {
  const fn = functions && Object.hasOwn(functions, name) ? functions[name] : undefined;
  if (!fn) throw new NapkinError("math", `function '${name}' is not available here`);
  if (args.some((a) => !isDimensionless(a))) {
    throw new NapkinError("dimension", `${name}() takes plain numbers; convert first (e.g. '… in s')`);
  }
  if (name === "log" && args[1] && args[1].low <= 1 && args[1].high >= 1 && args[1].low !== args[1].high) {
    throw new NapkinError("math", "log() has no value for a base range that includes 1");
  }
  // Each function is monotone in each argument over a range that avoids its singularities, so its extremes
  // lie at the corners: evaluate every combination of range ends.
  const ranged = args.filter((a) => a.low !== a.high).length;
  if (ranged > maxRangeArguments) throw new NapkinError("math", `${name}() takes at most ${maxRangeArguments} ranges`);
  const values: number[] = [];
  for (let mask = 0; mask < 1 << args.length; mask++) {
    if (args.some((a, i) => a.low === a.high && mask & (1 << i))) continue;
    values.push(fn(...args.map((a, i) => (mask & (1 << i) ? a.high : a.low))));
  }
  if (values.some((v) => !Number.isFinite(v))) throw new NapkinError("math", `${name}() has no finite value here`);
  return checked(Math.min(...values), Math.max(...values), dimensionless, noTerms);
}
