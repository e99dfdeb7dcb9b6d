import { isLetterBefore } from "../notation/index.js";

/** A candidate claim found in a line: an expression, a separator and the value stated for it. */
export interface ClaimText {
  /** Text that may end in the expression (its longest parseable suffix is the expression). */
  left: string;
  /** Text that may start with the stated value (prose may follow). */
  right: string;
  separator: string;
  /** A table row: the expression and the value are whole cells. */
  table: boolean;
  /** The whole line, undecorated: words like "peak" or "réplicas" anywhere in it inform the diagnosis. */
  context: string;
  /** Offset of the separator in `context` (the undecorated line, or the table row's cells joined). */
  at: number;
  /** The right side is followed by another separator (`a = b = c`): it may be an expression itself. */
  chained: boolean;
  /** The left side is the right side of the claim before (`a = b = c`: the claim `b = c`). */
  continues: boolean;
  /** The stated side was introduced as approximate or rounded (`→ round to 700K`). */
  approximate: boolean;
}

const fenceLanguagesToSkip = /^(sql|lua|python|py|js|javascript|ts|typescript|java|go|rust|bash|sh|shell|json|yaml|yml|ruby|c|cpp|kotlin|scala|http|graphql|proto)$/;
const codeLine = /^\s*(SELECT|UPDATE|INSERT|DELETE|WHERE|VALUES|BEGIN|COMMIT|ROLLBACK|CREATE|ALTER|FROM|AND|OR|SET|local|return|if|elif|else|for|while|def|function|const|let|var|import|POST|GET|PUT|PATCH|DELETE|--|\/\/)\b/;

/** Whether a fence line opens a block of code that holds no napkin math (```sql, ```lua, …). */
export function fenceSkipsCode(fenceLine: string): boolean {
  // Lower-cased rather than an `i` flag, which V8 compiles into case variants of every alternative.
  return fenceLanguagesToSkip.test(fenceLine.trim().replace(/^(```+|~~~+)/, "").trim().toLowerCase());
}

// The patterns below run on every line: module constants, since a regex literal in a function body makes
// a new RegExp object each time it runs.
const fence = /^\s*(```|~~~)/;
const separatorChar = /[=≈→|>~]/;
const digit = /\d/;
const tableRow = /^\s*\|/;
const outerPipes = /^\||\|$/g;
const statedValueStart = /^[~≈]?\s*(?:\d|(?:US|R)?\$\s*[\d.]|[€£₹]\s*\d)/;
const cellOperator = /\s[×*·/÷+x]\s|\d\s*[×*·/÷+]\s*\d/;
const listOrHeadingMarker = /^\s*(?:[-*+>]\s+|\d+[.)]\s+|#{1,6}\s+)+/;
const strongOrCode = /\*\*|__|`/g;
/** `\*` is markdown's escaped asterisk: a times sign in notes (`10M users \* 100 bytes`). */
const escapedStar = /\\\*/g;
/** LaTeX as notes write it in markdown math: `10^8 \\cdot 10 \\, \\text{MB}`, `\\frac{a}{b}`. */
function untex(text: string): string {
  let out = text.replace(texFraction, "($1) / ($2)").replace(texText, "$1").replace(texPower, "^$1");
  for (const [command, replacement] of texSymbols) out = out.split(command).join(replacement);
  return out.replace(/\$\$?/g, " ");
}

const texFraction = /\\[dt]?frac\s*\{([^{}]*)\}\s*\{([^{}]*)\}/g;
const texText = /\\(?:text|mathrm|textrm|mbox|operatorname)\s*\{([^{}]*)\}/g;
const texPower = /\^\{([^{}]*)\}/g;
const texSymbols: [string, string][] = [["\\cdot", " × "], ["\\times", " × "], ["\\div", " ÷ "], ["\\thickapprox", " ≈ "], ["\\approxeq", " ≈ "], ["\\approx", " ≈ "], ["\\simeq", " ≈ "], ["\\cong", " ≈ "], ["\\thicksim", " ~ "], ["\\sim", " ~ "], ["\\,", " "], ["\\;", " "], ["\\!", ""], ["\\ ", " "], ["\\left", ""], ["\\right", ""]];

/** `10<sup>9</sup>`: HTML's superscript, a power. */
const superscript = /<sup>\s*(-?\d+)\s*<\/sup>/gi;
/** HTML entities notes carry over from the web: `&nbsp;`, `&times;`, `&asymp;`. */
const entity = /&(nbsp|ensp|emsp|thinsp|times|asymp|approx|divide|minus|ndash|mdash|middot|#160|#x00a0);/gi;
const entities: Record<string, string> = { nbsp: " ", ensp: " ", emsp: " ", thinsp: " ", "#160": " ", "#x00a0": " ", times: "×", asymp: "≈", approx: "≈", divide: "÷", minus: "−", ndash: "–", mdash: "—", middot: "·" };
// A `*` before or after a digit multiplies (`2^20 *2^6`, `5* write QPS`): only one beside a word is emphasis.
const emphasisMarker = /(^|\s)(?:_|\*(?=[^\d(]))(?=\S)|(?<=\S)(?:_|(?<=[^\d)])\*)(?=\s|$|[.,;:!?])/g;
// A run of two or more, or one that is not a space: a line's single spaces stay, so most lines need no copy.
const whitespaceRun = /\s\s+|[^\S ]/g;
const stated = /^[~≈]?\s*\(?(?:[\d.]|(?:US|R)?\$\s*[\d.]|[€£₹]\s*\d)/;

export const isFence = (line: string): boolean => fence.test(line);

/** The claims a line of notes makes; none for code, IDs, dates and prose without a separator. */
export function findClaims(line: string): ClaimText[] {
  // Most lines have no separator at all: skip them before any work.
  // LaTeX, HTML entities and words spell separators too (`\approx`, `&asymp;`, `equals`): those lines are looked at.
  if (!digit.test(line) || codeLine.test(line)) return [];
  if (!separatorChar.test(line) && !line.includes("(") && !line.includes("\\") && !line.includes("&") && !wordSeparator.test(line)) return [];
  if (tableRow.test(line)) {
    const claims: ClaimText[] = [];
    const cells = line.trim().replace(outerPipes, "").split("|").map(undecorate);
    for (let i = 0; i + 1 < cells.length; i++) {
      // `| 1M rows × 1KB | 1 GB |`: an expression cell followed by its value cell.
      if (isWorkingCell(cells[i]) && statedValueStart.test(cells[i + 1])) {
        claims.push({ left: cells[i], right: cells[i + 1], separator: "|", table: true, context: cells.join(" | "), at: cells.slice(0, i + 1).join(" | ").length + 1, chained: false, continues: false, approximate: false });
      }
    }
    for (const cell of cells) claims.push(...separatedClaims(cell), ...(cell.includes("(") ? reversedClaims(cell) : []));
    return claims;
  }
  let text = undecorate(line);
  if (wordSeparator.test(text)) text = text.replace(wordSeparators, (_, approx: string | undefined) => (approx ? " ≈ " : " = "));
  const claims = separatedClaims(text);
  return text.includes("(") ? [...claims, ...reversedClaims(text)] : claims;
}

/** A bracket holding working, not followed by more of an expression (`(2+5)20` multiplies, it does not explain). */
const bracketed = /\(([^()]*\d[^()]*)\)(?!\s*[\d*×x/÷+=(^])/g;
/** A stated value, read from its first character to the end of the text before the bracket (sticky: no searching). */
const valueAt = /(?:US\$|R\$|[$€£₹])?\s?[~≈]?\d[\d.,']*(?: \d{3})*(?:\s?[A-Za-zÀ-ÖØ-öø-ÿ%]+)?(?:\s?\/\s?[A-Za-zÀ-ÖØ-öø-ÿ]+|\s(?:per|por|a|each|cada)\s[A-Za-zÀ-ÖØ-öø-ÿ]+)*\s*$/y;
const valueStart = /[\d$€£₹R~≈]/;
const beforeValue = /[\s:(]/;
/** Working in brackets starts with its first value, a currency, a bracket or an approximation sign. */
const workingStart = /^(?:[\d.(~≈=$€£₹]|R\$|US\$|~=)/;
const bracketRestatement = /^(?:≈|~|=|~=)\s*(\d.*)$/;

/**
 * `1.540 (7 pageviews/dia * 22 dias/mês)`, `$23/mês (1M × 2KB × $0.023/GB)`: a value, then the working that
 * gives it in brackets. The claim is the bracket's expression = the value before it.
 */
/** The value a text ends with (`… Aluno/Mês: 1.540`, `… $23/mês`): tried from each place a value may start, after a space or `:`. */
function valueBefore(text: string): string | undefined {
  for (let i = 0; i < text.length; i++) {
    if (!valueStart.test(text[i]) || (i > 0 && !beforeValue.test(text[i - 1]))) continue;
    valueAt.lastIndex = i;
    if (valueAt.test(text)) return text.slice(i).trim();
  }
  return undefined;
}

function reversedClaims(text: string): ClaimText[] {
  const claims: ClaimText[] = [];
  bracketed.lastIndex = 0;
  for (let m = bracketed.exec(text); m; m = bracketed.exec(text)) {
    const inner = m[1].trim();
    // `(3M × 30 KB)` works the value out; `(assuming peak is 1/5 of day)` is prose with a number in it.
    if (!workingStart.test(inner)) continue;
    const value = valueBefore(text.slice(Math.max(0, m.index - 40), m.index));
    if (!value) continue;
    // `2 millones/mes (≈2,778/día)`: the same value restated in brackets, in another unit.
    const restated = bracketRestatement.exec(inner);
    if (restated) {
      claims.push({ left: value, right: restated[1], separator: "≈", table: false, context: text, at: m.index, chained: false, continues: false, approximate: true });
      continue;
    }
    if (!isExpressionCell(inner) || separatorPattern.test(inner)) continue;
    separatorPattern.lastIndex = 0;
    claims.push({ left: inner, right: value, separator: "=", table: false, context: text, at: m.index, chained: false, continues: false, approximate: false });
  }
  separatorPattern.lastIndex = 0;
  return claims;
}

/** A table cell that computes: a digit, then an operator, then a digit (`1M rows × 1KB`). */
function isExpressionCell(cell: string): boolean {
  const operator = cellOperator.exec(cell);
  return operator !== null && digit.test(cell.slice(0, operator.index + 1)) && digit.test(cell.slice(operator.index + 1));
}

/** A table cell that works something out: `/` alone is as often a unit (`$0.0004 / 1k` is a price per thousand). */
function isWorkingCell(cell: string): boolean {
  return isExpressionCell(cell) && workingOperator.test(cell);
}

const workingOperator = /[×*·÷+]|\sx\s|\d\s*x\s*\d/;

/** Markdown decoration off: emphasis, code ticks, list and quote markers, headings. */
export function undecorate(text: string): string {
  if (text.includes("&")) text = text.replace(entity, (_, name: string) => entities[name.toLowerCase()] ?? " ");
  if (text.includes("<sup>")) text = text.replace(superscript, "^$1");
  if (text.includes("\\")) text = untex(text);
  if (text.includes("\\*")) text = text.replace(escapedStar, " × ");
  text = text.replace(listOrHeadingMarker, "");
  // Most lines have no emphasis or code ticks: the patterns run only on the lines that do.
  if (text.includes("*") || text.includes("_") || text.includes("`")) text = text.replace(strongOrCode, " ").replace(emphasisMarker, "$1");
  return text.replace(whitespaceRun, " ").trim();
}

// No leading \s*: a run of spaces before no separator would make the global search quadratic.
// A spaced ` ~ ` is a relation too (`200K / 3 ~ 66`); `= ~350` keeps `~` as the stated side's approximation.
/**
 * Separators written as words between two values: `2 years approximating to 730 days`, `5 × 8 equals 40`,
 * `igual a`, `equivale a`. The approximate ones read as `≈`, the others as `=`.
 */
const wordSeparators = /\s(?:(approximat(?:ing|es|ed|ely\s+equal)\s+to|aproximadamente\s+igual\s+a)|(?:is\s+)?equal\s+to|equals|works?\s+out\s+to|comes?\s+(?:out\s+)?to|amounts?\s+to|(?:é\s+)?igual\s+a|equivale\s+a|resulta\s+em)\s/gi;
const wordSeparatorPattern = new RegExp(wordSeparators.source, "i");
/** Whether a line may hold a word separator: a quick look for the words first, the pattern only then. */
const wordSeparator = { test: (line: string): boolean => (line.includes(" to ") || line.includes("equal") || line.includes("igual") || line.includes("equivale") || line.includes("resulta")) && wordSeparatorPattern.test(line) };
const separatorPattern = /(=~|={1,2}>?|≈|~=|→|->|(?<=\S\s)~(?=\s))/g;
const digitPercentOrBracket = /[\d%)]/;

/** A spaced `~` relates what comes before it only after a number, a letter, `%` or `)` (`200K / 3 ~ 66`). */
function tildeRelates(text: string, index: number): boolean {
  return digitPercentOrBracket.test(text[index - 2]) || isLetterBefore(text, index - 1);
}

/** Claims read from one line at most: a line of a thousand `=` is not notes. */
const maxClaimsPerLine = 50;

const commaBeforeOperator = /,\s*(?=[×*·]\s*\d)/g;
const danglingOperator = /(?<=\S)\s*[*×·/+]$/;
const trailingOperator = /(?:[*×·/+÷]|\sx)\s*$/;

/** Whether a text ends in an operator, its value to be continued (`3.5 x`, `200M *`). */
export const endsInOperator = (text: string): boolean => trailingOperator.test(text);

/** Words before a stated value that only say it is approximate or rounded (`→ round to 700K`, `≈ cerca de 5 TB`). */
const approximately = /^(?:round(?:ed)?(?:\s+(?:up|down))?\s+to|rounds?\s+to|about|around|roughly|approx(?:imately)?\.?|aprox(?:imadamente)?\.?|cerca\s+de|quase|aproximadamente|almost|nearly|~|≈)\s*/i;

/** Words in brackets after a value, with no number, ending the step: a remark (`3,08TB (mas apenas previews)`). */
const proseRemark = /\([^()\d]*[A-Za-zÀ-ÖØ-öø-ÿ]{2}[^()\d]*\)\s*$/;

function separatedClaims(text: string): ClaimText[] {
  const parts: string[] = [];
  const separators: string[] = [];
  const offsets: number[] = [];
  let last = 0;
  separatorPattern.lastIndex = 0;
  // exec, not matchAll: in code that runs cold, an iterator's result per match is more garbage.
  for (let match = separatorPattern.exec(text); match; match = separatorPattern.exec(text)) {
    if (match[1] === "~" && !tildeRelates(text, match.index)) continue;
    parts.push(text.slice(last, match.index).trim());
    // `==` is `=`, `==>` is `=>`: one separator, however many strokes; `=~` is `≈` written backwards.
    separators.push(match[1] === "=~" ? "≈" : match[1].replace(/^==/, "="));
    offsets.push(match.index);
    last = match.index + match[0].length;
    if (separators.length > maxClaimsPerLine) break;
  }
  parts.push(text.slice(last).trim());
  // `≈ ~27 PB, ×3 replication ≈ …`: a comma before an operator continues the value before it.
  for (let i = 0; i < parts.length; i++) if (parts[i].includes(",")) parts[i] = parts[i].replace(commaBeforeOperator, " ");
  // `600 billion messages * 100 KB *  = 60TB`: an operator left dangling before the separator.
  for (let i = 0; i + 1 < parts.length; i++) parts[i] = parts[i].replace(danglingOperator, "");
  let approximate: boolean[] | undefined;
  for (let i = 1; i < parts.length; i++) {
    if (!approximately.test(parts[i])) continue;
    (approximate ??= []) [i] = true;
    parts[i] = parts[i].replace(approximately, "");
  }
  const claims: ClaimText[] = [];
  let previous = -2;
  // `… =~ 3.5 x` then `10^6 bytes/second`: a stated value cut by the end of the line is read with the next line.
  const cut = separators.length > 0 && endsInOperator(parts[parts.length - 1]) ? separators.length - 1 : separators.length;
  for (let i = 0; i < cut; i++) {
    // `≈ 3,08TB (mas apenas thumbnails mais acessados) ≈ 50GB`: a remark in brackets changes what the next step
    // is about; it no longer restates the value before.
    if (i > 0 && parts[i].includes("(") && proseRemark.test(parts[i]) && !cellOperator.test(parts[i].slice(0, parts[i].lastIndexOf("(")))) {
      previous = -2;
      continue;
    }
    if (digit.test(parts[i]) && stated.test(parts[i + 1])) {
      claims.push({ left: parts[i], right: parts[i + 1], separator: separators[i], table: false, context: text, at: offsets[i], chained: i + 1 < separators.length, continues: previous === i - 1, approximate: approximate?.[i + 1] === true });
      previous = i;
    }
  }
  return claims;
}
