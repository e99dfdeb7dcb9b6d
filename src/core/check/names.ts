import { type Quantity, lookupWord, mathFunctionNames, midpoint, parseNotation, readNotation, sameDim } from "../notation/index.js";

/**
 * Names across lines, as notepad calculators keep them: within a block, `DAU = 20M × 5% = 1M` or `DAU: 1M`
 * defines DAU as the stated value, and later lines may use it (`writes = DAU * 10 = 10M`). A name is a simple
 * word (letters, digits, `_`, starting with a letter or `_`): never a unit, a scale word, a marker or a
 * function. A counting noun may be one (`DAU`, `writes`): notes name their counts so.
 */

/** `DAU =`, `- **DAU**:`, `**DAU:**`, `1. DAU:`, `> DAU ≈`, `DAU_total =` at the start of a line: the head of a definition. */
const definitionHead = /^\s*(?:(?:[-*+>]|\d+[.)])\s+)*(?:\*\*)?([A-Za-z_][A-Za-z0-9_]*)(?:\*\*)?\s*(?:=|:|≈)(?!=)(?:\*\*)?\s*/;
/** A word where a value may stand. */
const nameUse = /(?<![\w.$])[A-Za-z_][A-Za-z0-9_]*(?![\w])/g;
/** Before a name used as a value: the start, a separator, an operator or a bracket; nothing else (`per day media` is prose). */
const valueBefore = /(?:^|[=≈~:(*×·/÷+\-−^,;])\s*$/;
/** After it: the end, an operator, a separator, a bracket or a comma. */
const valueAfter = /^\s*(?:$|[)*×·/÷+\-−=≈~,;^])/;
/** A word, then an opening bracket right before a name: `users (DAU)` spells it out; `sqrt(DAU)` is a call. */
const gloss = /([A-Za-z][A-Za-z0-9]{0,30})\s{0,4}\($/;
/** An operator: a value that has one is worked out, not a plain value (a unit's slash, `MB/s`, `5/day`, is none). */
const operator = /[*×·÷+^]|\s[-/]\s|\d\s*\/\s*\d/;
/** What may follow a plain value: its end, prose, a bracket; not `:` or a digit (`10:30` is a time of day). */
const valueEnd = /^(?:$|\s|[(,;.!?])/;
const operatorChar = /[*×·/÷+]/;
const functions: ReadonlySet<string> = new Set(mathFunctionNames);
/** At most this many unjudged lines are kept per block. */
const limit = 500;

export interface NameDefinition {
  name: string;
  /** The value as napkin notation: a number in plain digits and the stated unit (`1000000 users`). */
  value: string;
  /** The value read, when a redefinition has to be compared with it (most definitions never are). */
  quantity(): Quantity;
  line: number;
  column: number;
  /** Whether a line has used it since: only then does a new value make lines disagree. */
  used?: boolean;
}

/** Something wrong with a name: used before its definition, or defined again with another value after lines used it (the new one holds). */
export type NameProblem =
  | { kind: "used-before-defined"; name: string; usedOn: number }
  | { kind: "redefined"; name: string; value: string; before: { value: string; line: number } };

/** Whether a word may be a name: simple, and no word napkin reads as a unit, scale, marker or function. */
export function isName(word: string): boolean {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(word) || functions.has(word.toLowerCase())) return false;
  const entry = lookupWord(word);
  return entry === undefined || entry.senses.every((sense) => sense.kind === "unit" && sense.noun !== undefined && sense.unit === undefined && sense.per === undefined);
}

/** A line's definition head: the name and where its definition's value starts, or undefined. */
export function definitionOf(text: string): { name: string; column: number; valueAt: number } | undefined {
  const head = definitionHead.exec(text);
  if (!head) return undefined;
  // `__MAU__` is MAU in emphasis: the underscores around a name are markdown's, not the name's.
  const name = head[1].startsWith("__") && head[1].endsWith("__") && head[1].length > 4 ? head[1].slice(2, -2) : head[1];
  if (!isName(name)) return undefined;
  return { name, column: text.indexOf(name) + 1, valueAt: head[0].length };
}

/**
 * A plain value written after a definition head (`1M`, `5 TB`, `1M (daily)`), or undefined (`20M × 5%` is worked,
 * not plain). It is parsed here; it is read (its units, its senses) only if it is ever compared.
 */
export function readValue(text: string, monthSeconds?: number): { text: string; quantity(): Quantity } | undefined {
  let value = text.trim();
  if (!/\d/.test(value) || operator.test(value)) return undefined;
  try {
    const end = parseNotation(value, { stopAtProse: true }).end;
    if (!valueEnd.test(value.slice(end))) return undefined;
    value = value.slice(0, end).trim();
    if (!value) return undefined;
  } catch {
    return undefined;
  }
  let read: Quantity | undefined;
  return { text: value, quantity: () => (read ??= readQuantity(value, monthSeconds)) };
}

/** A parsed value's quantity; one napkin cannot read (a reading refused) counts as no number: never equal to another. */
function readQuantity(value: string, monthSeconds?: number): Quantity {
  try {
    return readNotation(value, { monthSeconds }).quantity;
  } catch {
    return { low: Number.NaN, high: Number.NaN, dim: { t: 0, d: 0, c: 0 }, terms: [] };
  }
}

/** A stated number as notation napkin reads one way only: plain digits (`1000000`, `1.5e21`). */
export function plainNumber(value: number): string {
  return String(value).replace("e+", "e");
}

/** Whether `word` at `at` in `text` stands where a value does: after `=`, an operator or a bracket, before an operator or the end; not a noun after a number, not spelled out in brackets. */
function standsAsValue(text: string, at: number, word: string): boolean {
  const before = text.slice(Math.max(0, at - 40), at);
  if (!valueBefore.test(before) || !valueAfter.test(text.slice(at + word.length, at + word.length + 40))) return false;
  const spelled = gloss.exec(before);
  return !(spelled && !functions.has(spelled[1].toLowerCase()) && text[at + word.length] === ")");
}

interface Substitution {
  name: string;
  value: string;
  definition: NameDefinition;
}

/** No substitutions: one shared array, so the lines that use no name (most) allocate nothing. */
const none: Substitution[] = [];

/** The names of one file's current block. */
export class Names {
  private readonly defined = new Map<string, NameDefinition>();
  /** What the last substitution replaced, in order: the names and the values put in their place. */
  private substituted: { name: string; value: string; definition: NameDefinition }[] = [];
  /** The defined names as one pattern, made when first needed after a definition. */
  private pattern: RegExp | undefined;
  /** The line before's, for a claim that runs over both. */
  private carried: { name: string; value: string }[] = [];
  /** Lines of this block nothing could be judged on, with an operator: where a name may be used before its definition. */
  private readonly unjudged: { text: string; line: number }[] = [];

  /** Whether the line before put values in for names (a claim completed on this line restores them). */
  get carries(): boolean {
    return this.carried.length > 0;
  }

  /** Whether the block holds nothing yet: no names and no lines kept. */
  get empty(): boolean {
    return this.defined.size === 0 && this.unjudged.length === 0;
  }

  /** A new block: no names. */
  reset(): void {
    this.defined.clear();
    this.pattern = undefined;
    this.unjudged.length = 0;
    this.substituted = this.carried = none;
  }

  /**
   * The line with every defined name replaced by its value in brackets (`DAU * 10` → `(1000000) * 10`), from
   * `from` on (a definition's own name stays), or undefined when it uses none.
   */
  substitute(text: string, from = 0): string | undefined {
    // A claim the next line completes is reported there: it restores this line's values too.
    this.carried = this.substituted;
    this.substituted = none;
    if (this.defined.size === 0 || !this.mentioned(text.slice(from))) return undefined;
    this.substituted = [];
    let unknown = false;
    const rest = text.slice(from).replace(nameUse, (word, at: number, whole: string) => {
      const definition = this.defined.get(word);
      // Only where a value stands: not after a number (`20M DAU` is its noun), not amid prose (`per day media`).
      if (!standsAsValue(whole, at, word)) return word;
      if (!definition) {
        unknown ||= isName(word);
        return word;
      }
      this.substituted.push({ name: word, value: `(${definition.value})`, definition });
      return `(${definition.value})`;
    });
    // `read / write = 100:1` with only `read` defined: a line that also uses a name nobody defined is left as it is.
    if (unknown || this.substituted.length === 0) {
      this.substituted = none;
      return undefined;
    }
    for (const { definition } of this.substituted) definition.used = true;
    return text.slice(0, from) + rest;
  }

  /** Whether a line holds a defined name as a whole word (most lines do not: nothing more runs on them). */
  private mentioned(text: string): boolean {
    this.pattern ??= new RegExp(`(?<![\\w.$])(?:${[...this.defined.keys()].join("|")})(?![\\w])`);
    return this.pattern.test(text);
  }

  /** A finding's text with the values the last substitution put in set back as their names, in order (`(1000000) * 10` → `DAU * 10`). */
  restore(text: string): string {
    let from = 0;
    let out = "";
    for (const { name, value } of this.carried.length ? [...this.carried, ...this.substituted] : this.substituted) {
      const at = text.indexOf(value, from);
      if (at < 0) continue;
      out += text.slice(from, at) + name;
      from = at + value.length;
    }
    return out + text.slice(from);
  }

  /**
   * A line nothing could be judged on, kept (up to a bound) so a later definition can find a use of its name
   * above it: the lines are searched only when a name is defined, not as they are read.
   */
  noteUses(text: string, line: number): void {
    if (this.unjudged.length < limit && operatorChar.test(text)) this.unjudged.push({ text, line });
  }

  /** Defines a name; a problem when it was used before, or defined before with another value after lines used it (the new one holds). */
  define(definition: NameDefinition, tolerance: number): NameProblem | undefined {
    const before = this.defined.get(definition.name);
    this.defined.set(definition.name, definition);
    if (!before) this.pattern = undefined;
    if (before?.used && !sameValue(before.quantity(), definition.quantity(), tolerance)) return { kind: "redefined", name: definition.name, value: definition.value, before: { value: before.value, line: before.line } };
    const usedOn = before ? undefined : this.firstUse(definition.name, definition.line);
    if (usedOn !== undefined) return { kind: "used-before-defined", name: definition.name, usedOn };
    return undefined;
  }

  /** The first line above (in this block, nothing judged on it) that uses a word as a value beside an operator. */
  private firstUse(name: string, definedOn: number): number | undefined {
    for (const { text, line } of this.unjudged) {
      if (line >= definedOn || !text.includes(name)) continue;
      for (const match of text.matchAll(nameUse)) if (match[0] === name && standsAsValue(text, match.index!, name) && operatorChar.test(text)) return line;
    }
    return undefined;
  }
}

function sameValue(a: Quantity, b: Quantity, tolerance: number): boolean {
  if (!sameDim(a.dim, b.dim)) return false;
  const x = midpoint(a);
  const y = midpoint(b);
  // A value napkin could not read is no evidence of a change.
  if (Number.isNaN(x) || Number.isNaN(y)) return true;
  return Math.abs(x - y) <= Math.abs(x) * tolerance;
}
