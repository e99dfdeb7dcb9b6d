import { NapkinError } from "../errors.js";
import { isLettersOnly } from "./letters.js";
import { type NumberToken, type Token, type WordToken, tokenize } from "./lexer.js";
import { type Entry, type Sense, lookupWord, suggestWord } from "./vocabulary.js";

/**
 * A word written in a quantity (`K`, `GB`, `/day`, `pings`), with its vocabulary entry: which of its senses
 * applies is a reading's choice, not the parser's. `power` is -1 after `/`, `per`, `a` (`3B reads a day`).
 */
export interface WordPart {
  readonly kind: "word";
  readonly token: WordToken;
  readonly entry: Entry;
  readonly power: 1 | -1;
}

/** `%` (a hundredth), or a word the parser kept as a label (`30m active orders`): it changes nothing. */
export type Part = WordPart | { readonly kind: "percent"; readonly token: Token } | { readonly kind: "label"; readonly token: Token };

/**
 * A quantity as written: a number (or a range, or none for a bare unit like `pings/sec`) with the words
 * after it, which bind to it before any operator around it (`3 GiB / 12 GiB/s` divides by 12 GiB/s).
 */
export interface Literal {
  readonly type: "literal";
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** The number, or a range's high end; undefined for a bare unit (`pings/sec` is 1 ping per second). */
  readonly number?: NumberToken;
  /** A range's low end, and the words written after it (`5K-10K`), if any. */
  readonly low?: { readonly number: NumberToken; readonly parts: readonly Part[]; readonly negative: boolean };
  readonly negative: boolean;
  /** A currency written before the number (`$0.023/GB`). */
  readonly prefix?: WordPart;
  readonly parts: readonly Part[];
}

export type Node =
  | Literal
  | { readonly type: "binary"; readonly op: "+" | "-" | "*" | "/"; readonly left: Node; readonly right: Node; readonly start: number; readonly end: number }
  | { readonly type: "negate"; readonly arg: Node; readonly start: number; readonly end: number }
  | { readonly type: "power"; readonly base: Node; readonly exponent: Node; readonly start: number; readonly end: number }
  | { readonly type: "call"; readonly name: MathFunctionName; readonly args: readonly Node[]; readonly start: number; readonly end: number };

export interface ParseOptions {
  /** Stop at the first word that is not notation instead of failing (for prose around claims). */
  stopAtProse?: boolean;
  /** Read unknown words after a number as labels (`30m active orders * 60`), as notes write them. */
  labels?: boolean;
}

export interface Parsed {
  node: Node;
  /** A conversion target (`in Mbps`, `to /day`), parsed as a unit. */
  target?: { node: Node; text: string };
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

/** Words that introduce the period a value covers (`for 4 years`, `em 5 anos`, `over 10 years`). */
const qualifiers = new Set(["for", "over", "during", "within", "after", "em", "durante", "após", "apos", "por", "in"]);

/** Deepest nesting of brackets and unary signs; past it an expression is refused, not overflowed. */
const maxDepth = 200;

/** "1 argument", "1 or 2 arguments", "at least 1 argument". */
function arityText(fewest: number, most: number): string {
  const noun = (n: number) => (n === 1 ? "argument" : "arguments");
  if (most === Infinity) return `at least ${fewest} ${noun(fewest)}`;
  return fewest === most ? `${fewest} ${noun(fewest)}` : `${fewest} or ${most} ${noun(most)}`;
}

const firstSense = (entry: Entry | undefined): Sense | undefined => entry?.senses[0];
const isMarker = (entry: Entry | undefined, marker: string): boolean => entry?.senses.some((s) => s.kind === "marker" && s.marker === marker) ?? false;
/** A word that can stand in a quantity in some sense: a scale, a unit, a counting noun. */
const isQuantityEntry = (entry: Entry | undefined): boolean => entry?.senses.some((s) => s.kind !== "marker") ?? false;
const isTimeEntry = (entry: Entry | undefined): boolean => entry?.senses.some((s) => s.kind === "unit" && s.unit?.key === "t" && !s.per) ?? false;

/** Parses napkin notation into a tree; throws NapkinError naming the offending text. */
export function parseNotation(input: string, options: ParseOptions = {}): Parsed {
  if (input.length > 100_000) throw new NapkinError("input", "expression is too long (over 100,000 characters)");
  return new Parser(input, tokenize(input, options.stopAtProse), options).parseAll();
}

class Parser {
  private i = 0;
  private depth = 0;

  constructor(
    private readonly input: string,
    private readonly tokens: Token[],
    private readonly options: ParseOptions,
  ) {}

  parseAll(): Parsed {
    if (this.tokens.length === 0) throw new NapkinError("syntax", "empty expression");
    while (this.peek() && this.isOp(this.peek()!, "~")) this.i++;
    const node = this.parseSum();
    let target: Parsed["target"];
    const next = this.peek();
    if (next && ((next.type === "word" && isMarker(lookupWord(next.text), "in")) || this.isOp(next, "->"))) {
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
    return { node, target, end: rest ? rest.start : this.input.length };
  }

  /** The unit after `in`/`to`/`->`: `Mbps`, `GB/day`, `/day`, `per month`. */
  private parseTarget(): NonNullable<Parsed["target"]> {
    this.i++;
    const start = this.peek()?.start ?? this.input.length;
    const lead = this.peek();
    const perTarget = lead && (this.isOp(lead, "/") || (lead.type === "word" && isMarker(lookupWord(lead.text), "per")));
    let node: Node;
    if (perTarget) {
      // `in /day`, `to per month`: a rate with nothing before the slash.
      this.i++;
      const word = this.peek();
      if (!word || word.type !== "word") this.failAtEnd("expected a unit after '/'");
      node = this.parseSuffix(this.bareLiteral(start), start, -1);
    } else node = this.parseProduct();
    return { node, text: this.input.slice(start, this.previousEnd()).trim() };
  }

  private parseSum(): Node {
    let left = this.parseProduct();
    for (let t = this.peek(); t && (this.isOp(t, "+") || this.isOp(t, "-")); t = this.peek()) {
      const before = this.i++;
      const right = this.operand(() => this.parseProduct(), before);
      if (!right) break;
      left = { type: "binary", op: t.text as "+" | "-", left, right, start: left.start, end: right.end };
    }
    return left;
  }

  private parseProduct(): Node {
    let left = this.parseUnary();
    for (let t = this.peek(); t; t = this.peek()) {
      const op = this.productOperator(t);
      if (!op) break;
      const before = this.i++;
      const right = this.operand(() => this.parseUnary(), before);
      if (!right) break;
      left = { type: "binary", op, left, right, start: left.start, end: right.end };
    }
    return left;
  }

  /**
   * The operand after an operator. Where prose may follow (`≈ 400 videos / sec //approx`), an operator with
   * no readable operand ends the value before it instead of failing.
   */
  private operand(parse: () => Node, before: number): Node | undefined {
    if (!this.options.stopAtProse) return parse();
    try {
      return parse();
    } catch (error) {
      if (!(error instanceof NapkinError) || error.code === "forbidden") throw error;
      this.i = before;
      return undefined;
    }
  }

  /** `*`, `/`, a spaced `x`, `3x 116`, `per 1,000`, `30% of 2M`: the operators between two values. */
  private productOperator(t: Token): "*" | "/" | undefined {
    if (this.isOp(t, "*")) return "*";
    if (this.isOp(t, "/")) return "/";
    if (t.type !== "word") return undefined;
    const entry = lookupWord(t.text);
    const next = this.tokens[this.i + 1];
    if (isMarker(entry, "times") && (t.spaceBefore || next?.type === "number")) return "*";
    if (isMarker(entry, "per") && next && (next.type === "number" || this.isOp(next, "("))) return "/";
    if (isMarker(entry, "of") && next && (next.type === "number" || this.isOp(next, "(") || next.type === "word") && this.previousIsFactor()) return "*";
    return undefined;
  }

  /** Whether the token before is a percent or a factor marker: `30% of`, `3x of`. */
  private previousIsFactor(): boolean {
    const before = this.tokens[this.i - 1];
    return before !== undefined && (this.isOp(before, "%") || (before.type === "word" && isMarker(lookupWord(before.text), "times")));
  }

  /** Runs a recursive step, refusing nesting deeper than `maxDepth` before the stack does. */
  private nested<T>(step: () => T): T {
    if (++this.depth > maxDepth) this.failAtEnd("expression is too deeply nested");
    try {
      return step();
    } finally {
      this.depth--;
    }
  }

  private parseUnary(): Node {
    return this.nested(() => {
      const t = this.peek();
      if (t && this.isOp(t, "-")) {
        this.i++;
        // `-50–50`: a minus glued to the low end of a range belongs to that end only.
        const next = this.peek();
        if (next?.type === "number" && !next.spaceBefore && this.rangeDashAfter(this.i)) return this.parsePower(true);
        const arg = this.parseUnary();
        return { type: "negate", arg, start: t.start, end: arg.end };
      }
      if (t && (this.isOp(t, "+") || this.isOp(t, "~"))) {
        this.i++;
        return this.parseUnary();
      }
      return this.parsePower(false);
    });
  }

  private parsePower(negativeLow: boolean): Node {
    const base = this.parseAtom(negativeLow);
    const t = this.peek();
    // `10^15`, `10 pow 15`.
    if (!t || !(this.isOp(t, "^") || (t.type === "word" && isMarker(lookupWord(t.text), "pow") && this.tokens[this.i + 1]?.type === "number"))) return base;
    this.i++;
    const next = this.peek();
    const afterNext = this.tokens[this.i + 1];
    if (next?.type === "number" && !(afterNext && this.isOp(afterNext, "^"))) {
      // `10^5 s`: the exponent is the bare number; words after it apply to the power.
      this.i++;
      const exponent = this.numberLiteral(next);
      const power: Node = { type: "power", base, exponent, start: base.start, end: next.end };
      return this.withSuffix(power, next.end);
    }
    const exponent = this.parseUnary();
    return { type: "power", base, exponent, start: base.start, end: exponent.end };
  }

  private parseAtom(negativeLow = false): Node {
    return this.nested(() => {
      const t = this.peek();
      if (!t) this.failAtEnd("expected a number");
      if (t.type === "number") return this.parseQuantity(negativeLow);
      if (t.type === "word" && this.isCurrency(t) && this.tokens[this.i + 1]?.type === "number") {
        // `$0.023/GB`, `R$ 50`: a currency before its number.
        this.i++;
        const prefix: WordPart = { kind: "word", token: t, entry: lookupWord(t.text)!, power: 1 };
        const quantity = this.parseQuantity(false) as Literal;
        return { ...quantity, start: t.start, text: this.input.slice(t.start, quantity.end), prefix };
      }
      if (this.isOp(t, "(")) {
        this.i++;
        const inner = this.parseSum();
        const close = this.peek();
        if (!close || !this.isOp(close, ")")) this.failAtEnd("missing ')'");
        this.i++;
        return this.withSuffix({ ...inner }, close.end, t.start);
      }
      if (t.type === "word") return this.parseWordAtom(t);
      return this.fail(t, this.isOp(t, "[") ? "matrices are not allowed" : "unexpected");
    });
  }

  private isCurrency(t: WordToken): boolean {
    const sense = firstSense(lookupWord(t.text));
    return sense?.kind === "unit" && sense.unit?.key === "c";
  }

  /** A number or a range, with its words; `1 h 30 min` adds up. */
  private parseQuantity(negativeLow: boolean): Node {
    const first = this.peek() as NumberToken;
    this.i++;
    const firstParts = this.parseParts();
    const dash = this.peek();
    let after = this.tokens[this.i + 1];
    const rangeDash = dash && (this.isOp(dash, "–") || (this.isOp(dash, "-") && !dash.spaceBefore && !after?.spaceBefore));
    // `-0.5–-0.1`: a minus glued to the high end.
    const highNegative = after !== undefined && this.isOp(after, "-") && !after.spaceBefore && this.tokens[this.i + 2]?.type === "number";
    if (highNegative) after = this.tokens[this.i + 2];
    if (!rangeDash || after?.type !== "number") {
      const literal = this.literal(first, firstParts, negativeLow);
      return this.compoundDuration(literal);
    }
    this.i += highNegative ? 3 : 2;
    const high = after as NumberToken;
    const parts = this.parseParts();
    const low = { number: first, parts: firstParts, negative: negativeLow };
    const literal: Literal = { type: "literal", start: first.start - (negativeLow ? 1 : 0), end: this.previousEnd(), text: "", number: high, low, negative: highNegative, parts };
    return { ...literal, text: this.input.slice(literal.start, literal.end) };
  }

  /** `1 h 30 min`, `2 min 30 s`: a duration followed by a smaller one, with no operator between, is their sum. */
  private compoundDuration(first: Literal): Node {
    let node: Node = first;
    let previous = first;
    for (;;) {
      const next = this.peek();
      const unit = this.tokens[this.i + 1];
      if (!next || next.type !== "number" || !unit || unit.type !== "word") return node;
      const lastWord = lastWordPart(previous);
      if (!lastWord || !isTimeEntry(lastWord.entry) || !isTimeEntry(lookupWord(unit.text))) return node;
      const bigger = timeSize(lastWord.entry);
      if (!(timeSize(lookupWord(unit.text)!) < bigger)) return node;
      this.i++;
      const parts = this.parseParts();
      const literal = this.literal(next, parts, false);
      node = { type: "binary", op: "+", left: node, right: literal, start: node.start, end: literal.end };
      previous = literal;
    }
  }

  private parseWordAtom(t: WordToken): Node {
    const next = this.tokens[this.i + 1];
    if (forbiddenNames.has(t.text)) this.fail(t, `'${t.text}' is not allowed in napkin expressions`, true);
    if (next && this.isOp(next, ".")) this.fail(t, "property access is not allowed", true);
    if (next && this.isOp(next, "(") && !next.spaceBefore) {
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
      const name = t.text as MathFunctionName;
      const [fewest, most] = mathFunctionArity[name];
      if (args.length < fewest || args.length > most) this.fail(t, `${t.text}() takes ${arityText(fewest, most)}, not ${args.length}`);
      return this.withSuffix({ type: "call", name, args, start: t.start, end: close.end }, close.end);
    }
    // `23 writes × peak multiplier (10x)`, `× replication factor 3`: words that name the value after them.
    const labelled = this.options.labels ? this.operandAfterLabels() : 0;
    if (labelled) {
      this.i = labelled;
      return this.parseAtom();
    }
    // In notes a word where a value should be is a name (`10*(write QPS)`, `2 * QPS`): not something to compute.
    if (this.options.labels || this.options.stopAtProse) this.fail(t, "a name, not a value");
    // A bare unit or noun: `pings/sec` is one ping per second.
    const unit = this.parseSuffix(this.bareLiteral(t.start), t.start, 1);
    if (unit.parts.length === 0 || unit.parts.every((p) => p.kind === "label")) this.fail(t, "expected a number");
    return unit;
  }

  /**
   * After an operator, one to three label words and then a number or a bracketed one: the index of that
   * value, or 0 when the words are not such a label.
   */
  private operandAfterLabels(): number {
    const before = this.tokens[this.i - 1];
    if (!before || before.type !== "op" || (before.text !== "*" && before.text !== "/")) return 0;
    let j = this.i;
    for (; j < this.i + 3; j++) {
      const w = this.tokens[j];
      if (w?.type !== "word" || !isLabelWord(w.text) || forbiddenNames.has(w.text) || lookupWord(w.text)?.senses.some((s) => s.kind === "marker")) break;
    }
    const after = this.tokens[j];
    if (j === this.i || !after) return 0;
    return after.type === "number" || (this.isOp(after, "(") && this.tokens[j + 1]?.type === "number") ? j : 0;
  }

  /** A bracket or call followed by words (`(6,7 MB/s)`, `10^5 s`): the words multiply it, as a unit. */
  private withSuffix(node: Node, after: number, start = node.start): Node {
    const unit = this.parseSuffix(this.bareLiteral(after), after, 1);
    if (unit.parts.length === 0) return start === node.start ? node : { ...node, start } as Node;
    return { type: "binary", op: "*", left: node, right: unit, start, end: unit.end };
  }

  private bareLiteral(at: number): Literal {
    return { type: "literal", start: at, end: at, text: "", negative: false, parts: [] };
  }

  private numberLiteral(token: NumberToken): Literal {
    return { type: "literal", start: token.start, end: token.end, text: token.text, number: token, negative: false, parts: [] };
  }

  private literal(number: NumberToken, parts: readonly Part[], negative: boolean): Literal {
    const start = number.start - (negative ? 1 : 0);
    const end = parts.length ? parts[parts.length - 1].token.end : number.end;
    return { type: "literal", start, end, text: this.input.slice(start, end), number, negative, parts };
  }

  /** Extends a bare literal with the words after it. */
  private parseSuffix(base: Literal, start: number, firstPower: 1 | -1): Literal {
    const parts = this.parseParts(firstPower);
    if (parts.length === 0) return base;
    const end = parts[parts.length - 1].token.end;
    return { ...base, start, end, text: this.input.slice(start, end), parts };
  }

  /**
   * The words written after a number: scales, units, nouns, `%`, `x`, and what follows `/`, `per`, `a`
   * (`66pings/sec`, `10 msgs per user per day`, `3B reads a day`, `5B tx/month`). A `/` or `per` followed
   * by a number is an operator, not part of the quantity.
   */
  private parseParts(firstPower: 1 | -1 = 1): Part[] {
    const parts: Part[] = [];
    let power: 1 | -1 = firstPower;
    let factor = false;
    for (let t = this.peek(); t; t = this.peek()) {
      if (this.options.labels && t.type === "word" && qualifiers.has(t.text.toLowerCase()) && this.durationAt(this.i + 1) > 0) {
        // `2,920 MB for 4 years`, `14 PB em 5 anos`: the period a value covers, said after it.
        const end = this.durationAt(this.i + 1);
        for (let j = this.i; j < end; j++) parts.push({ kind: "label", token: this.tokens[j] });
        this.i = end;
        continue;
      }
      if (this.options.labels && this.isOp(t, "(")) {
        // `2 (tweet)`, `0.2(cache factor)`, `4 bytes(int)`: words in brackets after a value label it.
        const close = this.wordsInBrackets(this.i);
        if (close < 0) break;
        for (let j = this.i; j <= close; j++) parts.push({ kind: "label", token: this.tokens[j] });
        this.i = close + 1;
        continue;
      }
      if (this.isOp(t, "%") && !t.spaceBefore) {
        parts.push({ kind: "percent", token: t });
        this.i++;
        continue;
      }
      if (this.isOp(t, "/")) {
        const next = this.tokens[this.i + 1];
        if (!next || next.type !== "word" || !this.unitWordAt(this.i + 1)) break;
        this.i++;
        power = -1;
        continue;
      }
      if (t.type !== "word") break;
      const entry = lookupWord(t.text);
      // A spaced `x`, `per 1,000`, `of 2M`: an operator between two values, not a word of this one.
      if (this.productOperator(t)) break;
      if (isMarker(entry, "times") && !t.spaceBefore && parts.length === 0) {
        // `3x`: a factor marker, the number itself.
        parts.push({ kind: "label", token: t });
        factor = true;
        this.i++;
        continue;
      }
      if (isMarker(entry, "per") && this.unitWordAt(this.i + 1)) {
        this.i++;
        power = -1;
        continue;
      }
      if (isMarker(entry, "per-before-time") && isTimeEntry(lookupWord(this.tokens[this.i + 1]?.type === "word" ? this.tokens[this.i + 1].text : ""))) {
        // `3B reads a day`, `30 pedidos ao dia`: per day.
        this.i++;
        power = -1;
        continue;
      }
      if (isMarker(entry, "in") || (isMarker(entry, "pow") && this.tokens[this.i + 1]?.type === "number")) break;
      if (isQuantityEntry(entry)) {
        if (this.isCurrency(t) && this.tokens[this.i + 1]?.type === "number") break;
        parts.push({ kind: "word", token: t, entry: entry!, power });
        power = 1;
        this.i++;
        continue;
      }
      if (this.options.labels && isLabelWord(t.text) && !forbiddenNames.has(t.text) && !factor) {
        // A word notes write beside a number (`30m active orders`, `10 GB de dados`): a label. After a factor
        // (`3x média`) a word is what is multiplied: a name, not a label.
        parts.push({ kind: "label", token: t });
        this.i++;
        continue;
      }
      if (entry) break;
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
    return parts;
  }

  /** After `for`: a number and a time word (`4 years`), ending at the returned index; 0 when there is none. */
  private durationAt(index: number): number {
    const number = this.tokens[index];
    const word = this.tokens[index + 1];
    return number?.type === "number" && word?.type === "word" && isTimeEntry(lookupWord(word.text)) ? index + 2 : 0;
  }

  /** The index of the `)` closing a bracket at `index` that holds only words, or -1. */
  private wordsInBrackets(index: number): number {
    let j = index + 1;
    while (this.tokens[j]?.type === "word") j++;
    const close = this.tokens[j];
    return j > index + 1 && close && this.isOp(close, ")") ? j : -1;
  }

  /** Whether the token at `index` is a word that can be a unit or a counting noun (not a function call). */
  private unitWordAt(index: number): boolean {
    const t = this.tokens[index];
    if (!t || t.type !== "word") return false;
    const after = this.tokens[index + 1];
    if (after && this.isOp(after, "(") && !after.spaceBefore) return false;
    // Only a word napkin knows: after `/` or `per`, an unknown word is a name (`/ capacity ratio`), not a unit.
    const entry = lookupWord(t.text);
    return entry !== undefined && isQuantityEntry(entry) && !isMarker(entry, "in");
  }

  /** Whether the number token at `index` (with its words) is followed by a range dash. */
  private rangeDashAfter(index: number): boolean {
    let j = index + 1;
    while (this.tokens[j]?.type === "word" && !this.tokens[j].spaceBefore) j++;
    const dash = this.tokens[j];
    const after = this.tokens[j + 1];
    if (!dash || !after) return false;
    return this.isOp(dash, "–") || (this.isOp(dash, "-") && !dash.spaceBefore && !after.spaceBefore);
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

/** A word notes may write beside a number: letters, with an apostrophe inside (`user's`). */
function isLabelWord(text: string): boolean {
  return isLettersOnly(text.includes("'") || text.includes("’") ? text.replace(apostrophes, "") : text);
}

const apostrophes = /['’]/g;

function lastWordPart(literal: Literal): WordPart | undefined {
  for (let i = literal.parts.length - 1; i >= 0; i--) {
    const part = literal.parts[i];
    if (part.kind === "word") return part;
  }
  return undefined;
}

function timeSize(entry: Entry): number {
  const sense = entry.senses.find((s) => s.kind === "unit" && s.unit?.key === "t");
  return sense?.kind === "unit" && sense.unit ? sense.unit.size : 0;
}

/** Every literal of a tree, in order (for the choices a reading makes). */
export function literalsOf(node: Node, out: Literal[] = []): Literal[] {
  switch (node.type) {
    case "literal":
      out.push(node);
      break;
    case "binary":
      literalsOf(node.left, out);
      literalsOf(node.right, out);
      break;
    case "negate":
      literalsOf(node.arg, out);
      break;
    case "power":
      literalsOf(node.base, out);
      literalsOf(node.exponent, out);
      break;
    case "call":
      for (const arg of node.args) literalsOf(arg, out);
      break;
  }
  return out;
}
