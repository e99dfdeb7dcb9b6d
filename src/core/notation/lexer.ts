import { NapkinError } from "../errors.js";
import { wordEnd } from "./letters.js";

export type Token =
  | { type: "number"; value: number; text: string; start: number; end: number; spaceBefore: boolean }
  | { type: "word"; text: string; start: number; end: number; spaceBefore: boolean }
  | { type: "op"; text: string; start: number; end: number; spaceBefore: boolean };

const superscripts: Record<string, string> = {
  "⁰": "0", "¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6", "⁷": "7", "⁸": "8", "⁹": "9", "⁻": "-",
};

// Each pattern is anchored with the sticky flag and has no nested quantifiers: linear time. Patterns are
// module constants: a regex literal in a function body makes a new RegExp object each time it runs, and
// these run for every character napkin reads.
const numberPattern = /\d+(?:[,_]\d{3}(?!\d))*(?:\.\d+)?(?:[eE][+-]?\d+)?/uy;
const superscriptPattern = /[⁻]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+/y;
const decimalCommaPattern = /,\d{1,2}(?![\d,.])/y;
const whitespace = /\s/;
const digitSeparators = /[,_]/g;
const operators = ["**", "->", "→", "+", "-", "−", "–", "—", "*", "×", "·", "/", "÷", "^", "%", "(", ")", "~", "≈", ",", "=", "[", "]", "{", "}", ".", ":", ";", "'", '"', "<", ">", "!", "&", "|", "?", "@", "#", "$", "\\"];

/** Splits napkin notation into numbers, words and operators. */
export function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let depth = 0;
  let spaceBefore = false;
  while (i < input.length) {
    const char = input[i];
    if (whitespace.test(char)) {
      spaceBefore = true;
      i++;
      continue;
    }
    const start = i;
    numberPattern.lastIndex = i;
    const number = numberPattern.exec(input);
    if (number) {
      let text = number[0];
      let value = Number(text.replace(digitSeparators, ""));
      i += text.length;
      // `6,7 MB/s`: a comma before one or two digits is a decimal comma (a thousands comma takes three).
      // Not inside brackets, where `max(1,2)` separates arguments.
      decimalCommaPattern.lastIndex = i;
      const decimals = depth === 0 && !text.includes(",") ? decimalCommaPattern.exec(input) : null;
      if (decimals) {
        text += decimals[0];
        value = Number(text.replace(/,/g, ".").replace(/_/g, ""));
        i += decimals[0].length;
      }
      superscriptPattern.lastIndex = i;
      const exponent = superscriptPattern.exec(input);
      if (exponent) {
        const power = Number([...exponent[0]].map((c) => superscripts[c]).join(""));
        value = value ** power;
        text += exponent[0];
        i += exponent[0].length;
      }
      tokens.push({ type: "number", value, text, start, end: i, spaceBefore });
    } else {
      const end = wordEnd(input, i);
      if (end > i) {
        i = end;
        tokens.push({ type: "word", text: input.slice(start, end), start, end, spaceBefore });
      } else {
        const op = operators.find((o) => input.startsWith(o, i));
        if (!op) throw new NapkinError("syntax", `unexpected character '${char}'`, { place: { column: i + 1 } });
        i += op.length;
        if (op === "(") depth++;
        if (op === ")") depth--;
        tokens.push({ type: "op", text: normaliseOperator(op), start, end: i, spaceBefore });
      }
    }
    spaceBefore = false;
  }
  return tokens;
}

function normaliseOperator(op: string): string {
  switch (op) {
    case "×": case "·": return "*";
    case "÷": return "/";
    case "**": return "^";
    case "−": return "-";
    case "—": return "–";
    case "→": return "->";
    case "≈": return "~";
    default: return op;
  }
}
