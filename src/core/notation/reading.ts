import costs from "../../data/readings.json" with { type: "json" };
import { NapkinError } from "../errors.js";
import { type MathFunctions, type Reading, adoptEachOther, evaluateNode, senseOf } from "./evaluate.js";
import { type NumberToken, tokenize } from "./lexer.js";
import { type Literal, type Node, type ParseOptions, type Parsed, type WordPart, literalsOf, parseNotation } from "./parser.js";
import { type Quantity, dimName } from "./quantity.js";
import { formatExact } from "./format.js";
import { type Dim, type DimKey, dimKeys, sameDim } from "./units.js";
import { type Language, type Sense, isQuantityWord, lookupWord } from "./vocabulary.js";

/**
 * Readings as explicit hypotheses with costs. The parser leaves every place a line can be read two ways in
 * the tree (a word's sense, a number's format); a reading is one choice at each place, with a total cost
 * (src/data/readings.json, and each sense's cost in src/data/vocabulary.json). Readers take the cheapest
 * reading that makes sense, and say which they took.
 */
export const readingCosts = costs;

/** One choice a reading made, as data: what was read, how, and where. The shell words it. */
export interface ReadingNote {
  readonly kind: "sense" | "format" | "month" | "year" | "binary" | "conversion" | "adopted" | "inherited" | "price-unit" | "rounded-up" | "subtraction" | "label-dash" | "annotation";
  /** The text the choice is about, as written (`30m`, `86.400`, `86,400`). */
  readonly text: string;
  /** What it was read as: a sense's name (`minutes`, `billion`), a format, a conversion (`s/day`). */
  readonly chosen: string;
  /** Offset in the text read, when it has one. */
  readonly at?: number;
  /** Whether this reading was a choice among others (an ambiguous word) rather than the only one. */
  readonly ambiguous?: boolean;
}

/** A place in an expression that can be read more than one way, and its options (the first is usual). */
export type Choice =
  | { readonly kind: "sense"; readonly parts: readonly WordPart[]; readonly options: readonly Sense[] }
  | { readonly kind: "format"; readonly token: NumberToken };

/**
 * The choices expressions allow: each ambiguous word's senses (one choice for every place the same spelling
 * is written: a line does not use `B` for billion and bytes at once), each ambiguous number's formats.
 */
export function choicesOf(...nodes: Node[]): Choice[] {
  const choices: Choice[] = [];
  const seen = new Set<number>();
  const bySpelling = new Map<string, WordPart[]>();
  for (const literal of nodes.flatMap((node) => literalsOf(node))) {
    const parts = literal.prefix ? [literal.prefix, ...literal.parts] : literal.parts;
    for (const part of parts) {
      if (part.kind !== "word" || part.entry.senses.length < 2 || seen.has(part.token.start)) continue;
      seen.add(part.token.start);
      const same = bySpelling.get(part.token.text);
      if (same) same.push(part);
      else {
        const group = [part];
        bySpelling.set(part.token.text, group);
        choices.push({ kind: "sense", parts: group, options: part.entry.senses });
      }
    }
    for (const number of [literal.low?.number, literal.number]) {
      if (number?.alt && !seen.has(number.start)) {
        seen.add(number.start);
        choices.push({ kind: "format", token: number });
      }
    }
  }
  return choices;
}

/** Whether a reading of these nodes may depend on the line's language: a dotted number, or a word with a sense of one language. */
export function dependsOnLanguage(...nodes: Node[]): boolean {
  for (const node of nodes) {
    for (const literal of literalsOf(node)) {
      if (literal.number?.alt || literal.low?.number.alt) return true;
      for (const part of literal.parts) if (part.kind === "word" && part.entry.senses.length > 1 && part.entry.senses.some((s) => s.lang !== undefined)) return true;
    }
  }
  return false;
}

/** What option `pick` of a choice costs. */
export function optionCost(choice: Choice, pick: number, language?: Language, numbersSay?: Language): number {
  if (choice.kind === "format") {
    // A line whose other numbers are written the Portuguese way (`85.925.925,93`) writes this one so too.
    if (numbersSay === "pt") return pick === 1 ? 0 : costs.costs["dotted-thousands"] + costs.costs["other-language"];
    if (choice.token.alt?.format === "decimal-comma") {
      // `1,008`: English thousands, unless the line's words are Portuguese, where a decimal comma is likely
      // too (tech notes in Portuguese write `55,000` for fifty-five thousand as often as not).
      if (pick === 0) return 0;
      return language === "pt" ? costs.costs["comma-decimal"] : costs.costs["dotted-thousands"] + (language === "en" ? costs.costs["other-language"] : 0);
    }
    return (pick === 1) === (language === "pt") ? 0 : costs.costs["dotted-thousands"];
  }
  const sense = choice.options[pick];
  const usual = pick === 0 ? 0 : sense.cost;
  // A sense that belongs to one language's notes (`mil`: a thousand in Portuguese, a million in English notes).
  if (!language || !sense.lang) return usual;
  return sense.lang === language ? 0 : usual + costs.costs["other-language"];
}

/** A reading's picks: option index per choice, in the order of the choices. */
export type Picks = readonly number[];

/**
 * Every combination of picks whose cost is at most `ceiling`, cheapest first (at most `limit`). The usual
 * reading (all zeros) always comes first.
 */
export function enumeratePicks(optionCounts: readonly number[], cost: (choice: number, pick: number) => number, ceiling: number, limit = 256): { picks: Picks; cost: number }[] {
  const found: { picks: Picks; cost: number }[] = [];
  const picks = optionCounts.map(() => 0);
  const walk = (i: number, total: number) => {
    if (found.length >= limit * 4) return;
    if (i === optionCounts.length) {
      found.push({ picks: [...picks], cost: total });
      return;
    }
    for (let option = 0; option < optionCounts[i]; option++) {
      const next = total + cost(i, option);
      if (next > ceiling + 1e-9) continue;
      picks[i] = option;
      walk(i + 1, next);
    }
    picks[i] = 0;
  };
  walk(0, 0);
  return found.sort((a, b) => a.cost - b.cost).slice(0, limit);
}

/** The evaluation settings a set of picks makes, on top of a base reading. */
export function readingFor(choices: readonly Choice[], picks: Picks, base: Reading): Reading {
  let senses: Map<number, number> | undefined;
  let formats: Set<number> | undefined;
  choices.forEach((choice, i) => {
    if (picks[i] === 0) return;
    if (choice.kind === "sense") for (const part of choice.parts) (senses ??= new Map()).set(part.token.start, picks[i]);
    else (formats ??= new Set()).add(choice.token.start);
  });
  return senses || formats ? { ...base, senses, formats } : base;
}

/** The dimension a sense measures, if it is a unit sense (`m` as minutes measures time). */
function senseKeys(sense: Sense): DimKey[] {
  if (sense.kind !== "unit") return [];
  return [sense.unit?.key, sense.per?.key].filter((k): k is DimKey => k !== undefined);
}

/**
 * The extra cost of a reading that gives a word an unusual sense nothing else supports: `m` read as minutes
 * where no other word, no conversion target and no expected unit measures time (`30m users * 60 = 1800`).
 * `measured` holds the dimensions measured elsewhere (the other side of a claim, a target).
 */
export function uncorroboratedCost(choices: readonly Choice[], picks: Picks, parts: readonly WordPart[], reading: Reading, measured: ReadonlySet<DimKey>): number {
  let cost = 0;
  choices.forEach((choice, i) => {
    if (choice.kind !== "sense" || picks[i] === 0) return;
    for (const key of senseKeys(choice.options[picks[i]])) {
      if (measured.has(key)) continue;
      const elsewhere = parts.some((p) => !choice.parts.includes(p) && senseKeys(senseOf(p, reading)).includes(key));
      if (!elsewhere) cost += costs.costs.uncorroborated;
    }
  });
  return cost;
}

/** Every word part of an expression, with the literal each is in. */
export function wordParts(node: Node): WordPart[] {
  const out: WordPart[] = [];
  for (const literal of literalsOf(node)) {
    if (literal.prefix) out.push(literal.prefix);
    for (const part of [...(literal.low?.parts ?? []), ...literal.parts]) if (part.kind === "word") out.push(part);
  }
  return out;
}

/** The dimensions a dimension measures (`bytes/s` measures data and time). */
export function keysOf(dim: Dim): DimKey[] {
  return dimKeys.filter((k) => dim[k] !== 0);
}

/** A sense as said: `billion`, `minutes`, `kilobits`, `per second`. */
export function senseName(sense: Sense): string {
  if (sense.kind === "scale") return scaleNames[sense.factor] ?? `×${sense.factor}`;
  if (sense.kind === "marker") return sense.marker;
  const unit = sense.unit?.name ?? sense.noun ?? "";
  return sense.per ? `${unit}${unit ? " " : ""}per ${sense.per.name.replace(/s$/, "")}` : unit;
}

const scaleNames: Record<number, string> = { 1e3: "thousand", 1e6: "million", 1e9: "billion", 1e12: "trillion" };

/** What a reading of an expression chose, as notes: ambiguous words' senses, number formats, month and year. */
export function notesFor(node: Node, reading: Reading, input: string): ReadingNote[] {
  const notes: ReadingNote[] = [];
  let month = false;
  let year = false;
  for (const literal of literalsOf(node)) {
    if (literal.low && reading.subtractInverted && isSubtraction(literal, reading)) notes.push({ kind: "subtraction", text: literal.text, chosen: "minus", at: literal.start });
    for (const number of [literal.low?.number, literal.number]) {
      if (!number) continue;
      if (number.alt && reading.formats?.has(number.start)) notes.push({ kind: "format", text: number.text, chosen: number.alt.format, at: number.start, ambiguous: true });
      // `86.400` read as 86.4 is worth saying; `5,000` read as five thousand goes without saying.
      else if (number.alt && number.alt.format !== "decimal-comma") notes.push({ kind: "format", text: number.text, chosen: "decimal-point", at: number.start, ambiguous: true });
      else if (number.format) notes.push({ kind: "format", text: number.text, chosen: number.format, at: number.start });
    }
    const parts = literal.prefix ? [literal.prefix, ...literal.parts] : literal.parts;
    for (const part of parts) {
      if (part.kind !== "word") continue;
      const sense = senseOf(part, reading);
      if (part.entry.senses.length > 1) notes.push({ kind: "sense", text: wordWithNumber(literal, part, input), chosen: senseName(sense), at: part.token.start, ambiguous: true });
      if (sense.kind === "unit" && (sense.unit?.id === "month" || sense.per?.id === "month")) month = true;
      if (sense.kind === "unit" && (sense.unit?.id === "year" || sense.per?.id === "year")) year = true;
    }
  }
  if (month) notes.push({ kind: "month", text: "month", chosen: `${formatExact((reading.monthSeconds ?? 2_592_000) / 86_400)} days` });
  if (year) notes.push({ kind: "year", text: "year", chosen: "365 days" });
  return notes;
}

/** Whether a hyphenated range literal is read as a subtraction: its ends in decreasing order. */
function isSubtraction(literal: Literal, reading: Reading): boolean {
  try {
    evaluateNode(literal, { ...reading, subtractInverted: false });
    return false;
  } catch (error) {
    if (error instanceof NapkinError && error.code === "range") return true;
    throw error;
  }
}

/** `30m` for the `m` of `30m`: a word glued to its number is shown with it. */
function wordWithNumber(literal: Literal, part: WordPart, input: string): string {
  const number = literal.number;
  if (number && number.end === part.token.start && literal.parts[0] === part) return input.slice(literal.low?.number.start ?? number.start, part.token.end);
  return part.token.text;
}

/** A number written with its scale or units (`7 Billion`, `15GB`, `400 GB/day`), as a reader may reuse it bare later. */
export interface WrittenQuantity {
  /** The number as written, without its words (`7` for `7 Billion`). */
  readonly number: number;
  readonly literal: Literal;
}

/**
 * The quantities a text writes: numbers followed by a scale or unit word. A later bare `7` may be the `7 Billion`
 * written just before it. Never throws: text napkin cannot read has none.
 */
/**
 * The dimensions a text writes with unambiguous units (`.7 TB` measures data; `75B` tells nothing): what the
 * rest of a line corroborates when one claim of it reads a word in another sense.
 */
export function dimsWritten(text: string): Set<DimKey> {
  const out = new Set<DimKey>();
  let tokens;
  try {
    tokens = tokenize(text);
  } catch {
    return out;
  }
  for (const token of tokens) {
    if (token.type !== "word") continue;
    const senses = lookupWord(token.text)?.senses;
    if (!senses || senses.length !== 1) continue;
    for (const key of senseKeys(senses[0])) out.add(key);
  }
  return out;
}

export function quantitiesIn(text: string): WrittenQuantity[] {
  const out: WrittenQuantity[] = [];
  let tokens;
  try {
    tokens = tokenize(text);
  } catch {
    return out;
  }
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    const next = tokens[i + 1];
    if (token.type !== "number" || next?.type !== "word" || !isQuantityWord(next.text)) continue;
    let end = i + 1;
    while (tokens[end + 1] && (tokens[end + 1].type === "word" || (tokens[end + 1].type === "op" && tokens[end + 1].text === "/")) && end - i < 6) end++;
    try {
      const parsed = parseNotation(text.slice(token.start, tokens[end].end), { stopAtProse: true });
      if (parsed.node.type === "literal" && parsed.node.number && !parsed.node.low) out.push({ number: token.value, literal: parsed.node });
    } catch {
      // Not a quantity after all.
    }
  }
  return out;
}

export interface ReadOptions extends ParseOptions {
  functions?: MathFunctions;
  /** Seconds in a month (default 30 days). */
  monthSeconds?: number;
  /** The dimension the caller needs (a payload is bytes): readings that give another are refused. */
  expect?: Dim;
}

/** A value read from napkin notation, with the reading it took. */
export interface ReadResult {
  quantity: Quantity;
  /** The conversion target written after `in`/`to`/`->`, if any: its name and size in base units. */
  target?: { name: string; factor: number; dim: Dim };
  /** What the reading chose, as data. */
  notes: ReadingNote[];
  /** The reading's cost: 0 for the usual one. */
  cost: number;
  /** Where reading stopped (the input length unless prose may follow). */
  end: number;
  parsed: Parsed;
}

/**
 * Reads napkin notation: of the readings whose units make sense (with the conversion target and the expected
 * dimension, when given), the cheapest. Throws the usual reading's error when none does.
 */
export function readNotation(input: string, options: ReadOptions = {}): ReadResult {
  const parsed = parseNotation(input, options);
  const all = parsed.target ? choicesOf(parsed.node, parsed.target.node) : choicesOf(parsed.node);
  const base: Reading = { functions: options.functions, monthSeconds: options.monthSeconds };
  const parts = [...wordParts(parsed.node), ...(parsed.target ? wordParts(parsed.target.node) : [])];
  let best: { result: ReadResult; cost: number } | undefined;
  let firstError: unknown;
  for (const { picks, cost } of enumeratePicks(all.map(optionsCount), (i, pick) => optionCost(all[i], pick), Infinity, 64)) {
    if (best && cost >= best.cost) break;
    const tally = { sumAdoptions: 0 };
    const reading = { ...readingFor(all, picks, base), tally };
    try {
      const quantity = evaluateNode(parsed.node, reading);
      const target = parsed.target ? readTarget(parsed.target, reading, quantity) : undefined;
      if (options.expect && !sameDim(options.expect, quantity.dim)) {
        throw new NapkinError("dimension", `expected ${dimName(options.expect)}, got ${dimName(quantity.dim)}`, { text: input });
      }
      const measured = new Set([...(target ? keysOf(target.dim) : []), ...(options.expect ? keysOf(options.expect) : [])]);
      const total = cost + uncorroboratedCost(all, picks, parts, reading, measured) + tally.sumAdoptions * costs.costs["sum-adopted"];
      if (!best || total < best.cost) {
        const notes = [...notesFor(parsed.node, reading, input), ...(parsed.target ? notesFor(parsed.target.node, reading, input) : [])];
        best = { result: { quantity, target, notes, cost: total, end: parsed.end, parsed }, cost: total };
      }
    } catch (error) {
      if (!(error instanceof NapkinError) || (error.code !== "dimension" && error.code !== "range")) throw error;
      firstError ??= error;
    }
  }
  if (!best) throw firstError;
  return best.result;
}

const optionsCount = (choice: Choice): number => (choice.kind === "sense" ? choice.options.length : 2);

function readTarget(target: NonNullable<Parsed["target"]>, reading: Reading, quantity: Quantity): NonNullable<ReadResult["target"]> {
  const unit = evaluateNode(target.node, reading);
  if (!sameDim(unit.dim, quantity.dim)) {
    throw new NapkinError("dimension", `cannot convert ${dimName(quantity.dim)} to ${target.text} (${dimName(unit.dim)})`);
  }
  return { name: target.text, factor: unit.low, dim: unit.dim };
}

export { adoptEachOther };
