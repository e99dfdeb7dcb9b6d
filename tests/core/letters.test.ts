import { describe, expect, test } from "vitest";
import { isLetterBefore, isLettersOnly, lettersEnd, wordEnd } from "../../src/core/notation/letters.js";

// The definitions napkin's fast paths must agree with: Unicode's own classes.
const unicodeWord = /[\p{L}_][\p{L}\p{N}_]*/uy;
const lettersOnly = /^\p{L}{2,}$/u;
const letter = /^\p{L}$/u;
const letterRun = /\p{L}+/uy;

/** Where Unicode's word pattern says the word starting at `start` ends. */
function unicodeWordEnd(input: string, start: number): number {
  unicodeWord.lastIndex = start;
  return unicodeWord.test(input) ? unicodeWord.lastIndex : start;
}

/** Every code point but the surrogates, which are no characters on their own. */
function* everyCodePoint(): Generator<string> {
  for (let cp = 0; cp <= 0x10ffff; cp++) if (cp < 0xd800 || cp > 0xdfff) yield String.fromCodePoint(cp);
}

/** The code points where a napkin answer differs from Unicode's (an empty list when they agree everywhere). */
function disagreements(napkin: (c: string) => unknown, unicode: (c: string) => unknown): string[] {
  const found: string[] = [];
  for (const c of everyCodePoint()) if (napkin(c) !== unicode(c)) found.push(`U+${c.codePointAt(0)!.toString(16).toUpperCase()}`);
  return found;
}

// Each test walks all 1.1M code points: about a second here, more on a loaded machine.
describe("napkin's letters are Unicode's, for every code point", { timeout: 30_000 }, () => {
  test("a word starts with it", () => expect(disagreements((c) => wordEnd(`${c}a`, 0), (c) => unicodeWordEnd(`${c}a`, 0))).toEqual([]));
  test("a word goes on through it", () => expect(disagreements((c) => wordEnd(`a${c}b`, 0), (c) => unicodeWordEnd(`a${c}b`, 0))).toEqual([]));
  test("a word after a non-word character", () => expect(disagreements((c) => wordEnd(`${c}ab`, c.length), (c) => unicodeWordEnd(`${c}ab`, c.length))).toEqual([]));
  test("a word of letters only", () => expect(disagreements((c) => isLettersOnly(`a${c}`), (c) => lettersOnly.test(`a${c}`))).toEqual([]));
  test("a run of letters goes on through it", () => expect(disagreements((c) => lettersEnd(`a${c}b`, 0), (c) => {
    letterRun.lastIndex = 0;
    return letterRun.test(`a${c}b`) ? letterRun.lastIndex : 0;
  })).toEqual([]));
  test("a letter before a position", () => expect(disagreements((c) => isLetterBefore(`${c} `, c.length), (c) => letter.test(c))).toEqual([]));
});

describe("words", () => {
  test("Portuguese", () => expect(wordEnd("milhões/mês", 0)).toBe("milhões".length));
  test("Greek μ, beyond Latin", () => expect(wordEnd("μs", 0)).toBe(2));
  test("an arrow ends a word", () => expect(wordEnd("ms→", 0)).toBe(2));
  test("a letter beyond the first 65,536 characters", () => expect(wordEnd("𝑥y", 0)).toBe(3));
  test("one letter is no letters-only word", () => expect(isLettersOnly("𝑥")).toBe(false));
  test("no word at a digit", () => expect(wordEnd("2x", 0)).toBe(0));
});
