import { type ClaimLiteral, type Judgement, judgeClaim } from "../judge/claim.js";
import { type Slip, defaultTolerance, distinctive, isCommonFactor } from "../judge/slips.js";
import { type MathFunctions, type Quantity, type ReadingNote, type Terms, type Language, type WrittenQuantity, languageOf, midpoint, nounNamed, quantitiesIn, sameDim } from "../notation/index.js";
import type { ReferenceTable } from "../reference.js";
import { type ClaimText, endsInOperator, fenceSkipsCode, findClaims, isFence, undecorate } from "./claims.js";
import { type NameDefinition, type NameProblem, Names, definitionOf, plainNumber, readValue } from "./names.js";
import { type CapacityMatchers, capacityMatchers, findCapacityClaim } from "./overclaims.js";
import { Suppressions } from "./suppress.js";

export type FindingVerdict = "ok" | "wrong" | "propagated" | "reference";

/** The rule a finding comes from: a stable id for editors, CI annotations and suppressions. */
export type FindingRule = "arithmetic" | "propagated" | "capacity" | "name";

/** Every rule, in the order the README lists them. */
export const findingRules: readonly FindingRule[] = ["arithmetic", "propagated", "capacity", "name"];

/** One checked claim, located in its file. Numbers are in the unit written on the stated side. Data only: the shell words it. */
export interface Finding {
  file: string;
  line: number;
  /** 1-based column where the claim starts in the line as written. */
  column: number;
  text: string;
  claim: string;
  verdict: FindingVerdict;
  rule: FindingRule;
  stated: number | string;
  expected: number | string;
  unit: string;
  /** A currency written before the stated number (`$`), or empty. */
  unitBefore?: string;
  factor?: number;
  /** For a wrong claim: the slip that most likely explains it. */
  slip?: Slip;
  /** What the reading of the line chose (senses, formats, conversions). */
  reading: ReadingNote[];
  /** For `propagated`: the line whose wrong result this one used, that result, and what it should have been. */
  from?: number;
  upstream?: { stated: number; correct: number };
  /** For `propagated` when the line as written also gives another value: that value. */
  asWritten?: number;
  /** For rule `name`: a name used before its definition, or defined again with another value. */
  name?: NameProblem;
  /** Silenced by a `<!-- napkin-disable… -->` comment: listed with --all, never counted as a slip. */
  suppressed?: boolean;
  /** For `reference`: the figure compared with. */
  figure?: { id: string; name: string; per?: string; low: number; high: number; openEnded: boolean; source: string };
}

/** Something about the notes that is no claim: a suppression comment naming rules napkin does not have. Data; the shell words it. */
export interface CheckNotice {
  line: number;
  kind: "unknown-rule";
  rules: readonly string[];
}

export interface CheckSummary {
  claims: number;
  ok: number;
  wrong: number;
  propagated: number;
  reference: number;
  /** Findings a suppression comment silenced (not in the counts above). */
  suppressed: number;
}

export interface CheckOptions {
  reference: ReferenceTable;
  tolerance?: number;
  monthSeconds?: number;
  functions?: MathFunctions;
  /** Rules turned off (a config file's `rules`): their findings are not made. */
  off?: ReadonlySet<FindingRule>;
  /** The file's `<!-- napkin-disable-file -->` comments, read ahead (fileDirectivesIn): they cover the whole file. */
  fileDirectives?: readonly string[];
}

export const emptySummary = (): CheckSummary => ({ claims: 0, ok: 0, wrong: 0, propagated: 0, reference: 0, suppressed: 0 });

/** A wrong result still in reach of later lines: what was stated (as written, with its units), and what it should have been. */
interface WrongResult {
  line: number;
  written: number;
  terms: Terms;
  value: Judgement["statedValue"];
  correct: number;
}

// Module constants, not literals in checkLine: a regex literal makes a new RegExp object on every call.
const digit = /\d/;
/** A heading of level one or two ends a worked answer; deeper ones (`### Bandwidth`) sit inside one. */
const heading = /^\s*#{1,2}\s/;
const anyHeading = /^\s*#{1,6}\s/;
/** A setext heading's underline (`Title` over `=====` or `-----`). */
const setextUnderline = /^ {0,3}(?:={3,}|-{3,})\s*$/;
const continuation = /^\s*(?:[-*+>]\s+)?(?:=|≈|~=|=>)/;
/** A line of raised exponents only: one- or two-digit numbers spaced apart (`      7         2`). */
const raisedExponents = /^ *\d{1,2}(?: {2,}\d{1,2})* *$/;
/** A fraction's bar drawn in dashes between values (`-------------    ~    ---------------`). */
const fractionBar = /-{5,}\s*[~=≈]|[~=≈]\s*-{5,}/;

/**
 * The line with the exponents written above it put in place (`10` under a `7` becomes `10^7`); undefined when
 * an exponent does not sit just after a number below it.
 */
function lowerExponents(above: string, line: string): string | undefined {
  const places: { at: number; exponent: string }[] = [];
  for (let i = 0; i < above.length; i++) {
    if (above[i] === " " || (i > 0 && above[i - 1] !== " ")) continue;
    let end = i;
    while (end < above.length && above[end] !== " ") end++;
    // The exponent starts where its base ends: right after a digit, before a space or the end of the line.
    if (!/\d/.test(line[i - 1] ?? "") || /\d/.test(line[i] ?? "")) return undefined;
    places.push({ at: i, exponent: above.slice(i, end) });
  }
  let out = line;
  for (let k = places.length - 1; k >= 0; k--) out = `${out.slice(0, places[k].at)}^${places[k].exponent}${out.slice(places[k].at)}`;
  return out;
}

const constant = <T>(value: T) => () => value;

/** Where a claim starts on its line (1-based): its expression's first word. */
function columnOf(text: string, expression: string): number {
  // The longest start of the expression written as it is: `3B / (24` finds the claim, not an earlier `3B reads`.
  const words = expression.split(" ");
  for (let k = Math.min(words.length, 6); k > 0; k--) {
    const at = text.indexOf(words.slice(0, k).join(" "));
    if (at >= 0) return at + 1;
  }
  return 1;
}

/**
 * Where, in a line, the claim starts that the next line completes: a separator it ends in (`… ÷ 86.400s/dia =`),
 * or the separator before a value it cuts (`… =~ 3.5 x`, then `10^6 bytes/second`); -1 when there is none.
 */
function continuedFrom(line: string): number {
  const separator = danglingSeparator(line);
  if (separator) return line.trimEnd().length - separator.length;
  if (!endsInOperator(line)) return -1;
  let at = Math.max(line.lastIndexOf("="), line.lastIndexOf("≈"), line.lastIndexOf("~"));
  // `=~`, `~=`, `==`: the separator starts at its first stroke.
  if (at > 0 && (line[at - 1] === "=" || line[at - 1] === "~")) at--;
  return at > 0 && digit.test(line.slice(0, at)) ? at : -1;
}

/** The `=` or `≈` a line ends in after its working (`7.424 × 10^12 bits/dia ÷ 86.400s/dia =`): the next line holds the value. */
function danglingSeparator(line: string): string | undefined {
  const text = line.trimEnd();
  const separator = text.endsWith("~=") ? "~=" : text.endsWith("=") && !text.endsWith("==") ? "=" : text.endsWith("≈") ? "≈" : undefined;
  return separator && digit.test(text.slice(-80)) && endsInSpace.test(text.slice(0, -separator.length)) ? separator : undefined;
}

const endsInSpace = /\s$/;
/** A line that starts with an operator other than a list bullet's (`÷ 30s`, `× 3 réplicas`, `/ 86,400`). */
const operatorStart = /^\s*[÷×/]\s*\(?\s*\d/;
const nonBlank = /\S/;

/** The last claim judged, for the step of a chain that continues it. */
interface CheckerChain {
  judged: Judgement;
  finding: Finding;
  line: number;
}

/** What most lines hold: one shared, frozen empty list, so a line without claims allocates nothing. */
const noFindings: readonly Finding[] = Object.freeze([]);

/** How far (in lines) a wrong result can propagate within a block: a worked answer's chain, not the whole file. */
const propagationWindow = 40;

/**
 * Values too common to say a line reused an earlier one: one- and two-digit numbers and the usual factors,
 * unless the units written with them match too.
 */

/** Whether a line ends in an expression a continuation line can complete: after its last separator, values and an operator. */
function endsInExpression(line: string): boolean {
  const tail = line.slice(Math.max(...["=", "≈", "~"].map((s) => line.lastIndexOf(s))) + 1);
  return digit.test(tail) && openExpression.test(tail);
}

/**
 * `Throughput: 12 batches/minuto` then `= 43,200 batches/hora`: a line that ends in a rate written with a slash,
 * converted on the next line. Read from the end, with no pattern searching the line (linear on any input).
 */
function endsInQuantity(line: string): boolean {
  const text = line.trimEnd();
  const slash = text.lastIndexOf("/");
  if (slash < 0 || !lettersOnly.test(text.slice(slash + 1).trim())) return false;
  const before = text.slice(Math.max(0, slash - 40), slash).trimEnd();
  return unitAfterNumber.test(before);
}

const lettersOnly = /^[A-Za-zÀ-ÖØ-öø-ÿ]+$/;
/** The end of `12 batches`, `200.000 visitas de faixa`: a digit, then at most three words (anchored at the end of a short slice). */
const unitAfterNumber = /\d\s?(?:[A-Za-zÀ-ÖØ-öø-ÿ]{1,20}\s){0,2}[A-Za-zÀ-ÖØ-öø-ÿ]{0,20}$/;
const conversionContinuation = /^\s*(?:[-*+>]\s+)?(?:=|≈|~=)(?!>)/;

/** A whole-line comment in code: `#`, `//` or `--`, then a space. */
const codeComment = /^\s*(?:#+|\/\/+|--)(?=\s)/;

const openExpression = /\d\s*[a-zA-Z%]*\s*[*×·/÷+^]|[*×·/÷+^]\s*\(?\s*\d/;

/**
 * Checks a notes file line by line, keeping only what later lines need: whether we are inside a code
 * fence, the line before (for a continuation that starts with `=`), and the recent wrong results (for
 * `propagated`). Feed it lines as they stream in.
 */
export class NotesChecker {
  readonly summary: CheckSummary = emptySummary();
  private readonly suppressions: Suppressions;
  /** The stated value of the last claim judged: a definition line's value, without reading it again. */
  private lastStated: Quantity | undefined;
  private readonly names = new Names();
  /** What the checker has to say that is no finding (a directive naming a rule napkin has not), until taken. */
  readonly notices: CheckNotice[] = [];
  /** Whether the line's claims were read joined to the line before (working written over two lines). */
  private joined = false;
  /** Blank lines in a row: two end a block of names. */
  private blanks = 0;
  private fence: "none" | "math" | "code" = "none";
  private readonly quantities = new Map<string, readonly WrittenQuantity[]>();
  private wrongResults: WrongResult[] = [];
  /** The line before, undecorated, when a continuation may extend it. */
  private previous = "";
  /** The line before, when it held only raised exponents. */
  private raised: string | undefined;
  /** The last three lines with words, for the words a diagnosis may draw on (`With replication (3x):`). */
  private recent0 = "";
  private recent1 = "";
  private recent2 = "";
  /** The last claim judged, on this line or the one a continuation extends: `b = c` carries `a = b`'s error. */
  private lastClaim: CheckerChain | undefined;
  private readonly matchers: CapacityMatchers;
  private readonly tolerance: number;

  constructor(
    private readonly file: string,
    private readonly options: CheckOptions,
  ) {
    this.matchers = capacityMatchers(options.reference);
    this.suppressions = new Suppressions(options.fileDirectives);
    this.tolerance = options.tolerance ?? defaultTolerance;
  }

  /**
   * Every claim on one line, as findings (right ones too: the caller decides what to show). A finding of a rule
   * turned off is not made; one a suppression comment covers is marked `suppressed` and counted apart.
   */
  checkLine(text: string, line: number, functions?: MathFunctions): readonly Finding[] {
    // A comment shown in code (a fence, a code span) is an example, not a directive.
    this.suppressions.read(this.fence === "none" && !isFence(text) ? text : "");
    // A block of names ends at a heading (any level), or at two blank lines in a row.
    const underText = this.blanks === 0 && this.recent2 !== "";
    this.blanks = nonBlank.test(text) ? 0 : this.blanks + 1;
    if (!this.names.empty && (this.blanks === 2 || (this.fence === "none" && (anyHeading.test(text) || (underText && setextUnderline.test(text)))))) this.names.reset();
    const findings = this.findingsOf(text, line, functions);
    if (this.suppressions.unknownRules.length) this.notices.push({ line, kind: "unknown-rule", rules: this.suppressions.unknownRules });
    if (findings.length === 0) return noFindings;
    const kept = this.options.off?.size ? findings.filter((f) => !this.options.off!.has(f.rule)) : findings;
    for (let i = 0; i < kept.length; i++) {
      this.summary.claims++;
      if (this.suppressions.suppresses(kept[i].rule, this.joined)) {
        kept[i].suppressed = true;
        this.summary.suppressed++;
      } else this.summary[kept[i].verdict]++;
    }
    return kept;
  }

  private findingsOf(text: string, line: number, functions?: MathFunctions): readonly Finding[] {
    // Maths drawn in two dimensions: exponents raised onto the line above (`      7` over `1 * 10  URLs`) are
    // put back (`1 * 10^7 URLs`); a fraction drawn with a bar of dashes is not read at all.
    const raised = this.raised;
    this.raised = raisedExponents.test(text) ? text : undefined;
    if (raised !== undefined) {
      const lowered = lowerExponents(raised, text);
      if (lowered === undefined) return noFindings;
      text = lowered;
    }
    if (fractionBar.test(text)) return noFindings;
    if (isFence(text)) {
      this.fence = this.fence === "none" ? (fenceSkipsCode(text) ? "code" : "math") : "none";
      this.previous = "";
      return noFindings;
    }
    if (this.fence === "code") {
      // In code, only a comment may hold working (`# 1000 uploads / 100 threads = 10 s`): read it as prose.
      const marker = codeComment.exec(text);
      if (!marker) return noFindings;
      text = " ".repeat(marker[0].length) + text.slice(marker[0].length);
    }
    // A line that defines a name (`DAU = 20M × 5% = 1M`, `DAU: 1M`) keeps its own name; the names it uses become
    // their values, before the line is joined to working above or below it.
    // A definition states a value: a line without a digit defines nothing (and most lines are spared the pattern).
    const definition = this.fence === "none" && digit.test(text) ? definitionOf(text) : undefined;
    const written = text;
    const substituted = this.names.substitute(text, definition?.valueAt ?? 0);
    if (substituted !== undefined) text = substituted;
    const previous = this.previous;
    // Working written down the page (`100K usuários` / `÷ 30s entre ações` / `= 55 req/s`): an operator line extends the line before.
    const extends_ = previous !== "" && operatorStart.test(text);
    this.previous = extends_ ? `${previous} ${text.trim()}` : digit.test(text) ? text : text.trim() ? "" : this.previous;
    const lastClaim = this.lastClaim;
    this.lastClaim = undefined;
    // The lines before, kept as they are (three fields, no list per line): joined only when a claim needs their words.
    const r0 = this.recent0;
    const r1 = this.recent1;
    const r2 = this.recent2;
    if (nonBlank.test(text)) {
      this.recent0 = r1;
      this.recent1 = r2;
      this.recent2 = text;
    }
    if (!digit.test(text)) return noFindings;
    if (heading.test(text) && this.fence === "none") {
      this.wrongResults = [];
      this.recent0 = this.recent1 = this.recent2 = "";
    }
    if (this.wrongResults.length > 0) this.wrongResults = this.wrongResults.filter((w) => line - w.line <= propagationWindow);
    const claims = this.claimsOf(text, previous);
    const findings: Finding[] = claims.length ? this.judgeClaims(claims, text, line, [r0, r1, r2], lastClaim, functions) : [];
    const capacity = findings.length ? undefined : findCapacityClaim(text, this.matchers, this.tolerance);
    if (capacity) {
      const { figure } = capacity;
      findings.push({
        ...this.base(text, line, capacity.claimedText),
        verdict: capacity.overClaim ? "reference" : "ok",
        rule: "capacity",
        stated: capacity.claimedText,
        expected: capacity.table,
        unit: "/s",
        reading: [{ kind: "sense", text: figure.id, chosen: "reference figure" }],
        figure: { id: figure.id, name: figure.name, per: figure.per, low: figure.quantity.low, high: figure.quantity.high, openEnded: Boolean(figure.openEnded), source: figure.source },
      });
    }
    // A claim nothing could be judged on (`writes = DAU * 10 = 10M`) may use a name not defined yet: a later
    // definition says so. A formula with no stated value (`QPS = DAU * 10 / 86,400`, then `DAU: 1M`) is not one.
    if (findings.length === 0 && claims.length > 0) this.names.noteUses(text, line);
    if (definition) {
      const problem = this.define(definition, text, line, findings);
      if (problem) findings.push(this.nameFinding(problem, definition.column, written, line));
    }
    if (findings.length && (substituted !== undefined || this.names.carries)) {
      for (let i = 0; i < findings.length; i++) {
        findings[i].text = written.trim();
        findings[i].claim = this.names.restore(findings[i].claim);
        // The column as written: the values put in for names moved what follows them.
        findings[i].column = columnOf(written, findings[i].claim);
      }
    }
    return findings;
  }

  /** Defines the name a line's head names as its stated value (the last claim's), or as the value written after it. */
  private define(head: { name: string; column: number; valueAt: number }, text: string, line: number, findings: readonly Finding[]): NameProblem | undefined {
    let last: Finding | undefined;
    for (const f of findings) if (f.rule === "arithmetic" || f.rule === "propagated") last = f;
    // The stated value of the line's last claim, or the plain value written after the head: each read once.
    const read = last
      ? typeof last.stated === "number" && this.lastStated ? { text: `${last.unitBefore ?? ""}${plainNumber(last.stated)}${last.unit ? ` ${last.unit}` : ""}`, quantity: constant(this.lastStated) } : undefined
      : readValue(text.slice(head.valueAt), this.options.monthSeconds);
    if (!read) return undefined;
    const definition: NameDefinition = { name: head.name, value: read.text, quantity: read.quantity, line, column: head.column };
    return this.names.define(definition, this.tolerance);
  }

  private nameFinding(problem: NameProblem, column: number, text: string, line: number): Finding {
    return {
      file: this.file,
      line,
      column,
      text: text.trim(),
      claim: problem.name,
      verdict: "wrong",
      rule: "name",
      stated: problem.kind === "redefined" ? problem.value : problem.name,
      expected: problem.kind === "redefined" ? problem.before.value : "",
      unit: "",
      reading: [],
      name: problem,
    };
  }

  /** A line's claims judged, in order; a chain's step carries the one before it. */
  private judgeClaims(claims: readonly ClaimText[], text: string, line: number, recent: readonly [string, string, string], lastClaim: CheckerChain | undefined, functions?: MathFunctions): Finding[] {
    const [r0, r1, r2] = recent;
    const findings: Finding[] = [];
    // Worked out only when a claim asks: most claims fit as written.
    let written: WrittenQuantity[] | undefined;
    let beforeText: string | undefined;
    const before = () => (beforeText ??= `${r0} ${r1} ${r2}`.slice(-600));
    const nearby = () => (written ??= [r0, r1, r2, text].flatMap((l) => this.quantitiesOf(l)));
    // The line's language, or the language of the lines just before it (`mil`, `86.400` depend on it).
    let lineLanguage: Language | undefined | null = null;
    const language = () => (lineLanguage === null ? (lineLanguage = languageOf(text) ?? languageOf(r2) ?? languageOf(r1) ?? languageOf(r0)) : lineLanguage);
    // The claim a chain step continues: on a continuation line, the last claim of the line before.
    let chain = continuation.test(text) ? lastClaim : undefined;
    // Index loops here and below: in code that runs cold, for-of makes an iterator and a result per element.
    for (let i = 0; i < claims.length; i++) {
      const restates = claims[i].continues && chain !== undefined;
      const judged = judgeClaim(claims[i], { tolerance: this.tolerance, monthSeconds: this.options.monthSeconds, functions: functions ?? this.options.functions, restates, before, nearby, language });
      if (!judged) {
        chain = undefined;
        continue;
      }
      const finding = this.judge(judged, text, line, claims[i].continues ? chain : undefined);
      findings.push(finding);
      chain = this.lastClaim = { judged, finding, line };
    }
    return findings;
  }

  /** The quantities written on a line (`7 Billion`), kept for the few lines that may ask again. */
  private quantitiesOf(text: string): readonly WrittenQuantity[] {
    if (!text) return [];
    let found = this.quantities.get(text);
    if (!found) {
      if (this.quantities.size > 8) this.quantities.clear();
      this.quantities.set(text, (found = quantitiesIn(text)));
    }
    return found;
  }

  /** The line's claims; a line that starts with `=` continues the expression the line before ended with. */
  private claimsOf(text: string, previous: string): ClaimText[] {
    this.joined = false;
    if (!previous) return findClaims(text);
    // `7.424 × 10^12 bits/dia ÷ 86.400s/dia =` then `85.925.925,93 bits/s =`: a line that ends in a separator,
    // or in a value cut short, is completed by the next one.
    const before = continuedFrom(previous) >= 0 || operatorStart.test(text) || continuation.test(text) ? undecorate(previous) : "";
    if (!before) return findClaims(text);
    const dangling = continuedFrom(before);
    if (dangling < 0 && !operatorStart.test(text) && !endsInExpression(before) && !(endsInQuantity(before) && conversionContinuation.test(text))) return findClaims(text);
    const joined = `${before} ${undecorate(text)}`;
    this.joined = true;
    // Only the claims whose separator is on this line (or at the end of the line before) are this line's; the
    // line before reported its own. The first of them continues the line before.
    const from = dangling >= 0 ? dangling : before.length + 1;
    return findClaims(joined)
      .filter((c) => c.at >= from)
      .map((c, i) => (i === 0 && dangling < 0 ? { ...c, continues: true } : c));
  }

  private base(text: string, line: number, claim: string) {
    const at = text.indexOf(claim.split(" ")[0]);
    return { file: this.file, line, column: at >= 0 ? at + 1 : 1, text: text.trim(), claim };
  }

  /** A judged claim becomes ok, wrong, or propagated (it reused an earlier line's wrong result, or continues a wrong step). */
  private judge(claim: Judgement, text: string, line: number, chain?: CheckerChain): Finding {
    this.lastStated = claim.statedValue;
    // One shape, no spreads or getters: a finding is made for every claim of every line.
    const finding: Finding = {
      file: this.file,
      line,
      column: columnOf(text, claim.expression),
      text: text.trim(),
      claim: `${claim.expression} ${claim.separator} ${claim.statedText}`,
      verdict: claim.verdict,
      rule: "arithmetic",
      stated: tidy(claim.stated),
      expected: tidy(claim.expected),
      unit: claim.unit,
      factor: tidy(claim.factor),
      reading: claim.notes(),
    };
    if (claim.unitBefore) finding.unitBefore = claim.unitBefore;
    if (claim.slip) finding.slip = { ...claim.slip, factor: tidy(claim.slip.factor) };
    const upstream = this.continued(claim, chain) ?? this.reuse(claim, text, line);
    if (upstream) {
      const { wrong, corrected } = upstream;
      const ownSlip = claim.verdict === "wrong";
      const statedMatchesCorrected = Math.abs(claim.stated - corrected) <= Math.abs(corrected) * this.tolerance;
      // Right as written with the wrong value, or right once the earlier correction is carried through: the slip is upstream.
      if (!ownSlip || statedMatchesCorrected) {
        Object.assign(finding, {
          verdict: "propagated",
          rule: "propagated",
          from: wrong.line,
          upstream: { stated: tidy(wrong.written), correct: tidy(wrong.correct) },
          expected: tidy(corrected),
          factor: tidy(claim.stated / corrected),
          ...(ownSlip ? { asWritten: tidy(claim.expected) } : {}),
        });
        delete finding.slip;
        // A chain carries on: a line that reuses this line's result is propagated too.
        if (!statedMatchesCorrected) this.remember(line, claim, corrected);
        return finding;
      }
    }
    if (claim.verdict === "wrong") this.remember(line, claim, claim.expected);
    return finding;
  }

  private remember(line: number, claim: Judgement, correct: number) {
    // `correct` is in the stated unit; as written, with the stated side's scale (its number is `statedWritten`).
    const scale = claim.stated === 0 ? 1 : claim.statedWritten / claim.stated;
    this.wrongResults.push({ line, written: claim.statedWritten, terms: claim.statedTerms, value: claim.statedValue, correct: correct * scale });
  }

  /**
   * A chain step (`a = b = c`, also across a continuation line) after a wrong or propagated step carries its
   * error: `b = c` is right as written but `b` is not what `a` gives. The correction is `c` scaled as `a` is to `b`.
   */
  private continued(claim: Judgement, chain?: CheckerChain): { wrong: WrongResult; corrected: number } | undefined {
    if (!chain || chain.finding.verdict === "ok" || chain.finding.verdict === "reference") return undefined;
    const before = chain.judged;
    const statedBase = midpoint(before.statedValue);
    if (statedBase === 0) return undefined;
    const expectedBase = chain.finding.verdict === "propagated" ? midpoint(before.statedValue) * (Number(chain.finding.expected) / before.stated) : midpoint(before.value);
    const unitFactor = claim.stated === 0 ? 1 : midpoint(claim.statedValue) / claim.stated;
    const corrected = (midpoint(claim.value) * (expectedBase / statedBase)) / unitFactor;
    if (!Number.isFinite(corrected)) return undefined;
    const scale = before.stated === 0 ? 1 : before.statedWritten / before.stated;
    return { wrong: { line: chain.line, written: before.statedWritten, terms: before.statedTerms, value: before.statedValue, correct: (expectedBase / (statedBase / before.stated)) * scale }, corrected };
  }

  /**
   * The earlier wrong result this claim reuses, and the claim's value with the correction carried through. A
   * reuse is the same number written, when it is distinctive or its units match (`66 * 100 = 6k/sec` after
   * `200k / 3 = 66pings/sec`: both per second); and only when the claim is right with one value or the other.
   */
  private reuse(claim: Judgement, text: string, line: number): { wrong: WrongResult; corrected: number } | undefined {
    for (let i = this.wrongResults.length - 1; i >= 0; i--) {
      const wrong = this.wrongResults[i];
      const literal = claim.literals().find((l) => sameNumber(l.written, wrong.written) && (distinctive(wrong.written) || unitsMatch(wrong, l.terms, claim, text) || justBefore(wrong, l, line)));
      if (!literal) continue;
      // The literal as the correction: its value scaled by correct ÷ wrong (its units and reading kept).
      const factor = wrong.correct / wrong.written;
      const corrected = claim.reevaluate(new Map([[literal.node, { ...literal.value, low: literal.value.low * factor, high: literal.value.high * factor }]]));
      if (corrected === undefined || !Number.isFinite(corrected)) continue;
      return { wrong, corrected };
    }
    return undefined;
  }
}

/**
 * Whether a bare or labelled reuse carries the wrong value's units: the same written terms, the same dimension
 * on the stated side, or the wrong value's counting noun named on the reusing line (`For 1 billion URLs, …`).
 */
function unitsMatch(wrong: WrongResult, terms: Terms, claim: Judgement, text: string): boolean {
  // `1.5GB/86400` after `= 1.5 GB/day`: the literal's units are the wrong value's (its period may be left off).
  if (terms.length && wrong.terms.length) return terms.every((t) => wrong.terms.some((u) => u.id === t.id && u.power === t.power));
  if (wrong.terms.length === 0) return false;
  const dim = wrong.value.dim;
  const dimensional = dim.t !== 0 || dim.d !== 0 || dim.c !== 0;
  if (dimensional) return sameDim(claim.value.dim, dim) || sameDim(claim.statedValue.dim, dim);
  const nouns = wrong.terms.filter((t) => t.key === undefined).map((t) => t.id);
  return claim.statedTerms.some((t) => nouns.includes(t.id)) || nouns.some((noun) => nounNamed(noun, text));
}

/** How close a reuse of an ordinary number must be to count: the very next lines, as the first value worked on. */
const reuseReach = 3;

/** `= 87` then `87 * 150B * 8 = …` on the lines right after: the first value of the next steps is the result just found. */
function justBefore(wrong: WrongResult, literal: ClaimLiteral, line: number): boolean {
  const v = Math.abs(wrong.written);
  return literal.index === 0 && line - wrong.line <= reuseReach && !isCommonFactor(v) && (v >= 10 || !Number.isInteger(v));
}


const sameNumber = (a: number, b: number) => Math.abs(a - b) <= Math.abs(b) * 1e-9;
/** Twelve significant digits: no float noise in JSON, every real digit kept. */
const tidy = (n: number) => Number(n.toPrecision(12));
