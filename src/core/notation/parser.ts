import { NapkinError } from "../errors.js";
import { type Token, tokenize } from "./lexer.js";
import { isLettersOnly } from "./letters.js";
import { type Dim, ambiguousWords, dimensionless, lookupWord, secondsPerYear, suggestWord } from "./words.js";

/** A parsed napkin expression. Literals carry their scale and units already applied. */
export type Node =
  | { type: "literal"; low: number; high: number; dim: Dim; text: string; start: number; end: number; bare: boolean; unitFactor?: number }
  | { type: "binary"; op: "+" | "-" | "*" | "/"; left: Node; right: Node }
  | { type: "negate"; arg: Node }
  | { type: "power"; base: Node; exponent: Node }
  | { type: "call"; name: string; args: Node[]; start: number };

/** How an ambiguous word (B, m) was read, and where. */
export interface Reading {
  word: string;
  start: number;
  asUnit: boolean;
  literal: string;
}

export interface ParseOptions {
  /** Ambiguous words read as units by default (e.g. B in a payload flag); otherwise scales. */
  unitWords?: ReadonlySet<string>;
  /** Start offsets of ambiguous words to read the other way (B: billion ↔ bytes, m: million ↔ minutes). */
  flip?: ReadonlySet<number>;
  /** Seconds in a month (default 30 days). */
  monthSeconds?: number;
  /** Stop at the first word that is not notation instead of failing (for prose around claims). */
  stopAtProse?: boolean;
  /** Read unknown words after a number as labels (`30m active orders * 60`), as notes write them. */
  labels?: boolean;
}

export interface Parsed {
  node: Node;
  /** A conversion target (`in Mbps`), parsed as a unit expression. */
  target?: { node: Node; text: string };
  readings: Reading[];
  usesMonth: boolean;
  usesYear: boolean;
  /** Index in the input where parsing stopped (input length unless `stopAtProse`). */
  end: number;
}

/** Names that must never run inside an expression (mathjs security guide). */
const forbiddenNames = new Set(["import", "createUnit", "evaluate", "parse", "simplify", "derivative", "reviver", "compile", "resolve", "config", "chain", "typed", "Function", "eval", "constructor", "__proto__", "prototype", "require", "process"]);

/**
 * Functions napkin offers inside expressions, with the fewest and most arguments each takes: `log(x, base)`,
 * `round(x, digits)` (also ceil and floor), `min` and `max` of any count. src/cli/mathFunctions.ts computes them.
 */
export const mathFunctionArity = {
  sqrt: [1, 1], cbrt: [1, 1], log: [1, 2], log2: [1, 1], log10: [1, 1],
  ceil: [1, 2], floor: [1, 2], round: [1, 2], min: [1, Infinity], max: [1, Infinity],
} as const satisfies Record<string, readonly [number, number]>;
export type MathFunctionName = keyof typeof mathFunctionArity;
export const mathFunctionNames = Object.keys(mathFunctionArity) as MathFunctionName[];

const conversionWords = new Set(["in", "to", "em", "para"]);

/** "1 argument", "1 or 2 arguments", "at least 1 argument". */
function arityText(fewest: number, most: number): string {
  const noun = (n: number) => (n === 1 ? "argument" : "arguments");
  if (most === Infinity) return `at least ${fewest} ${noun(fewest)}`;
  return fewest === most ? `${fewest} ${noun(fewest)}` : `${fewest} or ${most} ${noun(most)}`;
}

/** Parses napkin notation into a tree; throws NapkinError naming the offending text. */
export function parseNotation(input: string, options: ParseOptions = {}): Parsed {
  if (input.length > 100_000) throw new NapkinError("input", "expression is too long (over 100,000 characters)");
  return new Parser(input, tokenize(input), options).parseAll();
}

class Parser {
  private i = 0;
  private depth = 0;
  /** Set by a minus glued to a range's low end (`-50–50`), read by the range. */
  private negativeLow = false;
  readonly readings: Reading[] = [];
  usesMonth = false;
  usesYear = false;

  constructor(
    private readonly input: string,
    private readonly tokens: Token[],
    private readonly options: ParseOptions,
  ) {}

  parseAll(): Parsed {
    if (this.tokens.length === 0) throw new NapkinError("syntax", "empty expression");
    this.skipApprox();
    const node = this.parseSum();
    let target: Parsed["target"];
    const next = this.peek();
    if (next && ((next.type === "word" && conversionWords.has(next.text.toLowerCase())) || this.isOp(next, "->"))) {
      const before = this.i;
      try {
        target = this.parseTarget();
      } catch (error) {
        // In prose, `para`/`to` is often just a word ("1 segundo para carregar"): stop before it.
        if (!this.options.stopAtProse) throw error;
        this.i = before;
      }
    }
    const rest = this.peek();
    if (rest && !this.options.stopAtProse) this.fail(rest, "unexpected");
    return { node, target, readings: this.readings, usesMonth: this.usesMonth, usesYear: this.usesYear, end: rest ? rest.start : this.input.length };
  }

  /** The unit after `in`/`to`/`->`: `Mbps`, `GB/day`, `/day`, `per month`. */
  private parseTarget(): NonNullable<Parsed["target"]> {
    this.i++;
    const start = this.peek()?.start ?? this.input.length;
    const lead = this.peek();
    // `in /day`, `to per month`: a rate target with nothing before the slash.
    const perTarget = lead && (this.isOp(lead, "/") || (lead.type === "word" && lead.text.toLowerCase() === "per"));
    if (perTarget) this.i++;
    const unit = this.parseProduct();
    const targetNode: Node = perTarget ? { type: "binary", op: "/", left: this.literal(1, 1, dimensionless, start, start, true), right: unit } : unit;
    return { node: targetNode, text: this.input.slice(start, this.previousEnd()).trim() };
  }

  private parseSum(): Node {
    let left = this.parseProduct();
    for (let t = this.peek(); t && (this.isOp(t, "+") || this.isOp(t, "-")); t = this.peek()) {
      this.i++;
      left = { type: "binary", op: t.text as "+" | "-", left, right: this.parseProduct() };
    }
    return left;
  }

  private parseProduct(): Node {
    let left = this.parseUnary();
    for (let t = this.peek(); t; t = this.peek()) {
      const op = this.productOperator(t);
      if (!op) break;
      this.i++;
      if (op === "per") {
        left = { type: "binary", op: "/", left, right: this.parseUnary() };
      } else {
        left = { type: "binary", op, left, right: this.parseUnary() };
      }
    }
    return left;
  }

  private productOperator(t: Token): "*" | "/" | "per" | undefined {
    if (this.isOp(t, "*")) return "*";
    if (this.isOp(t, "/")) return "/";
    // `3 x 4`, and `3x 116` (a factor written before its operand).
    if (t.type === "word" && (t.text === "x" || t.text === "X") && (t.spaceBefore || this.tokens[this.i + 1]?.type === "number")) return "*";
    if (t.type === "word" && ["per", "por", "each", "cada"].includes(t.text.toLowerCase())) return "per";
    return undefined;
  }

  private parseUnary(): Node {
    return this.nested(() => this.parseUnaryInner());
  }

  /** Runs a recursive step, refusing nesting deeper than 200 (brackets, unary chains) before the stack does. */
  private nested(step: () => Node): Node {
    if (++this.depth > 200) this.failAtEnd("expression is too deeply nested");
    try {
      return step();
    } finally {
      this.depth--;
    }
  }

  private parseUnaryInner(): Node {
    const t = this.peek();
    if (t && this.isOp(t, "-")) {
      this.i++;
      // `-50–50`: a minus glued to the low end of a range belongs to that end only.
      const next = this.peek();
      if (next?.type === "number" && !next.spaceBefore && this.rangeDashAfter(this.i)) {
        this.negativeLow = true;
        return this.parsePower();
      }
      return { type: "negate", arg: this.parseUnary() };
    }
    if (t && this.isOp(t, "+")) {
      this.i++;
      return this.parseUnary();
    }
    if (t && this.isOp(t, "~")) {
      this.i++;
      return this.parseUnary();
    }
    return this.parsePower();
  }

  private parsePower(): Node {
    const base = this.parseAtom();
    const t = this.peek();
    if (t && this.isOp(t, "^")) {
      this.i++;
      const next = this.peek();
      const afterNext = this.tokens[this.i + 1];
      if (next?.type === "number" && !(afterNext && this.isOp(afterNext, "^"))) {
        // `10^5 s`: the exponent is the bare number; words after it apply to the power.
        this.i++;
        const exponent = this.literal(next.value, next.value, dimensionless, next.start, next.end, false);
        return this.parseSuffix({ type: "power", base, exponent }, next.start);
      }
      return { type: "power", base, exponent: this.parseUnary() };
    }
    return base;
  }

  private parseAtom(): Node {
    return this.nested(() => this.parseAtomInner());
  }

  private parseAtomInner(): Node {
    const t = this.peek();
    if (!t) this.failAtEnd("expected a number");
    if (t.type === "number") {
      this.i++;
      const first = this.parseNumber(t);
      const dash = this.peek();
      let after = this.tokens[this.i + 1];
      const rangeDash = dash && (this.isOp(dash, "–") || (this.isOp(dash, "-") && !dash.spaceBefore && !after?.spaceBefore));
      // `-0.5–-0.1`: a minus glued to the high end.
      const highSign = after && this.isOp(after, "-") && !after.spaceBefore && this.tokens[this.i + 2]?.type === "number" ? -1 : 1;
      if (highSign < 0) after = this.tokens[this.i + 2];
      if (!rangeDash || after?.type !== "number") {
        if (this.negativeLow) {
          this.negativeLow = false;
          return { type: "negate", arg: first };
        }
        return first;
      }
      this.i += highSign < 0 ? 3 : 2;
      const parsedSecond = this.parseNumber(after);
      const second = highSign < 0 ? { ...parsedSecond, low: -parsedSecond.high, high: -parsedSecond.low } : parsedSecond;
      // `5-10K`, `2-3s`: a suffix written once, on the high end, applies to both ends when the numbers
      // are in order; `500-1M` is 500 to a million. A low end with a scale only takes the high end's units.
      const firstBare = first.end === t.end;
      const unitsOnly = second.unitFactor ?? 1;
      const firstDimensionless = first.dim.t === 0 && first.dim.d === 0;
      const sign = this.negativeLow ? -1 : 1;
      this.negativeLow = false;
      const low = sign * (firstBare ? (sign > 0 && highSign > 0 && t.value <= after.value ? t.value * (second.low / after.value) : t.value * unitsOnly) : firstDimensionless ? first.low * unitsOnly : first.low);
      if (!firstBare && !firstDimensionless && (first.dim.t !== second.dim.t || first.dim.d !== second.dim.d)) {
        throw new NapkinError("dimension", "the ends of a range have different units", { text: this.input.slice(t.start, second.end), place: { column: t.start + 1 } });
      }
      if (low >= second.high) {
        const hint = this.isOp(dash, "-") ? "write 'a - b' with spaces to subtract" : undefined;
        const message = low > second.high ? "inverted range (low end above high end)" : "a range needs a low end below its high end";
        throw new NapkinError("range", message, { text: this.input.slice(t.start, second.end), hint, place: { column: t.start + 1 } });
      }
      return { ...second, low, start: t.start, text: this.input.slice(t.start, second.end) };
    }
    if (t.type === "op" && t.text === "(") {
      this.i++;
      const inner = this.parseSum();
      const close = this.peek();
      if (!close || !this.isOp(close, ")")) this.failAtEnd("missing ')'");
      this.i++;
      return this.parseSuffix(inner, t.start);
    }
    if (t.type === "word") return this.parseWordAtom(t);
    return this.fail(t, t.type === "op" && t.text === "[" ? "matrices are not allowed" : "unexpected");
  }

  private parseWordAtom(t: Extract<Token, { type: "word" }>): Node {
    const next = this.tokens[this.i + 1];
    if (forbiddenNames.has(t.text)) this.fail(t, `'${t.text}' is not allowed in napkin expressions`, true);
    if (next && this.isOp(next, ".")) this.fail(t, "property access is not allowed", true);
    if (next && this.isOp(next, "(")) {
      if (!Object.hasOwn(mathFunctionArity, t.text)) {
        this.fail(t, `unknown function '${t.text}' (napkin knows ${mathFunctionNames.join(", ")})`, true);
      }
      this.i += 2;
      const args = [this.parseSum()];
      while (this.peek() && this.isOp(this.peek()!, ",")) {
        this.i++;
        args.push(this.parseSum());
      }
      const close = this.peek();
      if (!close || !this.isOp(close, ")")) this.failAtEnd("missing ')'");
      this.i++;
      const [fewest, most] = mathFunctionArity[t.text as MathFunctionName];
      if (args.length < fewest || args.length > most) this.fail(t, `${t.text}() takes ${arityText(fewest, most)}, not ${args.length}`);
      return this.parseSuffix({ type: "call", name: t.text, args, start: t.start }, t.start);
    }
    // A bare unit or noun: `pings/sec` divides by one second.
    const unit = this.parseSuffix(this.literal(1, 1, dimensionless, t.start, t.start, true), t.start);
    if (unit.type === "literal" && unit.end === t.start) this.fail(t, "expected a number");
    return unit;
  }

  /** Applies the scale words, units, nouns, `%` and `x` written after a value. */
  private parseSuffix(node: Node, start: number): Node {
    let factor = 1;
    let unitFactor = 1;
    let dim = dimensionless;
    let applied = false;
    for (let t = this.peek(); t; t = this.peek()) {
      if (this.isOp(t, "%") && !t.spaceBefore) {
        factor /= 100;
      } else if (t.type === "word" && (t.text === "x" || t.text === "X") && !t.spaceBefore) {
        if (this.tokens[this.i + 1]?.type === "number") break;
        // `3x`: a factor marker, the number itself.
      } else if (t.type === "word") {
        if (conversionWords.has(t.text.toLowerCase()) || this.productOperator(t)) break;
        const word = this.lookup(t);
        if (!word && this.options.labels && isLettersOnly(t.text) && !forbiddenNames.has(t.text)) {
          this.i++;
          applied = true;
          continue;
        }
        if (!word) {
          if (this.options.stopAtProse) break;
          if (forbiddenNames.has(t.text)) this.fail(t, `'${t.text}' is not allowed in napkin expressions`, true);
          const unknown = t.text;
          throw new NapkinError("unknownWord", `unknown word '${unknown}'`, {
            hint: () => {
              const suggestion = suggestWord(unknown);
              return suggestion ? `did you mean '${suggestion}'?` : "napkin reads numbers, scales (K, M, B), units (KB, ms, /s) and counting nouns";
            },
            place: { column: t.start + 1 },
          });
        }
        if (word.kind === "scale") factor *= word.factor;
        else if (word.kind === "unit") {
          const size = word.month && this.options.monthSeconds ? this.options.monthSeconds : word.factor;
          factor *= size;
          unitFactor *= size;
          dim = { t: dim.t + word.dim.t, d: dim.d + word.dim.d };
          if (word.month) this.usesMonth = true;
          if (word.factor === secondsPerYear && word.dim.t === 1) this.usesYear = true;
        }
      } else break;
      this.i++;
      applied = true;
    }
    if (!applied) return node;
    const end = this.previousEnd();
    if (node.type === "literal") {
      return { ...node, low: node.low * factor, high: node.high * factor, dim: { t: node.dim.t + dim.t, d: node.dim.d + dim.d }, end, text: this.input.slice(start, end), unitFactor: (node.unitFactor ?? 1) * unitFactor };
    }
    return { type: "binary", op: "*", left: node, right: this.literal(factor, factor, dim, start, end, true) };
  }

  private lookup(t: Token) {
    if (!(t.text in ambiguousWords)) return lookupWord(t.text);
    const asUnit = (this.options.unitWords?.has(t.text) ?? false) !== (this.options.flip?.has(t.start) ?? false);
    this.readings.push({ word: t.text, start: t.start, asUnit, literal: this.literalTextAround(t) });
    return lookupWord(t.text, asUnit);
  }

  private literalTextAround(t: Token): string {
    const before = this.tokens[this.i - 1];
    const from = before && before.type === "number" && !t.spaceBefore ? before.start : t.start;
    return this.input.slice(from, t.end);
  }

  /** Whether the number token at `index` (with its suffix words) is followed by a range dash. */
  private rangeDashAfter(index: number): boolean {
    let j = index + 1;
    while (this.tokens[j]?.type === "word" && !this.tokens[j].spaceBefore) j++;
    const dash = this.tokens[j];
    const after = this.tokens[j + 1];
    if (!dash || !after) return false;
    return this.isOp(dash, "–") || (this.isOp(dash, "-") && !dash.spaceBefore && !after.spaceBefore);
  }

  /** A number and the scale, unit and noun words written after it. */
  private parseNumber(t: Extract<Token, { type: "number" }>): Extract<Node, { type: "literal" }> {
    if (!Number.isFinite(t.value)) this.fail(t, "number is too large");
    return this.parseSuffix(this.literal(t.value, t.value, dimensionless, t.start, t.end, false), t.start) as Extract<Node, { type: "literal" }>;
  }

  private literal(low: number, high: number, dim: Dim, start: number, end: number, bare: boolean): Node {
    return { type: "literal", low, high, dim, text: this.input.slice(start, end), start, end, bare };
  }

  private skipApprox() {
    while (this.peek() && this.isOp(this.peek()!, "~")) this.i++;
  }

  private peek(): Token | undefined {
    return this.tokens[this.i];
  }

  private previousEnd(): number {
    return this.tokens[this.i - 1]?.end ?? 0;
  }

  private isOp(t: Token, text: string): boolean {
    return t.type === "op" && t.text === text;
  }

  private fail(t: Token, message: string, forbidden = false): never {
    const text = this.input.slice(t.start, t.end);
    throw new NapkinError(forbidden ? "forbidden" : "syntax", message === "unexpected" ? `unexpected '${text}'` : message, {
      text: message === "unexpected" ? undefined : text,
      place: { column: t.start + 1 },
    });
  }

  private failAtEnd(message: string): never {
    throw new NapkinError("syntax", message, { place: { column: this.input.length + 1 } });
  }
}
