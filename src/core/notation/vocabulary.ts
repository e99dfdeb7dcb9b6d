import data from "../../data/vocabulary.json" with { type: "json" };
import { editDistance } from "../suggest.js";
import type { DimKey } from "./units.js";
import type { Language, SenseData, UnitData, VocabularyData } from "./vocabularySchema.js";

export type { Language };

/**
 * The one vocabulary (src/data/vocabulary.json): every word the parser, the checker, the capacity
 * over-claims, estimate and grade read, each with its senses and a cost for each. Nothing else keeps a
 * word list.
 */

/** A unit: its dimension and size in base units (seconds, bytes, one unit of money). */
export interface Unit {
  readonly id: string;
  readonly key: DimKey;
  readonly size: number;
  readonly name: string;
  readonly symbol?: string;
  /** The binary unit this decimal one is sometimes written for (KB for KiB). */
  readonly binary?: string;
}

export type Marker = "per" | "per-before-time" | "of" | "in" | "times" | "pow";

/** What a word does in a quantity, in one of its senses, and what that sense costs. */
export type Sense =
  | { readonly kind: "scale"; readonly factor: number; readonly cost: number; readonly lang?: Language; readonly note?: string }
  | { readonly kind: "unit"; readonly unit?: Unit; readonly per?: Unit; readonly noun?: string; readonly whole?: boolean; readonly cost: number; readonly lang?: Language; readonly note?: string }
  | { readonly kind: "marker"; readonly marker: Marker; readonly cost: number; readonly lang?: Language };

/** A word's senses, the usual one first. */
export interface Entry {
  readonly senses: readonly Sense[];
}

const keys: Record<UnitData["dim"], DimKey> = { time: "t", data: "d", money: "c" };

interface Index {
  units: Map<string, Unit>;
  exact: Map<string, Entry>;
  loose: Map<string, Entry>;
  spellings: string[];
}

let index: Index | undefined;

/** Built on first use: most commands read a handful of words. */
function vocabulary(): Index {
  if (index) return index;
  const source = data as VocabularyData;
  const units = new Map<string, Unit>();
  for (const u of source.units) units.set(u.id, { id: u.id, key: keys[u.dim], size: u.size, name: u.name, symbol: u.symbol, binary: u.binary });
  const exact = new Map<string, Entry>();
  const loose = new Map<string, Entry>();
  const spellings: string[] = [];
  for (const word of source.words) {
    const entry: Entry = { senses: word.senses.map((s) => resolveSense(s, units)) };
    for (const spelling of word.spell) {
      spellings.push(spelling);
      if (word.exact) exact.set(spelling, entry);
      else loose.set(spelling.toLowerCase(), entry);
    }
  }
  return (index = { units, exact, loose, spellings });
}

function resolveSense(sense: SenseData, units: Map<string, Unit>): Sense {
  const cost = sense.cost ?? 0;
  const lang = "lang" in sense ? sense.lang : undefined;
  if ("scale" in sense) return { kind: "scale", factor: sense.scale, cost, lang, note: sense.note };
  if ("marker" in sense) return { kind: "marker", marker: sense.marker, cost };
  const unit = (id?: string) => (id === undefined ? undefined : units.get(id) ?? missing(id));
  const whole = "whole" in sense && sense.whole ? true : undefined;
  return { kind: "unit", unit: unit(sense.unit), per: unit(sense.per), noun: sense.noun, ...(whole ? { whole } : {}), cost, lang, note: sense.note };
}

function missing(id: string): never {
  throw new Error(`vocabulary: no unit '${id}' (src/data/vocabulary.json)`);
}

let languageWords: Map<string, Language> | undefined;
const words = /[\p{L}]+/gu;

/**
 * The language a line is written in, by the words of src/data/vocabulary.json's `languages` it holds (more of
 * one than of the other); undefined when it holds none, or as many of each.
 */
export function languageOf(text: string): Language | undefined {
  languageWords ??= new Map(Object.entries((data as VocabularyData).languages).flatMap(([lang, list]) => list.map((w) => [w, lang as Language] as const)));
  let en = 0;
  let pt = 0;
  for (const [word] of text.toLowerCase().matchAll(words)) {
    const lang = languageWords.get(word);
    if (lang === "en") en++;
    else if (lang === "pt") pt++;
  }
  return en > pt ? "en" : pt > en ? "pt" : undefined;
}

/** A word's entry: spelled exactly (`MB`, `Mb`, `B`), else in any letter case (`Seconds`). */
export function lookupWord(word: string): Entry | undefined {
  const { exact, loose } = vocabulary();
  return exact.get(word) ?? loose.get(word.toLowerCase());
}

/** A unit by its id (`GB`, `day`, `USD`). */
export function unitById(id: string): Unit {
  return vocabulary().units.get(id) ?? missing(id);
}

/** Every spelling napkin knows, for did-you-mean suggestions. */
export function knownWords(): readonly string[] {
  return vocabulary().spellings;
}

/** The closest known word within two edits (one for short words), for "did you mean …?". */
export function suggestWord(word: string): string | undefined {
  const lower = word.toLowerCase();
  let best: string | undefined;
  // Fewest edits first; among those, a unit or scale before a counting noun, then a word of the same length
  // (a mistyped letter beats a dropped one: bites → bytes, not bits or sites).
  let bestScore = (lower.length <= 3 ? 2 : 3) * 100;
  for (const known of knownWords()) {
    const distance = editDistance(lower, known.toLowerCase(), 2);
    const first = lookupWord(known)?.senses[0];
    const noun = first?.kind === "unit" && !first.unit && !first.per;
    const score = distance * 100 + (noun ? 10 : 0) + Math.abs(known.length - lower.length);
    if (known.length > 1 && distance < (lower.length <= 3 ? 2 : 3) && score < bestScore) [best, bestScore] = [known, score];
  }
  return best;
}

/** Whether a word is a scale, unit or counting noun in its usual sense (not a marker such as `per`). */
export function isQuantityWord(word: string): boolean {
  const first = lookupWord(word)?.senses[0];
  return first !== undefined && first.kind !== "marker";
}

/** Whether a line names a counting noun (`noun:page`) in any of its spellings (`URLs`, `páginas`). */
export function nounNamed(noun: string, text: string): boolean {
  const id = noun.startsWith("noun:") ? noun.slice(5) : noun;
  const words = text.toLowerCase().match(/[a-zà-ÿ]+/g) ?? [];
  return words.some((word) => {
    const sense = lookupWord(word)?.senses[0];
    return sense?.kind === "unit" && sense.noun === id;
  });
}

/** Whether a word is a scale word in any sense (`K`, `mil`, `m`): never a name a note may define. */
export function isScaleWord(word: string): boolean {
  return lookupWord(word)?.senses.some((s) => s.kind === "scale") ?? false;
}

/** The scale a word names in its usual sense (`K` → 1000, `milhões` → 10⁶), if it is a scale word. */
export function scaleOf(word: string): number | undefined {
  const first = lookupWord(word)?.senses[0];
  return first?.kind === "scale" ? first.factor : undefined;
}
