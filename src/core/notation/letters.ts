// Letters and digits as Unicode defines them (\p{L}, \p{N}), without making every run pay for Unicode's
// classes: V8 takes 1-3 ms to compile each regular expression that uses them (it builds the classes from
// ICU's tables), and a `check` run built four of them. Notes are written in Latin script, so characters below
// U+0250 are tested against plain ranges, which are exactly Unicode's there (tests/core/letters.test.ts
// compares them code point by code point); Unicode's own classes are made only when a character beyond
// Latin turns up in a word (a Greek μ, Cyrillic, CJK). Made, not just compiled: V8 builds a \p{…} class as
// soon as the regular expression exists, which cost every command ~1 ms when these were module constants.

/** \p{L} below U+0250: ASCII letters, ª µ º, and Latin-1 and Latin Extended-A/B letters (not × or ÷). */
const latinLetters = "A-Za-z\\u00AA\\u00B5\\u00BA\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u024F";
/** \p{N} below U+0250: digits, ² ³ ¹ and ¼ ½ ¾. */
const latinNumbers = "0-9\\u00B2\\u00B3\\u00B9\\u00BC-\\u00BE";
const latinEnd = 0x250;

/** A regular expression made on first use. */
function lazily(make: () => RegExp): () => RegExp {
  let made: RegExp | undefined;
  return () => (made ??= make());
}

/** A word in napkin notation: a letter or `_`, then letters, numbers and `_`. */
const latinWord = new RegExp(`[${latinLetters}_][${latinLetters}${latinNumbers}_]*`, "y");
const unicodeWord = lazily(() => /[\p{L}_][\p{L}\p{N}_]*/uy);

const latinLettersOnly = new RegExp(`^[${latinLetters}]+$`);
const unicodeLettersOnly = lazily(() => /^\p{L}+$/u);
const beyondLatin = /[^\u0000-\u024F]/;

const latinLetter = new RegExp(`[${latinLetters}]`);
const unicodeLetter = lazily(() => /\p{L}/u);
const latinLetterRun = new RegExp(`[${latinLetters}]+`, "y");
const unicodeLetterRun = lazily(() => /\p{L}+/uy);

/**
 * Blocks with no letter or number in them (punctuation, arrows, maths, box drawing, shapes, symbols,
 * dingbats but their circled digits, variation selectors, emoji): a character from them ends a word without
 * Unicode's classes being compiled. tests/core/letters.test.ts checks every code point of every block.
 */
const noWordCharacters: readonly (readonly [number, number])[] = [
  [0x2000, 0x206f], [0x20d0, 0x20ff], [0x2190, 0x23ff], [0x2500, 0x2775], [0x2794, 0x2bff], [0xfe00, 0xfe0f], [0x1f300, 0x1faff],
];

function cannotBeInWord(codePoint: number): boolean {
  return noWordCharacters.some(([low, high]) => codePoint >= low && codePoint <= high);
}

/** Where the word starting at `start` ends (`start` itself when no word starts there). */
export function wordEnd(input: string, start: number): number {
  return matchEnd(input, start, latinWord, unicodeWord);
}

/** Where the run of letters starting at `start` ends (`start` itself when there is no letter there). */
export function lettersEnd(text: string, start: number): number {
  return matchEnd(text, start, latinLetterRun, unicodeLetterRun);
}

/**
 * Where a sticky pattern's match at `start` ends: the Latin pattern's, unless the character after it may
 * carry the match on (a letter or number beyond Latin), when Unicode's pattern decides.
 */
function matchEnd(text: string, start: number, latin: RegExp, unicode: () => RegExp): number {
  latin.lastIndex = start;
  const end = latin.test(text) ? latin.lastIndex : start;
  const next = text.codePointAt(end);
  if (next === undefined || next < latinEnd || cannotBeInWord(next)) return end;
  const pattern = unicode();
  pattern.lastIndex = start;
  return pattern.test(text) ? pattern.lastIndex : start;
}

/** True when a word has two or more letters and nothing else (no digit, no `_`). */
export function isLettersOnly(word: string): boolean {
  if (latinLettersOnly.test(word)) return word.length >= 2;
  return beyondLatin.test(word) && unicodeLettersOnly().test(word) && [...word].length >= 2;
}

/** True when the character just before `index` is a letter (Unicode's \p{L}). */
export function isLetterBefore(text: string, index: number): boolean {
  const low = text.charCodeAt(index - 1);
  if (Number.isNaN(low)) return false;
  if (low < latinEnd) return latinLetter.test(text[index - 1]);
  // A letter beyond the first 65,536 characters is two UTF-16 units: read the whole code point.
  const pair = index >= 2 ? text.codePointAt(index - 2)! : low;
  const codePoint = pair > 0xffff ? pair : low;
  return !cannotBeInWord(codePoint) && unicodeLetter().test(String.fromCodePoint(codePoint));
}
