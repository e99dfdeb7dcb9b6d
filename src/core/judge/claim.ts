import { NapkinError } from "../errors.js";
import type { ClaimText } from "../check/claims.js";
import {
  type Choice, type DimKey, type Language, type Literal, type MathFunctions, type Node, type Part, type Unit, type WordPart, type Parsed, type Picks, type Quantity, type Reading, type ReadingNote, type Terms, type WrittenQuantity,
  adoptEachOther, choicesOf, dependsOnLanguage, dimsWritten, enumeratePicks, isPlain, evaluateNode, literalsOf, midpoint, notesFor, numberValue, optionCost, parseNotation,
  readingCosts, readingFor, senseOf, sameDim, termsMeasure, termsSize, uncorroboratedCost, unitById, wordParts,
} from "../notation/index.js";
import { type Slip, type SlipContext, explainRatio, otherCost, withinTolerance } from "./slips.js";

/**
 * Judges one claim of a line (`200k / 3 = 66pings/sec`): the cheapest reading whose total cost is under the
 * ceiling and whose value matches the stated one within the tolerance makes it right; otherwise it is wrong,
 * and the diagnosis is the cheapest reading plus slip that explains the stated value. Returns data only.
 */

export interface JudgeOptions {
  tolerance: number;
  /** The claim restates the value a judged step before it gave (`a = b ≈ c`, `≈ 694K → round to 700K`). */
  restates?: boolean;
  /** The lines just before, whose words (`With replication (3x):`) inform the diagnosis. */
  before?: () => string;
  /** Quantities written on this line and the lines just before (`7 Billion`): a bare `7` may be one of them. */
  nearby?: () => readonly WrittenQuantity[];
  monthSeconds?: number;
  functions?: MathFunctions;
  /** The claim is a value = working claim turned round (`22 TB = 128 GB * 172 servers`): not to be turned again. */
  reversed?: boolean;
  /** The language the line is written in (its words, or the lines before): senses and number formats depend on it. */
  language?: () => Language | undefined;
}

/** A literal of the expression as read, for propagation: the number written (with its scale), and its units. */
export interface ClaimLiteral {
  readonly node: Node;
  /** The number as written, scale included, units not (`35K QPS` → 35,000; `1.08 TB` → 1.08). */
  readonly written: number;
  readonly terms: Terms;
  /** Its value under the reading taken (base units). */
  readonly value: Quantity;
  /** Its position among the expression's values: 0 for the first. */
  readonly index: number;
}

/** A claim judged. Numbers are in the unit written on the stated side. */
export interface Judgement {
  verdict: "ok" | "wrong";
  expression: string;
  separator: string;
  statedText: string;
  /** Offset of the expression in the claim's left text (where the claim starts). */
  start: number;
  /** The stated number, in the unit written after it. */
  stated: number;
  /** The right value in that unit (a range's middle). */
  expected: number;
  expectedRange?: { low: number; high: number };
  /** The unit written on the stated side (`pings/sec`, `TB/day`), or empty. */
  unit: string;
  /** A currency written before the stated number (`$`, `R$`), or empty. */
  unitBefore: string;
  /** stated ÷ expected. */
  factor: number;
  slip?: Slip;
  /** What the reading chose, worked out on first call. */
  notes(): ReadingNote[];
  cost: number;
  /** The stated value as written (number × scale) and its units, for later lines that reuse it. */
  statedWritten: number;
  statedTerms: Terms;
  statedValue: Quantity;
  /** The expression's value (base units) under the reading taken. */
  value: Quantity;
  /** Its values, worked out on first call: only a line after a wrong one needs them. */
  literals(): ClaimLiteral[];
  /** The expression re-evaluated under the reading taken, some literals replaced (a propagated correction). */
  reevaluate(replace: ReadonlyMap<Node, Quantity>): number | undefined;
}

/** A conversion a literal may stand for: its value, the dimension it converts, and how it is named. */
interface Conversion {
  value: number;
  key: "t" | "d" | "c";
  name: string;
  interview?: string;
  bits?: boolean;
}

const conversions = readingCosts.conversions as readonly Conversion[];
const { ceiling } = readingCosts;
const cost = readingCosts.costs;

/** Everything a reading of one claim evaluates to. */
interface Candidate {
  cost: number;
  value: Quantity;
  stated: Quantity;
  /** What the reading chose, worked out only for the reading taken. */
  notes: () => ReadingNote[];
  fits: boolean;
  left: Parsed;
  start: number;
  expression: string;
  reading: Reading;
  replace: Map<Node, Quantity>;
  right: StatedSide;
}

/** Reads and judges one claim; undefined when either side is not napkin notation (prose, code, unknown symbols). */
export function judgeClaim(claim: ClaimText, options: JudgeOptions): Judgement | undefined {
  const rights = statedCandidates(claim.right);
  if (rights.length === 0) return undefined;
  const lefts = expressionCandidates(claim);
  if (lefts.length === 0) return undefined;
  // A range stated as its middle (`5B-10B = 7.5B`) computes; a range set equal to a range (`3-5x = 350K-500K`) only names it.
  const rangeOnly = lefts[0].parsed.node.type === "literal" && rights[0].number.type === "literal" && rights[0].number.low !== undefined;
  const arithmetic = hasArithmetic(lefts[0].parsed.node) && !rangeOnly;
  // A value restated after a judged step: `≈ c`, `= c`, `→ round to c`; an arrow after a value is prose otherwise.
  // `~8,800 TB ≈ 9 TB/day`: two values said to be about equal is a claim too, read as a restatement.
  const restates = (Boolean(options.restates) && (claim.approximate || claim.separator === "=")) || ["≈", "~", "~="].includes(claim.separator);
  // `10B req/day → 100 req/sec` converts: an arrow between two values with units is a claim; `1 post → 500 writes` is not.
  const arrow = claim.separator === "→" || claim.separator === "->" || claim.separator === "=>";
  if (!arithmetic && !restates && arrow && !(writesUnit(lefts[0].parsed.node) && writesUnit(rights[0].parsed.node))) return undefined;
  // `22 TB = 128 GB * 172 servers`: a value, then the working that gives it; `Read (100/user/day) = 200M × 100 / 100K`
  // names an assumption, then works out something else.
  if (!arithmetic && rights[0].expression) return claim.separator === "=" && !options.reversed ? reversed(claim, lefts[0], rights[0], options) : undefined;
  // `in 2018 … = 4 Billion`, `Assumed in 2021 = 10 Billion`: a year names a time, it converts nothing.
  if (!arithmetic && isYear(lefts[0].parsed.node)) return undefined;
  // `Peak upload traffic (2x) = 100 uploads/sec`: a factor alone multiplies something written elsewhere.
  if (!arithmetic && isBareFactor(lefts[0].parsed.node)) return undefined;
  const base: Reading = { functions: options.functions, monthSeconds: options.monthSeconds, subtractInverted: true };
  const line: ClaimShape = { restates, arrow, arithmetic, context: claim.context };

  const candidates: Candidate[] = [];
  search: for (const right of rights) {
    // Two expressions compared (`1e9 / (30 * 86,400) = 1e9 / 86,400`) must both compute: `20M writes a day = 20M / 86,400` defines, not claims.
    if (right.expression && !arithmetic) continue;
    for (const left of lefts) {
      if (left.cost + right.cost > ceiling) continue;
      const found = readingsOf(left, right, base, options, line, ceiling - left.cost - right.cost);
      for (const c of found) {
        const notes = left.cost ? () => [...c.notes(), { kind: "label-dash" as const, text: claim.left.slice(0, left.start).trim(), chosen: "label" }] : c.notes;
        candidates.push({ ...c, cost: c.cost + left.cost + right.cost, notes, right });
      }
      // The usual reading of the whole claim fits: nothing cheaper can follow.
      if (left === lefts[0] && right === rights[0] && found[0]?.fits && found[0].cost === 0) break search;
    }
  }
  let valid = candidates.filter((c) => Number.isFinite(c.cost));
  if (valid.length === 0) {
    // No reading whose units agree: the units may only annotate the numbers (`6M/day / 86400 s = 70/s`).
    const right = rights[0];
    const annotated = arithmetic && annotationFits(lefts[0], right) ? readingsOf(lefts[0], right, { ...base, annotate: true }, options, line, ceiling - cost.annotation) : [];
    valid = annotated.map((c) => ({ ...c, cost: c.cost + cost.annotation, notes: () => [...c.notes(), { kind: "annotation", text: claim.left, chosen: "labels" }], right }));
  }
  if (valid.length === 0) return undefined;
  const fitting = valid.filter((c) => c.fits && c.cost <= ceiling).sort((a, b) => a.cost - b.cost)[0];
  if (fitting) return judgement(claim, fitting.right, fitting, "ok", undefined, options);

  // Wrong under every plausible reading: the cheapest reading plus slip that explains the stated value.
  const context = slipContext(claim, lefts[0].parsed, rights[0], options.before?.());
  let best: { candidate: Candidate; slip: Slip; cost: number } | undefined;
  for (const candidate of valid) {
    if (candidate.cost > ceiling) continue;
    const explained = missingBrackets(candidate, candidate.right, options) ?? explainRatio(ratioOf(candidate), context);
    const total = candidate.cost + (explained?.cost ?? otherCost);
    if (!best || total < best.cost) best = { candidate, slip: explained?.slip ?? { code: "other", factor: factorOf(candidate) }, cost: total };
  }
  if (!best) return undefined;
  return judgement(claim, best.candidate.right, best.candidate, "wrong", best.slip, options);
}

/**
 * `10B / 24 * 60 * 60 = 1.1 × 10⁵`: the writer divided by the whole product, but wrote no brackets. The slip
 * when the expression, with everything after its first `/` taken as the divisor, gives the stated value.
 */
function missingBrackets(c: Candidate, right: StatedSide, options: JudgeOptions): { slip: Slip; cost: number } | undefined {
  const forms: [NonNullable<Slip["form"]>, Node | undefined][] = [["divisor", regroupDivision(c.left.node)], ["sum", regroupSum(c.left.node, c.expression)]];
  for (const [form, regrouped] of forms) {
    if (!regrouped) continue;
    try {
      const reading = { ...c.reading, replace: c.replace.size ? c.replace : undefined };
      const value = evaluateNode(regrouped, reading);
      const stated = evaluateNode(right.parsed.node, c.reading);
      const fits = [false, true].some((inBase) => {
        const pair = adoptEachOther(value, stated, undefined, inBase);
        return pair !== undefined && agrees(pair[0], pair[1], options.tolerance);
      });
      if (fits) return { slip: { code: "missing-brackets", factor: factorOf(c), form }, cost: readingCosts.missingBrackets };
    } catch {
      // This regrouping has no value under the reading: the next may.
    }
  }
  return undefined;
}

/**
 * `860800 + 510 * 365 * 3`: the sum before a product, multiplied as a whole, as a calculator keyed left to
 * right would (`(860800 + 510) * 365 * 3`). Undefined when no `+` or `-` comes before a `*` or `/`.
 */
function regroupSum(node: Node, text: string): Node | undefined {
  const flat = flatten(node, text);
  const firstSum = flat.findIndex((x) => x === "+" || x === "-");
  if (firstSum < 0 || !flat.slice(firstSum).some((x) => x === "*" || x === "/")) return undefined;
  let acc = flat[0] as Node;
  for (let i = 1; i + 1 < flat.length; i += 2) {
    const right = flat[i + 1] as Node;
    acc = { type: "binary", op: flat[i] as "+" | "-" | "*" | "/", left: acc, right, start: acc.start, end: right.end };
  }
  return acc;
}

/**
 * An expression's operands and operators in the order written. A bracketed part is one operand, and so is
 * one whose operator is not written (`1 h 30 min`, `(6,7 MB/s)`'s units).
 */
function flatten(node: Node, text: string): (Node | "+" | "-" | "*" | "/")[] {
  if (node.type !== "binary") return [node];
  const bracketed = node.start !== node.left.start;
  const written = writtenOperator.test(text.slice(node.left.end, node.right.start));
  if (bracketed || !written) return [node];
  return [...flatten(node.left, text), node.op, ...flatten(node.right, text)];
}

const writtenOperator = /[-+*/×·÷x–]/;

/** `a / b * c * d` as `a / (b * c * d)`; undefined when there is no `/` followed by `*`. */
function regroupDivision(node: Node): Node | undefined {
  const chain: { op: "*" | "/"; node: Node }[] = [];
  let head: Node = node;
  while (head.type === "binary" && (head.op === "*" || head.op === "/")) {
    chain.unshift({ op: head.op, node: head.right });
    head = head.left;
  }
  const first = chain.findIndex((c) => c.op === "/");
  if (first < 0 || !chain.slice(first + 1).some((c) => c.op === "*")) return undefined;
  let divisor = chain[first].node;
  for (const step of chain.slice(first + 1)) {
    divisor = { type: "binary", op: step.op, left: divisor, right: step.node, start: divisor.start, end: step.node.end };
  }
  let numerator = head;
  for (const step of chain.slice(0, first)) numerator = { type: "binary", op: step.op, left: numerator, right: step.node, start: numerator.start, end: step.node.end };
  return { type: "binary", op: "/", left: numerator, right: divisor, start: numerator.start, end: divisor.end };
}

/**
 * The units may be only annotations (`6M/day / 86400 s = 70/s`) when the stated side is a plain number, or
 * written in units the expression also carries: never when it names a unit the expression never mentions.
 */
function annotationFits(left: ExpressionCandidate, right: StatedSide): boolean {
  const unitsOf = (node: Node) => wordParts(node).flatMap((p) => {
    const sense = senseOf(p, {});
    return sense.kind === "unit" ? [sense.unit?.id, sense.per?.id].filter((id): id is string => id !== undefined) : [];
  });
  const rightUnits = unitsOf(right.parsed.node);
  const leftUnits = new Set(unitsOf(left.parsed.node));
  return rightUnits.every((id) => leftUnits.has(id));
}

/** A candidate's stated ÷ right, against the nearer end of a range. */
function ratioOf(c: Candidate): number {
  const stated = midpoint(c.stated);
  if (stated > c.value.high) return stated / c.value.high;
  if (stated < c.value.low) return stated / c.value.low;
  return 1;
}

function factorOf(c: Candidate): number {
  const value = midpoint(c.value);
  return value === 0 ? Infinity : midpoint(c.stated) / value;
}

/**
 * Every reading of one expression candidate against the stated side within the cost left, with whether it fits.
 * The usual reading comes first; when it fits, no other is tried.
 */
/** What a claim's readings depend on beyond its two sides: whether it restates, whether it computes, its whole line. */
interface ClaimShape {
  restates: boolean;
  arrow: boolean;
  arithmetic: boolean;
  context: string;
  /** The dimensions its whole line writes, worked out on first use. */
  dims?: Set<DimKey>;
}

function readingsOf(left: ExpressionCandidate, right: StatedSide, base: Reading, options: JudgeOptions, line: ClaimShape, budget: number): Omit<Candidate, "right">[] {
  const { restates, arithmetic, context } = line;
  // Most claims are right as written: try the usual reading before working out every other one.
  const usual = usualReading(left, right, base, options, restates, arithmetic);
  if (usual) return [usual];
  // Units as labels still leave the number formats to choose (`80M posts/dia ÷ 86.400s ≈ 925,93 posts/segundo`).
  const senseChoices = base.annotate ? choicesOf(left.parsed.node, right.parsed.node).filter((c) => c.kind === "format") : choicesOf(left.parsed.node, right.parsed.node);
  const convertible = base.annotate ? [] : conversionChoices(left.parsed.node, base);
  // `7 x 0.6 = 4.2 Billion` under `7 Billion`: a bare number may be a quantity written with its words nearby.
  const inherited = base.annotate || !options.nearby ? [] : inheritChoices(left.parsed.node, options.nearby);
  // `70 TB × $0.023 = $1,610`: a price written without the unit it is per.
  const priced = base.annotate ? [] : priceChoices(left.parsed.node, right.parsed.node, base);
  const monthUsed = !base.annotate && usesMonth(left.parsed.node, right.parsed.node);
  const binaryUsed = !base.annotate && usesDecimalData(left.parsed.node, right.parsed.node);
  const choices: Choice[] = senseChoices;
  const optionCounts = [
    ...choices.map((c) => (c.kind === "sense" ? c.options.length : 2)),
    ...convertible.map((c) => c.options.length + 1),
    ...inherited.map((c) => c.options.length + 1),
    ...priced.map((c) => c.options.length + 1),
    ...(monthUsed ? [readingCosts.months.length] : []),
    ...(binaryUsed ? [2] : []),
  ];
  const conversionStart = choices.length;
  const inheritStart = conversionStart + convertible.length;
  const priceStart = inheritStart + inherited.length;
  const monthIndex = monthUsed ? priceStart + priced.length : -1;
  const binaryIndex = binaryUsed ? optionCounts.length - 1 : -1;
  const pickCost = (i: number, pick: number): number => {
    if (i < conversionStart) return optionCost(choices[i], pick, language, numbersSay);
    if (pick === 0) return i >= conversionStart && i < conversionStart + convertible.length && evident[i - conversionStart] ? cost.unconverted : 0;
    if (i === monthIndex) return readingCosts.months[pick].cost;
    if (i === binaryIndex) return cost["binary-prefix"];
    if (i >= priceStart) return cost["price-unit"];
    if (i >= inheritStart) return cost.inherited;
    const conversion = convertible[i - conversionStart].options[pick - 1];
    return conversion.interview ? cost[conversion.interview === "day" ? "interview-day" : "interview-month"] : cost["hand-conversion"];
  };
  const parts = [...wordParts(left.parsed.node), ...wordParts(right.parsed.node)];
  const out: Omit<Candidate, "right">[] = [];
  // A line that writes Portuguese numbers elsewhere (`R$ 29.595,00`, `6,7`) writes `31.900` as thousands too.
  const numbersSay: Language | undefined = usesPortugueseNumbers(left.parsed.node, right.parsed.node) ? "pt" : undefined;
  const language = numbersSay ?? (choices.length ? options.language?.() : undefined);
  // A conversion literal the written units show (`50 MB/s * 86,400 = … TB/day`) read as a plain number is the less likely reading.
  const evident = convertible.map((c) => conversionShown(c, left.parsed.node, right.parsed.node, base));
  // `60 / 1k = 1 server`: machines come whole, and a count of them rounds a fraction up.
  const wholeCount = countsWhole(right.parsed.node);
  const all = enumeratePicks(optionCounts, pickCost, budget, 48);
  picks: for (let n = 0; n < all.length; n++) {
    const { picks, cost: picked } = all[n];
    const monthSeconds = monthIndex >= 0 ? monthLength(picks[monthIndex], options.monthSeconds) : options.monthSeconds;
    const tally = { sumAdoptions: 0 };
    const reading: Reading = { ...readingFor(choices, picks.slice(0, conversionStart), base), monthSeconds, binary: binaryIndex >= 0 && picks[binaryIndex] === 1, tally };
    const replace = new Map<Node, Quantity>();
    const used: { conversion: Conversion; node: Node; sign: number }[] = [];
    convertible.forEach((c, k) => {
      const pick = picks[conversionStart + k];
      if (pick === 0) return;
      const conversion = c.options[pick - 1];
      const truth = conversion.interview === "day" ? 86_400 : conversion.interview === "month" ? monthSeconds ?? 2_592_000 : conversion.value;
      replace.set(c.node, { low: conversion.value / truth, high: conversion.value / truth, dim: { t: 0, d: 0, c: 0 }, terms: [] });
      used.push({ conversion, node: c.node, sign: c.sign });
    });
    const inherits: { node: Literal; from: WrittenQuantity }[] = [];
    let clash = false;
    inherited.forEach((c, k) => {
      const pick = picks[inheritStart + k];
      if (pick === 0) return;
      const from = c.options[pick - 1];
      // One literal is read one way: a hand conversion or a nearby quantity, not both.
      if (replace.has(c.node)) clash = true;
      try {
        replace.set(c.node, evaluateNode(from.literal, reading));
        inherits.push({ node: c.node, from });
      } catch {
        clash = true;
      }
    });
    const prices: { node: Literal; unit: Unit }[] = [];
    priced.forEach((c, k) => {
      const pick = picks[priceStart + k];
      if (pick === 0) return;
      if (replace.has(c.node)) clash = true;
      const unit = c.options[pick - 1];
      const price = evaluateNode(c.node, reading);
      replace.set(c.node, { low: price.low / unit.size, high: price.high / unit.size, dim: { ...price.dim, [unit.key]: price.dim[unit.key] - 1 }, terms: [...price.terms, { id: unit.id, power: -1, size: unit.size, key: unit.key }] });
      prices.push({ node: c.node, unit });
    });
    if (clash) continue;
    for (const inBaseUnits of [false, true]) {
      const evaluated = evaluatePair(left.parsed.node, right.parsed.node, { ...reading, replace: replace.size ? replace : undefined }, { ...reading }, inBaseUnits);
      if (!evaluated) break;
      const { value, stated, written, adopted, leftAdopted } = evaluated;
      // Under a reading that makes it no claim, the next reading may (`10B req/day = …`: bytes, then billion).
      // A claim with no arithmetic is a conversion (`1 day = 86,400 s`, `500M/dia = 5,800/s`): one dimension, two
      // units; or a chain's restatement of its last value (`≈ 694K → round to 700K`).
      // `2M seconds = 33,333 hours/day` converts too: the same quantity, one side written per day.
      if (!arithmetic && !restates && ((!sameDim(written.leftDim, written.rightDim) && !perPeriodApart(written)) || sameUnits(written.left, written.right))) continue picks;
      // An arrow converts only within one dimension (`10B req/day → 100 req/sec`): `$60.74 → $38/mês` is a before and after.
      if (!arithmetic && !restates && line.arrow && !sameDim(written.leftDim, written.rightDim)) continue picks;
      // A restatement names its unit: `2,785 TB = 2.72` (a unit napkin does not know) restates nothing.
      if (!arithmetic && restates && !sameDim(written.leftDim, written.rightDim) && isPlain(written.rightDim)) continue picks;
      // …and says the same quantity again, at most over a period one side is written per (`8,800 TB ≈ 9 TB/day`):
      // `$0.05/GB ≈ $27,000/yr` relates a price to a bill, it restates nothing.
      if (!arithmetic && restates && !sameDim(written.leftDim, written.rightDim) && !perPeriodApart(written) && !isPlain(written.leftDim)) continue picks;
      if (used.length && !conversionsEvident(used, written.left, written.right, monthSeconds)) break;
      if (inBaseUnits && adopted === 0) break;
      // A sense the claim itself does not corroborate may be corroborated by the rest of its line (`75B x 10 Billion = 750 Billion = .7 TB`).
      const penalty = uncorroboratedCost(choices, picks.slice(0, conversionStart), parts, reading, (line.dims ??= dimsWritten(context)));
      const total = picked + penalty + adopted * cost.adopted + tally.sumAdoptions * cost["sum-adopted"] + (inBaseUnits ? cost["base-unit"] : 0);
      const monthPick = monthIndex >= 0 ? picks[monthIndex] : 0;
      const binaryPicked = binaryIndex >= 0 && picks[binaryIndex] === 1;
      const notes = (): ReadingNote[] => {
        const list: ReadingNote[] = [
          ...notesFor(left.parsed.node, reading, left.text),
          ...notesFor(right.parsed.node, reading, right.text).filter((note) => note.kind !== "month" && note.kind !== "year"),
          ...used.map((u) => ({ kind: "conversion" as const, text: left.text.slice(u.node.start, u.node.end).trim(), chosen: u.conversion.interview ? `${u.conversion.name} (interview ${u.conversion.interview === "day" ? "10⁵" : "2.5M"})` : u.conversion.name })),
          ...(binaryPicked ? [{ kind: "binary" as const, text: "KB", chosen: "1024" }] : []),
          ...(inBaseUnits ? [{ kind: "adopted" as const, text: leftAdopted ? left.text : right.text, chosen: "base units" }] : []),
          ...inherits.map((h) => ({ kind: "inherited" as const, text: h.node.text, chosen: h.from.literal.text })),
          ...prices.map((p) => ({ kind: "price-unit" as const, text: p.node.text, chosen: p.unit.id })),
        ];
        if (monthPick > 0) {
          const month = readingCosts.months[monthPick];
          for (const note of list) if (note.kind === "month") Object.assign(note, { chosen: month.name ?? `${month.days} days` });
        }
        return list;
      };
      const exact = agrees(value, stated, options.tolerance);
      const roundedUp = !exact && wholeCount && roundsUp(value, stated, options.tolerance);
      const fits = exact || roundedUp;
      // A negative value for a positive statement: a label's dash read as a minus, most likely.
      const sign = Math.sign(midpoint(value)) * Math.sign(midpoint(stated)) < 0 ? cost["opposite-sign"] : 0;
      const noted = roundedUp ? () => [...notes(), { kind: "rounded-up" as const, text: right.text, chosen: formatCount(midpoint(value)) }] : notes;
      out.push({ cost: total + sign, value, stated, notes: noted, fits, left: left.parsed, start: left.start, expression: left.text, reading, replace });
      if (fits) break;
    }
    if (out.length && out[out.length - 1].fits && out[out.length - 1].cost === 0) break;
  }
  return out;
}

function usesPortugueseNumbers(...nodes: Node[]): boolean {
  return nodes.some((node) => literalsOf(node).some((l) => [l.number, l.low?.number].some((n) => n?.format === "dotted-thousands" || n?.format === "decimal-comma")));
}

/** Whether the written units show a conversion literal (any of its meanings) on its own. */
function conversionShown(c: { node: Node; sign: number; options: Conversion[] }, left: Node, right: Node, base: Reading, terms?: { left: Terms; right: Terms }): boolean {
  try {
    const [l, r] = terms ? [terms.left, terms.right] : [evaluateNode(left, base).terms, evaluateNode(right, base).terms];
    return c.options.some((conversion) => conversionsEvident([{ conversion, sign: c.sign }], l, r, base.monthSeconds));
  } catch {
    return false;
  }
}

/**
 * The usual reading when it fits and nothing cheaper could: no word or number read another way, no hand
 * conversion the units would show, no sum that needed a unit lent. Undefined otherwise.
 */
function usualReading(left: ExpressionCandidate, right: StatedSide, base: Reading, options: JudgeOptions, restates: boolean, arithmetic: boolean): Omit<Candidate, "right"> | undefined {
  if (base.annotate || usesPortugueseNumbers(left.parsed.node, right.parsed.node)) return undefined;
  // A line whose language makes another sense or format the usual one is read in full.
  if (options.language && dependsOnLanguage(left.parsed.node, right.parsed.node)) {
    const language = options.language();
    if (language && choicesOf(left.parsed.node, right.parsed.node).some((c) => optionCost(c, 0, language) > 0)) return undefined;
  }
  const tally = { sumAdoptions: 0 };
  const reading: Reading = { ...base, tally };
  const evaluated = evaluatePair(left.parsed.node, right.parsed.node, reading, reading, false);
  if (!evaluated || tally.sumAdoptions > 0) return undefined;
  const { value, stated, written, adopted } = evaluated;
  if (!arithmetic || !agrees(value, stated, options.tolerance) || Math.sign(midpoint(value)) * Math.sign(midpoint(stated)) < 0) return undefined;
  void restates;
  if (conversionChoices(left.parsed.node, base).some((c) => conversionShown(c, left.parsed.node, right.parsed.node, base, written))) return undefined;
  const notes = () => [...notesFor(left.parsed.node, reading, left.text), ...notesFor(right.parsed.node, reading, right.text).filter((note) => note.kind !== "month" && note.kind !== "year")];
  return { cost: adopted * cost.adopted, value, stated, notes, fits: true, left: left.parsed, start: left.start, expression: left.text, reading, replace: new Map() };
}

function monthLength(pick: number, monthSeconds?: number): number | undefined {
  if (pick === 0) return monthSeconds;
  const month = readingCosts.months[pick];
  return month.seconds ?? (month.days ?? 30) * 86_400;
}

/** Both sides evaluated under a reading, with the missing-dimension rule applied; undefined when they conflict. */
function evaluatePair(leftNode: Node, rightNode: Node, leftReading: Reading, rightReading: Reading, inBaseUnits: boolean) {
  let left: Quantity;
  let right: Quantity;
  try {
    left = evaluateNode(leftNode, leftReading);
    right = evaluateNode(rightNode, rightReading);
  } catch (error) {
    // A reading with no value (a division by zero, units that do not mix, an inverted range) is no reading;
    // napkin failing to run (mathjs's bundle missing, an `io` error) still ends the run.
    if (error instanceof NapkinError && error.code !== "io") return undefined;
    throw error;
  }
  const adopted: { side: "left" | "right"; key: "t" | "d" | "c"; size: number }[] = [];
  const pair = adoptEachOther(left, right, adopted, inBaseUnits);
  if (!pair) return undefined;
  return { value: pair[0], stated: pair[1], written: { left: left.terms, right: right.terms, leftDim: left.dim, rightDim: right.dim }, adopted: adopted.length, leftAdopted: adopted.some((a) => a.side === "left") };
}

/** Whether two sides differ only by a period one of them is written per (`2M seconds` and `hours/day`). */
function perPeriodApart(w: { left: Terms; right: Terms; leftDim: Quantity["dim"]; rightDim: Quantity["dim"] }): boolean {
  if (w.leftDim.d !== w.rightDim.d || w.leftDim.c !== w.rightDim.c || Math.abs(w.leftDim.t - w.rightDim.t) !== 1) return false;
  const perPeriod = (terms: Terms) => terms.some((t) => t.key === "t" && t.power < 0);
  return w.leftDim.t > w.rightDim.t ? perPeriod(w.right) && !perPeriod(w.left) : perPeriod(w.left) && !perPeriod(w.right);
}

/** Whether two sides are written in the same units (their nouns aside): `5 GB = 5 GB` converts nothing. */
function sameUnits(a: Terms, b: Terms): boolean {
  const units = (terms: Terms) => terms.filter((t) => t.key !== undefined);
  const [x, y] = [units(a), units(b)];
  return x.length === y.length && x.every((t) => y.some((u) => u.id === t.id && u.power === t.power));
}

/**
 * A hand conversion is a reading only when the written units show it: the literals read as conversions
 * multiply (or divide) to the ratio of the two sides' written units along their dimension (`/s × 86,400 =
 * /day`; `GB / 1000 = TB`). A `24` in a bare `/(24 * 3600)` converts nothing the units show.
 */
function conversionsEvident(used: { conversion: Conversion; sign: number }[], left: Terms, right: Terms, monthSeconds?: number): boolean {
  for (const key of ["t", "d"] as const) {
    const mine = used.filter((u) => u.conversion.key === key);
    if (mine.length === 0) continue;
    const bits = mine.filter((u) => u.conversion.bits);
    // Bits per byte: one side written in bits, the other in bytes (the prefixes convert themselves).
    if (bits.length && (bits.length > 1 || writtenInBits(left) === writtenInBits(right))) return false;
    const steps = mine.filter((u) => !u.conversion.bits);
    if (steps.length === 0) continue;
    const product = steps.reduce((p, u) => p * truthOf(u.conversion, monthSeconds) ** u.sign, 1);
    const bitRatio = bits.length ? (writtenInBits(left) ? 1 / 8 : 8) : 1;
    const shown = (termsSize(left, key) / termsSize(right, key)) * (key === "d" ? 1 / bitRatio : 1);
    if (Math.abs(Math.log(shown)) < 1e-6) return false;
    const slack = steps.some((u) => u.conversion.value === 1024) ? 0.03 : 0.005;
    if (Math.abs(Math.log(product / shown)) > Math.log(1 + slack)) return false;
  }
  return true;
}

/** Whether a side's data is written in bits (`Gbps`, `Mb`, `bits`). */
function writtenInBits(terms: Terms): boolean {
  return terms.some((t) => t.key === "d" && /bit$/.test(t.id));
}

function truthOf(conversion: Conversion, monthSeconds?: number): number {
  if (conversion.interview === "day") return 86_400;
  if (conversion.interview === "month") return monthSeconds ?? 2_592_000;
  return conversion.value;
}

/**
 * Bare numbers of an expression that match a quantity written nearby with its words (`7` and `7 Billion`), never
 * one written as a factor (`10x`) or with a label.
 */
function inheritChoices(node: Node, nearby: () => readonly WrittenQuantity[]): { node: Literal; options: WrittenQuantity[] }[] {
  const bare = literalsOf(node).filter((l) => l.number && !l.low && !l.prefix && l.parts.length === 0);
  if (bare.length === 0) return [];
  const quantities = nearby();
  const out: { node: Literal; options: WrittenQuantity[] }[] = [];
  for (const literal of bare) {
    const options = quantities.filter((q) => q.number === literal.number!.value);
    if (options.length) out.push({ node: literal, options: options.slice(-2) });
  }
  return out.slice(0, 3);
}

/**
 * `70 TB × $0.023 = $1,610`, `730 h × $0.0116 = $8.47`: a price written without the unit it is per, when the
 * stated side is money and lacks one dimension the expression multiplies by. The price may be per the unit the
 * line writes for it, or per the unit prices are usually quoted in (src/data/readings.json `priceUnits`).
 */
function priceChoices(left: Node, right: Node, base: Reading): { node: Literal; options: Unit[] }[] {
  const isMoney = (p: Part) => p.kind === "word" && senseOf(p, base).kind === "unit" && (senseOf(p, base) as { unit?: Unit }).unit?.key === "c";
  const prices = literalsOf(left).filter((lit) => lit.number && [lit.prefix, ...lit.parts].some((p) => p !== undefined && isMoney(p)) && !lit.parts.some((p) => p.kind === "word" && p.power === -1));
  if (prices.length !== 1) return [];
  let l: Quantity;
  let r: Quantity;
  try {
    [l, r] = [evaluateNode(left, base), evaluateNode(right, base)];
  } catch {
    return [];
  }
  if (l.dim.c !== 1 || r.dim.c !== 1) return [];
  const surplus = (["d", "t"] as const).filter((k) => l.dim[k] >= 1 && l.dim[k] === r.dim[k] + 1);
  if (surplus.length !== 1) return [];
  const key = surplus[0];
  const written = l.terms.filter((t) => t.key === key && t.power > 0).map((t) => unitById(t.id));
  const usual = unitById((readingCosts.priceUnits as Record<string, string>)[key]);
  const options = [...written, usual].filter((u, i, all) => all.findIndex((v) => v.id === u.id) === i);
  return [{ node: prices[0], options }];
}

/**
 * Literals that a writer multiplies or divides by to convert units by hand, with the conversions each may be:
 * a plain number, with a scale word or not (`86,400`, `100K`, `0.1M`), or a power of ten (`10^5`).
 */
function conversionChoices(node: Node, reading: Reading): { node: Node; sign: number; options: Conversion[] }[] {
  const out: { node: Node; sign: number; options: Conversion[] }[] = [];
  for (const [candidate, sign] of literalSigns(node)) {
    const value = plainValue(candidate, reading);
    if (value === undefined) continue;
    const options = conversions.filter((c) => Math.abs(c.value - value) <= c.value * 1e-9);
    if (options.length) out.push({ node: candidate, sign, options });
  }
  return out.slice(0, 4);
}

/** The value of a plain number as written (scale words allowed, no units, no range), or of `10^5`. */
function plainValue(node: Node, reading: Reading): number | undefined {
  if (node.type === "power") {
    const [base, exponent] = [plainValue(node.base, reading), plainValue(node.exponent, reading)];
    return base !== undefined && exponent !== undefined ? base ** exponent : undefined;
  }
  if (node.type !== "literal" || !node.number || node.low || node.prefix || node.negative) return undefined;
  // `× 8 bits`: the bits per byte, written with their unit.
  if (node.number.value === 8 && node.parts.length === 1 && node.parts[0].kind === "word") {
    const sense = senseOf(node.parts[0], reading);
    if (sense.kind === "unit" && sense.unit?.id === "bit" && !sense.per) return 8;
  }
  if (!node.parts.every((p) => p.kind === "word" && senseOf(p, reading).kind === "scale")) return undefined;
  return writtenNumber(node, reading);
}

/** +1 for a value that multiplies the expression, -1 for one that divides it; none inside sums and functions. */
function literalSigns(node: Node, sign = 1, out = new Map<Node, number>()): Map<Node, number> {
  if (node.type === "literal" || node.type === "power") out.set(node, sign);
  else if (node.type === "binary" && (node.op === "*" || node.op === "/")) {
    literalSigns(node.left, sign, out);
    literalSigns(node.right, node.op === "/" ? -sign : sign, out);
  }
  return out;
}

function usesMonth(...nodes: Node[]): boolean {
  return nodes.some((n) => wordParts(n).some((p) => p.entry.senses.some((s) => s.kind === "unit" && (s.unit?.id === "month" || s.per?.id === "month"))));
}

/** A line that writes decimal sizes (KB, GB) and no binary ones: only there may `GB` stand for GiB. */
function usesDecimalData(...nodes: Node[]): boolean {
  let decimal = false;
  for (const node of nodes) {
    for (const part of wordParts(node)) {
      const sense = part.entry.senses[0];
      if (sense.kind !== "unit" || !sense.unit) continue;
      if (sense.unit.id.endsWith("iB")) return false;
      if (sense.unit.binary !== undefined) decimal = true;
    }
  }
  return decimal;
}

/** Whether the stated value agrees: a stated range must match the expression's range end for end. */
function agrees(value: Quantity, stated: Quantity, tolerance: number): boolean {
  if (stated.low !== stated.high) {
    if (value.low === value.high) return withinTolerance(midpoint(value), stated, tolerance);
    return withinTolerance(stated.low, { low: value.low, high: value.low }, tolerance) && withinTolerance(stated.high, { low: value.high, high: value.high }, tolerance);
  }
  return withinTolerance(stated.low, value, tolerance);
}

/** What the line involves, for the slips that can explain it. */
function slipContext(claim: ClaimText, left: Parsed, right: StatedSide, before = ""): SlipContext {
  const text = claim.context.toLowerCase();
  // Words such as "peak" or "replication" count on the line and on the lines just before it (`With replication (3x):`).
  const near = `${before} ${claim.context}`.toLowerCase();
  // Plain numbers, with or without a counting noun (`3 réplicas`): the factors a line may have dropped.
  const literals = literalsOf(left.node).filter((l) => l.number && !l.low && l.parts.every((p) => p.kind !== "word" || senseOf(p, {}).kind === "scale" || (senseOf(p, {}).kind === "unit" && !(senseOf(p, {}) as { unit?: unknown }).unit && !(senseOf(p, {}) as { per?: unknown }).per)));
  const values = literals.map((l) => l.number!.value);
  const units = [...wordParts(left.node), ...wordParts(right.parsed.node)].flatMap((p) => p.entry.senses.slice(0, 1)).filter((s) => s.kind === "unit");
  const ids = new Set(units.flatMap((s) => (s.kind === "unit" ? [s.unit?.id, s.per?.id] : [])).filter(Boolean) as string[]);
  const keys = new Set(units.flatMap((s) => (s.kind === "unit" ? [s.unit?.key, s.per?.key] : [])));
  const timeLiterals = [86_400, 3_600, 1_440, 60, 24, 1e5];
  const small = values.filter((v) => v >= 2 && v <= 10);
  return {
    data: keys.has("d") || /\bbits?\b|bytes?\b/.test(text),
    time: keys.has("t") || values.some((v) => timeLiterals.includes(v)),
    // A period slip needs periods: their words, or a 7, 30 or 365 beside the time conversions (`30 * 24 * 3600`).
    period: ["day", "week", "month", "year"].some((id) => ids.has(id)) || /\b(day|week|month|year|dia|semana|m[eê]s|ano|daily|monthly|yearly|weekly)s?\b/.test(text) || (values.some((v) => [7, 30, 31, 365, 12, 52].includes(v)) && values.some((v) => timeLiterals.includes(v))),
    day: ids.has("day") || values.some((v) => v === 86_400 || v === 1e5),
    month: ids.has("month") || values.some((v) => v === 30 || v === 2.5e6),
    // A power of ten is got wrong where it is written: in the stated value (`≈ 20 × 10^12`, `= 10 pow 15`).
    power: hasPower(right.parsed.node) || /[⁰¹²³⁴⁵⁶⁷⁸⁹]|\^|\d[eE][+-]?\d/.test(claim.right),
    peak: /peak|pico|pic\b|spike|burst/.test(near) ? small : undefined,
    replication: /repl|réplica|replica|cópias|copias|copies|\brf\b/.test(near) ? small[small.length - 1] : undefined,
  };
}

function hasPower(node: Node): boolean {
  if (node.type === "power") return true;
  if (node.type === "binary") return hasPower(node.left) || hasPower(node.right);
  if (node.type === "negate") return hasPower(node.arg);
  return false;
}

/** The judgement as data, in the stated side's unit. */
function judgement(claim: ClaimText, right: StatedSide, c: Candidate, verdict: "ok" | "wrong", slip: Slip | undefined, options: JudgeOptions): Judgement {
  const written = statedWritten(right, c.reading);
  const statedMiddle = midpoint(c.stated);
  // The stated side's unit, as read (after the missing-dimension rule): its value ÷ the number written.
  const unitFactor = written !== 0 && statedMiddle !== 0 ? Math.abs(statedMiddle / written) : 1;
  const inUnit = (n: number) => n / unitFactor;
  const expected = inUnit(midpoint(c.value));
  const stated = inUnit(statedMiddle);
  const leftNode = c.left.node;
  const reading = c.reading;
  let literalList: ClaimLiteral[] | undefined;
  let notes: ReadingNote[] | undefined;
  const literalsOfClaim = () =>
    (literalList ??= reusableValues(leftNode, reading).map((node, index) => {
      const value = evaluateNode(node, reading);
      // Its units as written, even where the reading took units as labels.
      const terms = reading.annotate ? writtenTerms(node, reading) : value.terms;
      return { node, written: node.type === "literal" ? writtenNumber(node, reading) : midpoint(evaluateNode(node, { ...reading, annotate: true })), terms, value, index };
    }));
  // One shape, no spreads or getters: a judgement is made for every claim of every line.
  const judged: Judgement = {
    verdict,
    expression: c.expression,
    separator: claim.separator === "|" ? "=" : claim.separator,
    statedText: right.text,
    start: c.start,
    stated,
    expected,
    unit: right.unitText,
    unitBefore: right.unitBefore ?? "",
    factor: expected === 0 ? (stated === 0 ? 1 : Infinity) : stated / expected,
    notes: () => (notes ??= c.notes()),
    cost: c.cost,
    statedWritten: written,
    statedTerms: c.stated.terms,
    statedValue: c.stated,
    value: c.value,
    literals: literalsOfClaim,
    reevaluate: (replace) => {
      try {
        const merged = new Map([...c.replace, ...replace]);
        const value = evaluateNode(leftNode, { ...reading, replace: merged });
        const pair = adoptEachOther(value, c.stated);
        return pair ? inUnit(midpoint(pair[0])) : undefined;
      } catch {
        return undefined;
      }
    },
  };
  if (c.value.low !== c.value.high) judged.expectedRange = { low: inUnit(c.value.low), high: inUnit(c.value.high) };
  if (slip) judged.slip = slip;
  return judged;
}

function writtenTerms(node: Node, reading: Reading): Terms {
  try {
    return evaluateNode(node, { ...reading, annotate: false, replace: undefined }).terms;
  } catch {
    return [];
  }
}

/**
 * The values of an expression a later line may have copied from an earlier one: its literals, its powers
 * (`10^4`), and the products of plain numbers it starts with (`24 * 10^6` in `24 * 10^6 * 10^3`), in order.
 */
function reusableValues(node: Node, reading: Reading): Node[] {
  const out: Node[] = [];
  const walk = (n: Node) => {
    if (n.type === "literal") {
      if (n.number && !n.low) out.push(n);
    } else if (n.type === "power") {
      if (plainValue(n, reading) !== undefined) out.push(n);
    } else if (n.type === "binary") {
      walk(n.left);
      walk(n.right);
      if (n.op === "*" && plainProduct(n, reading)) out.push(n);
    } else if (n.type === "negate") walk(n.arg);
    else for (const arg of n.args) walk(arg);
  };
  walk(node);
  return out;
}

/** A product of plain numbers, perhaps with a unit after it (`2 × 10^8 MB`): one value as a later line copies it. */
function plainProduct(n: Node, reading: Reading): boolean {
  if (n.type === "binary" && n.op === "*") return plainProduct(n.left, reading) && (plainProduct(n.right, reading) || (n.right.type === "literal" && !n.right.number));
  return plainValue(n, reading) !== undefined || (n.type === "literal" && !!n.number && !n.low && n.parts.every((p) => p.kind !== "word"));
}

/** The number as written with its scale words, without its units (`35K QPS` → 35,000). */
function writtenNumber(literal: Literal, reading: Reading): number {
  let value = literal.number ? numberValue(literal.number, reading) : 1;
  for (const part of literal.parts) {
    if (part.kind !== "word") continue;
    const sense = senseOf(part, reading);
    if (sense.kind === "scale") value *= sense.factor;
  }
  return literal.negative ? -value : value;
}

interface StatedSide {
  parsed: Parsed;
  /** The number stated: a literal (`66 pings/sec`, `5-10K`) or a power of ten (`10^4`). */
  number: Node;
  text: string;
  /** The unit written after the number (`pings/sec`, `TB/day`), or empty. */
  unitText: string;
  /** A currency written before it (`$`), or empty. */
  unitBefore?: string;
  /** A middle step of a chain that is an expression, not a number. */
  expression?: boolean;
  /** What reading the stated side this way costs. */
  cost: number;
}

const stopAfterStated = { stopAtProse: true } as const;
const statedWithLabels = { stopAtProse: true, labels: true } as const;

/** The stated value at the start of the text: a number with its units (`4.3 TB/day`, `66 pings/sec`, `10^4/s`); prose may follow. */
function parseStated(text: string): StatedSide | undefined {
  const head = text.length > 200 ? text.slice(0, 200) : text;
  let parsed: Parsed;
  try {
    parsed = parseNotation(head, stopAfterStated);
  } catch (error) {
    if (error instanceof NapkinError) return undefined;
    throw error;
  }
  // `200.000 visitas de faixa/mês`: words between a value and the unit it is per are a label.
  if (parsed.node.type === "literal" && parsed.end < head.trimEnd().length && perAhead.test(head.slice(parsed.end, parsed.end + 60))) parsed = labelledPer(head) ?? parsed;
  const node = parsed.node;
  const statedText = head.slice(0, parsed.end).trim();
  if (node.type === "literal" && node.number) {
    const at = node.parts.findIndex((p) => (p.kind === "word" && senseOf(p, {}).kind !== "scale") || p.kind === "label");
    const firstUnit = node.parts[at];
    // `28.600 por dia`, `5 per day`: the marker the parser consumed is part of the unit as written.
    const perWord = firstUnit?.kind === "word" && firstUnit.power === -1 && !/\/\s*$/.test(head.slice(0, firstUnit.token.start));
    const start = perWord ? (at > 0 ? node.parts[at - 1].token.end : node.number.end) : firstUnit?.token.start;
    const unitBefore = node.prefix ? head.slice(node.prefix.token.start, node.prefix.token.end) : "";
    return { parsed, number: node, text: statedText, unitText: start !== undefined ? unitTextFrom(head, start, node.end) : "", unitBefore, cost: 0 };
  }
  // `10^4`, `10^4/second`: a power of ten, with its units after it.
  if (node.type === "power" && plainValue(node, {}) !== undefined) return { parsed, number: node, text: statedText, unitText: "", cost: 0 };
  if (node.type === "binary" && node.op === "*" && node.left.type === "power" && plainValue(node.left, {}) !== undefined && node.right.type === "literal" && !node.right.number) {
    return { parsed, number: node.left, text: statedText, unitText: unitTextFrom(head, node.right.start, node.right.end), cost: 0 };
  }
  // `a = b = c`: a middle step that is itself an expression (`10^9/10^5 = 10^3 = 1K`) is compared as computed.
  if (parsed.end >= head.trimEnd().length && hasArithmetic(node)) return { parsed, number: node, text: statedText, unitText: "", expression: true, cost: 0 };
  return undefined;
}

/**
 * The ways to read a stated side: as written; and for a chain's middle step that goes on computing (`= 200 MB/s
 * × 8 = 1,600 Mbps`), its leading value alone, at a cost: the step states 200 MB/s, then works on with it.
 */
function statedCandidates(text: string): StatedSide[] {
  const stated = parseStated(text);
  if (!stated) return [];
  if (!stated.expression) return [stated];
  const lead = leadingLiteral(stated.number);
  if (!lead?.number) return [stated];
  const leading = parseStated(text.slice(0, lead.end));
  return leading && !leading.expression ? [stated, { ...leading, cost: cost["leading-value"] }] : [stated];
}

/** A `/unit`, `per`, `por` or `a` a few words ahead: only then may label words lead to a per-unit. */
const perAhead = /\/|\s(?:per|por|a|each|cada|every)\s/;

/** A stated value read with label words, kept only when the words lead to a `/unit` (and no unit after them multiplies). */
function labelledPer(head: string): Parsed | undefined {
  try {
    const parsed = parseNotation(head, statedWithLabels);
    if (parsed.node.type !== "literal") return undefined;
    const parts = parsed.node.parts;
    const label = parts.findIndex((p) => p.kind === "label");
    if (label < 0) return undefined;
    const after = parts.slice(label).filter((p): p is WordPart => p.kind === "word");
    return after.length > 0 && after.every((p) => p.power === -1) ? parsed : undefined;
  } catch (error) {
    if (error instanceof NapkinError) return undefined;
    throw error;
  }
}

function leadingLiteral(node: Node): Literal | undefined {
  let head = node;
  while (head.type === "binary") head = head.left;
  return head.type === "literal" ? head : undefined;
}

/** The unit as written, with the `/` before it when there is one (`6k/sec` → `/sec`). */
function unitTextFrom(text: string, start: number, end: number): string {
  const slash = /\/\s*$/.test(text.slice(0, start));
  return `${slash ? "/" : ""}${text.slice(start, end).trim()}`;
}

/** The stated number as written (number × scale, no units). */
function statedWritten(right: StatedSide, reading: Reading): number {
  if (right.expression) return midpoint(evaluateNode(right.number, { ...reading, annotate: true }));
  return right.number.type === "literal" ? writtenNumber(right.number, reading) : plainValue(right.number, reading) ?? 1;
}

interface ExpressionCandidate {
  parsed: Parsed;
  text: string;
  /** Offset of the expression in the claim's left text. */
  start: number;
  cost: number;
}

const expressionStart = /^([-~≈(\d$€]|R\$|(sqrt|cbrt|log|log2|log10|ceil|floor|round|min|max)\s*\()/;
const candidateStarts = /[\s:]+|[([](?=\s*\d)/g;
const labelDash = /[\p{L}\p{N})%]\s+[-–—]\s+$/u;
const afterOperator = /[-+*/×÷^=(·–—]\s*$|[\d.,]$|\sx\s*$/;
const digit = /\d/;

/**
 * Where the expression may start in the text before the separator: the longest tail that parses is the usual
 * reading (`write qps = 18000 * 0.5`: `18000 * 0.5`); a tail after a label's dash (`Reads - 3B reads a day -
 * 3B / 86,400`) is another reading, at a cost. A table cell is whole.
 */
function expressionCandidates(claim: ClaimText): ExpressionCandidate[] {
  const text = claim.left;
  if (claim.table) {
    const parsed = tryParse(text);
    return parsed && digit.test(text) ? [{ parsed, text, start: 0, cost: 0 }] : [];
  }
  // A long line is searched for a start in its last 300 characters only (prose before a sum costs no parse per
  // word), after one try of the whole line: a long chain of terms (`1 + 1 + … = 3600`) is still judged.
  const offset = text.length > 300 ? text.length - 300 : 0;
  if (offset > 0 && expressionStart.test(text)) {
    const parsed = tryParse(text);
    if (parsed) return [{ parsed, text, start: text.length - text.trimStart().length, cost: 0 }];
  }
  const tail = text.slice(offset);
  const starts = [0];
  candidateStarts.lastIndex = 0;
  for (let m = candidateStarts.exec(tail); m; m = candidateStarts.exec(tail)) {
    const s = m.index + m[0].length;
    if (s < tail.length && starts[starts.length - 1] !== s) starts.push(s);
  }
  const out: ExpressionCandidate[] = [];
  for (const s of starts) {
    const candidate = tail.slice(s).trim();
    if (!expressionStart.test(candidate) || !digit.test(candidate)) continue;
    const before = tail.slice(0, s);
    const afterDash = labelDash.test(before);
    if (out.length > 0 && !afterDash) continue;
    // A tail that starts right after an operator or inside a number drops part of the expression: not a start.
    if (s > 0 && !afterDash && afterOperator.test(before)) continue;
    const parsed = tryParse(candidate);
    if (!parsed) continue;
    out.push({ parsed, text: candidate, start: offset + s + (tail.slice(s).length - tail.slice(s).trimStart().length), cost: out.length === 0 ? 0 : cost["label-dash"] });
    if (out.length >= 3) break;
  }
  return out;
}

const labelsOnly = { labels: true } as const;

function tryParse(text: string): Parsed | undefined {
  try {
    return parseNotation(text, labelsOnly);
  } catch (error) {
    if (error instanceof NapkinError) return undefined;
    throw error;
  }
}

/** True when an expression computes something: an operator between values, not just `10 GB/day`. */
/** `22 TB = 128 GB * 172 servers` judged as `128 GB * 172 servers = 22 TB`, when the value is written plainly first. */
function reversed(claim: ClaimText, left: ExpressionCandidate, right: StatedSide, options: JudgeOptions): Judgement | undefined {
  const node = left.parsed.node;
  if (left.cost > 0 || node.type !== "literal" || !node.number || left.text.startsWith("(") || node.parts.some((p) => p.kind === "label")) return undefined;
  // Only a value in the working's own dimension: `1 day = 4M x 200KB`, `5 years = 800G x 30 x 12 x 5` name a scope.
  try {
    const [value, working] = [evaluateNode(node, {}), evaluateNode(right.parsed.node, {})];
    if (isPlain(value.dim) || !sameDim(value.dim, working.dim)) return undefined;
  } catch (error) {
    if (error instanceof NapkinError) return undefined;
    throw error;
  }
  return judgeClaim({ ...claim, left: right.text, right: left.text, chained: false, continues: false }, { ...options, reversed: true, restates: false });
}

/** Whether an expression writes a unit (a size, a duration, money), not only numbers and counting nouns. */
function writesUnit(node: Node): boolean {
  return wordParts(node).some((p) => {
    const sense = senseOf(p, {});
    return sense.kind === "unit" && (sense.unit !== undefined || sense.per !== undefined);
  });
}

/** Whether a stated value counts things that come whole (`1 server`, `27 nodes`, `4 shards`). */
function countsWhole(node: Node): boolean {
  return node.type === "literal" && node.parts.some((p) => p.kind === "word" && (senseOf(p, {}) as { whole?: boolean }).whole === true);
}

/** A whole count that is the value rounded up: at least the value, at most its ceiling (within the tolerance). */
function roundsUp(value: Quantity, stated: Quantity, tolerance: number): boolean {
  if (!isPlain(value.dim) || value.high <= 0) return false;
  const s = midpoint(stated);
  return Number.isInteger(s) && s >= value.low && s <= Math.ceil(value.high) * (1 + tolerance);
}

/** A count as data for a note: up to three significant digits (`0.06`, `26.1`). */
function formatCount(value: number): string {
  return String(Number(value.toPrecision(3)));
}

/** `2x`, `(10x)`: a factor with nothing it multiplies. */
function isBareFactor(node: Node): boolean {
  return node.type === "literal" && node.number !== undefined && node.parts.length === 1 && node.parts[0].kind === "label" && /^[x×]$/i.test(node.parts[0].token.text);
}

/** A four-digit number from 1900 to 2100 with no scale or unit word: a year (`2018`, `2021 users` is not one). */
function isYear(node: Node): boolean {
  if (node.type !== "literal" || !node.number || node.low || node.prefix) return false;
  const { value, text } = node.number;
  return /^\d{4}$/.test(text) && value >= 1900 && value <= 2100 && node.parts.every((p) => p.kind === "label" || (p.kind === "word" && p.power === -1));
}

function hasArithmetic(node: Node): boolean {
  // A range stated as its middle (`5B-10B = 7.5B`) computes too.
  if (node.type === "literal") return node.low !== undefined;
  if (node.type === "binary") return !(node.right.type === "literal" && !node.right.number) || hasArithmetic(node.left);
  return node.type === "power" || node.type === "call" || node.type === "negate";
}

export type { Picks, sameDim };
