import { NapkinError } from "../errors.js";
import { type MathFunctions, evaluateNode } from "./evaluate.js";
import { type DisplayUnit, groupThousands } from "./format.js";
import { type ParseOptions, type Parsed, parseNotation } from "./parser.js";
import { type Quantity, dimName, sameDim } from "./quantity.js";
import { type Dim, ambiguousWords, defaultMonthSeconds, secondsPerDay } from "./words.js";

export interface ReadOptions extends Omit<ParseOptions, "flip"> {
  functions?: MathFunctions;
  /** The dimension the caller needs (a payload is bytes); steers ambiguous words. */
  expect?: Dim;
}

/** A value read from napkin notation, with the readings it took. */
export interface ReadResult {
  quantity: Quantity;
  /** The conversion target written after `in`/`to`/`->`, if any. */
  target?: DisplayUnit;
  /** How ambiguous words were read and which conventions applied, in words. */
  readings: string[];
  /** Where reading stopped (the input length unless prose may follow). */
  end: number;
  parsed: Parsed;
}

/** Reads napkin notation; where B or m is ambiguous, takes the reading whose units agree. */
export function readNotation(input: string, options: ReadOptions = {}): ReadResult {
  let firstError: NapkinError | undefined;
  let positions: number[] = [];
  for (const flip of flipCandidates(() => positions)) {
    const parsed = parseNotation(input, { ...options, flip });
    if (flip.size === 0) positions = parsed.readings.map((r) => r.start);
    try {
      return evaluateParsed(input, parsed, options, flip);
    } catch (error) {
      if (!(error instanceof NapkinError) || error.code !== "dimension") throw error;
      firstError ??= error;
    }
  }
  throw firstError;
}

/**
 * A number written with a dot before exactly three digits (`86.400`): a decimal in napkin notation, and a
 * thousands separator in Portuguese notes. Global: use it with match or replace, which start from the beginning.
 */
export const dottedThousands = /\b(\d{1,3})\.(\d{3})(?![\d.,])/g;

function evaluateParsed(input: string, parsed: Parsed, options: ReadOptions, flip: ReadonlySet<number>): ReadResult {
  const quantity = evaluateNode(parsed.node, options);
  let target: DisplayUnit | undefined;
  if (parsed.target) {
    const unit = evaluateNode(parsed.target.node, options);
    if (!sameDim(unit.dim, quantity.dim)) {
      throw new NapkinError("dimension", `cannot convert ${dimName(quantity.dim)} to ${parsed.target.text} (${dimName(unit.dim)})`);
    }
    target = { name: parsed.target.text, factor: unit.low };
  }
  if (options.expect && !sameDim(options.expect, quantity.dim)) {
    throw new NapkinError("dimension", `expected ${dimName(options.expect)}, got ${dimName(quantity.dim)}`, { text: input });
  }
  const readings = describeReadings(parsed, flip, options.monthSeconds);
  // `86.400` is 86.4 here; in Portuguese notes it is 86,400. Say which.
  for (const dotted of input.slice(0, parsed.end).match(dottedThousands) ?? []) {
    readings.push(`'${dotted}' read as ${Number(dotted)} (a decimal point; for ${dotted.replace(".", "")} write ${dotted.replace(".", ",")})`);
  }
  return { quantity, target, readings, end: parsed.end, parsed };
}

/** No flip first, then every single flip, then pairs, and so on (at most 8 ambiguous words). */
function* flipCandidates(positions: () => number[]): Generator<ReadonlySet<number>> {
  yield new Set();
  const all = positions().slice(0, 8);
  for (let size = 1; size <= all.length; size++) {
    for (let mask = 1; mask < 1 << all.length; mask++) {
      if (bitCount(mask) === size) yield new Set(all.filter((_, i) => mask & (1 << i)));
    }
  }
}

function bitCount(n: number): number {
  let count = 0;
  for (; n; n &= n - 1) count++;
  return count;
}

function describeReadings(parsed: Parsed, flip: ReadonlySet<number>, monthSeconds = defaultMonthSeconds): string[] {
  const notes = parsed.readings.map((r) => {
    const meaning = ambiguousWords[r.word];
    const as = r.asUnit ? meaning.unitName : r.word === "B" ? "billion" : "million";
    return `'${r.literal}' read as ${as}${flip.has(r.start) ? " (so the units agree)" : ""}`;
  });
  if (parsed.usesMonth) notes.push(`month = ${formatDays(monthSeconds)}`);
  if (parsed.usesYear) notes.push("year = 365 days");
  return notes;
}

function formatDays(seconds: number): string {
  const days = seconds / secondsPerDay;
  return Number.isInteger(days) ? `${days} days` : `${Number(days.toFixed(2))} days (${groupThousands(seconds)} s)`;
}
