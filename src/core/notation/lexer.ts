import { NapkinError } from "../errors.js";
import { wordEnd } from "./letters.js";

/**
 * How a number was written, when napkin had to decide what its separators mean. `alt` is the other
 * reading of an ambiguous one: `86.400` is 86.4 (a decimal point) or 86,400 (Portuguese thousands).
 */
export type NumberFormat = "dotted-thousands" | "decimal-comma" | "space-groups" | "apostrophe-groups";

export interface NumberToken {
  readonly type: "number";
  readonly value: number;
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly spaceBefore: boolean;
  /** A format napkin read without a choice (`1.000.000`, `6,7`, `12 500 000`). */
  readonly format?: NumberFormat;
  /** The other reading of an ambiguous number (`86.400` as 86,400). */
  readonly alt?: { readonly value: number; readonly format: NumberFormat };
}

export interface WordToken {
  readonly type: "word";
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly spaceBefore: boolean;
}

export interface OpToken {
  readonly type: "op";
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly spaceBefore: boolean;
}

export type Token = NumberToken | WordToken | OpToken;

const superscripts: Record<string, string> = {
  "⁰": "0", "¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6", "⁷": "7", "⁸": "8", "⁹": "9", "⁻": "-",
};

// Each pattern is anchored with the sticky flag and has no nested quantifiers: linear time. Patterns are
// module constants: a regex literal in a function body makes a new RegExp object each time it runs, and
// these run for every character napkin reads.
const numberPattern = /\d+(?:[,_]\d{3}(?!\d))*(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
/** `1.000.000`: two or more dotted groups can only be thousands. */
const dottedGroups = /[1-9]\d{0,2}(?:\.\d{3}){2,}(?![\d.,])/y;
/** `R$ 2.305,00`: dotted thousands with a decimal comma, the Portuguese way. */
const dottedWithComma = /[1-9]\d{0,2}(?:\.\d{3})+,\d{1,2}(?![\d.,])/y;
/** `6'000'000'000`: Swiss thousands. */
const apostropheGroups = /[1-9]\d{0,2}(?:'\d{3})+(?![\d.,'])/y;
/** `$.05`, `.5`: a decimal with no leading zero, after a space, a currency, a bracket or an operator. */
const bareDecimal = /\.\d+(?:[eE][+-]?\d+)?/y;
const beforeBareDecimal = /[\s$€(~≈=*×/+-]/;
/** `$0,052`: a leading zero before a comma is never a thousands group: a decimal comma. */
const zeroComma = /0,\d+(?![\d.,])/y;
/** `$1,008`: one comma group of three: English thousands, or a Portuguese decimal comma. */
const oneCommaGroup = /[1-9]\d{0,2},\d{3}(?![\d.,eE])/y;
/** `86.400`: one dotted group of three, no leading zero: a decimal, or Portuguese thousands. */
const oneDottedGroup = /[1-9]\d{0,2}\.\d{3}(?![\d.,eE])/y;
/**
 * `12 500 000`: groups of three digits after single spaces (or no-break and thin spaces). A last group of two
 * (`7 776 00`) is a digit lost in the grouping: the digits are read as written.
 */
const spaceGroups = /[1-9]\d{0,2}(?:[ \u00a0\u202f\u2009]\d{3})+(?:[ \u00a0\u202f\u2009]\d{2})?(?![\d.,]|[ \u00a0\u202f\u2009]\d)/y;
const superscriptPattern = /[⁻]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+/y;
const decimalCommaPattern = /,\d{1,2}(?![\d,.])/y;
const whitespace = /\s/;
const digitSeparators = /[,_]/g;
const groupSpaces = /[ \u00a0\u202f\u2009]/g;
const operators = ["**", "->", "→", "=>", "+", "-", "−", "–", "—", "*", "×", "·", "/", "÷", "^", "%", "(", ")", "~", "≈", ",", "=", "[", "]", "{", "}", ".", ":", ";", "'", '"', "<", ">", "!", "&", "|", "?", "@", "#", "\\", "≥", "≤", "±", "…"];
/** Money symbols are words of the vocabulary (`$0.023/GB`, `R$ 50`, `€10`). */
const currencySymbols = ["US$", "R$", "$", "€", "£", "₹"];

/**
 * Splits napkin notation into numbers, words and operators. With `stopAtUnknown`, a character notation has no
 * use for (`✅`, `→` in prose) ends the tokens instead of failing: what came before may still be a value.
 */
export function tokenize(input: string, stopAtUnknown = false): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  // Brackets that hold a function's arguments (`max(1,2)`): there a comma separates, not a decimal.
  const callDepths: boolean[] = [];
  let spaceBefore = false;
  while (i < input.length) {
    const char = input[i];
    if (whitespace.test(char)) {
      spaceBefore = true;
      i++;
      continue;
    }
    const start = i;
    const inCall = callDepths.includes(true);
    const number = readNumber(input, i, inCall);
    if (number) {
      i = number.end;
      tokens.push({ type: "number", ...number, start, spaceBefore });
    } else {
      const currency = currencySymbols.find((c) => input.startsWith(c, i));
      let end = currency ? i + currency.length : wordEnd(input, i);
      // `24x60x60`, `7x10⁹`: a times sign between numbers, not a word `x60x60`.
      if (!currency && (char === "x" || char === "X") && isDigit(input.charCodeAt(i + 1)) && tokens[tokens.length - 1]?.type === "number" && !spaceBefore) end = i + 1;
      // `user's`, `driver’s`: an apostrophe inside a word is part of it.
      while (!currency && end > i && (input[end] === "'" || input[end] === "’") && wordEnd(input, end + 1) > end + 1) end = wordEnd(input, end + 1);
      if (end > i) {
        i = end;
        tokens.push({ type: "word", text: input.slice(start, end), start, end, spaceBefore });
      } else {
        const op = operators.find((o) => input.startsWith(o, i));
        if (!op) {
          if (stopAtUnknown) break;
          throw new NapkinError("syntax", `unexpected character '${char}'`, { place: { column: i + 1 } });
        }
        i += op.length;
        if (op === "(") callDepths.push(tokens[tokens.length - 1]?.type === "word" && !spaceBefore);
        if (op === ")") callDepths.pop();
        tokens.push({ type: "op", text: normaliseOperator(op), start, end: i, spaceBefore });
      }
    }
    spaceBefore = false;
  }
  return tokens;
}

type ReadNumber = Omit<NumberToken, "type" | "start" | "spaceBefore">;

/** The number written at `i`, with the reading its separators were given. */
function readNumber(input: string, i: number, inCall: boolean): ReadNumber | undefined {
  const code = input.charCodeAt(i);
  if (code === 46 && (i === 0 || beforeBareDecimal.test(input[i - 1]))) {
    const decimal = sticky(bareDecimal, input, i);
    if (decimal) return withExponent(input, { value: Number(`0${decimal}`), text: decimal, end: i + decimal.length });
  }
  if (code < 48 || code > 57) return undefined;
  const withComma = sticky(dottedWithComma, input, i);
  if (withComma) return withExponent(input, { value: Number(withComma.replace(/\./g, "").replace(",", ".")), text: withComma, end: i + withComma.length, format: "dotted-thousands" });
  const apostrophes = sticky(apostropheGroups, input, i);
  if (apostrophes) return withExponent(input, { value: Number(apostrophes.replace(/'/g, "")), text: apostrophes, end: i + apostrophes.length, format: "apostrophe-groups" });
  const grouped = sticky(dottedGroups, input, i) ?? (inCall ? undefined : sticky(spaceGroups, input, i));
  if (grouped) {
    const dotted = grouped.includes(".");
    return withExponent(input, { value: Number(grouped.replace(dotted ? /\./g : groupSpaces, "")), text: grouped, end: i + grouped.length, format: dotted ? "dotted-thousands" : "space-groups" });
  }
  const zero = inCall ? undefined : sticky(zeroComma, input, i);
  if (zero) return withExponent(input, { value: Number(zero.replace(",", ".")), text: zero, end: i + zero.length, format: "decimal-comma" });
  const commaGroup = inCall ? undefined : sticky(oneCommaGroup, input, i);
  if (commaGroup) {
    return withExponent(input, { value: Number(commaGroup.replace(",", "")), text: commaGroup, end: i + commaGroup.length, alt: { value: Number(commaGroup.replace(",", ".")), format: "decimal-comma" } });
  }
  const oneGroup = sticky(oneDottedGroup, input, i);
  if (oneGroup) {
    return withExponent(input, { value: Number(oneGroup), text: oneGroup, end: i + oneGroup.length, alt: { value: Number(oneGroup.replace(".", "")), format: "dotted-thousands" } });
  }
  const text = sticky(numberPattern, input, i)!;
  const end = i + text.length;
  // `6,7 MB/s`: a comma before one or two digits is a decimal comma (a thousands comma takes three).
  const decimals = inCall || text.includes(",") || text.includes(".") ? undefined : sticky(decimalCommaPattern, input, end);
  if (decimals) {
    const whole = text + decimals;
    return withExponent(input, { value: Number(whole.replace(",", ".").replace(/_/g, "")), text: whole, end: end + decimals.length, format: "decimal-comma" });
  }
  return withExponent(input, { value: Number(text.replace(digitSeparators, "")), text, end });
}

/** `10³`: a superscript power written right after the number. */
function withExponent(input: string, number: ReadNumber): ReadNumber {
  const exponent = sticky(superscriptPattern, input, number.end);
  if (!exponent) return number;
  const power = Number([...exponent].map((c) => superscripts[c]).join(""));
  return { ...number, value: number.value ** power, text: number.text + exponent, end: number.end + exponent.length, alt: undefined };
}

const isDigit = (code: number): boolean => code >= 48 && code <= 57;

function sticky(pattern: RegExp, input: string, at: number): string | undefined {
  pattern.lastIndex = at;
  return pattern.exec(input)?.[0];
}

function normaliseOperator(op: string): string {
  switch (op) {
    case "×": case "·": return "*";
    case "÷": return "/";
    case "**": return "^";
    case "−": return "-";
    case "—": return "–";
    case "→": case "=>": return "->";
    case "≈": return "~";
    default: return op;
  }
}
