import { NapkinError } from "../errors.js";
import { type Quantity, dims, evaluateNode, parseNotation } from "../notation/index.js";
import { type Figure, type ReferenceTable, figureRangeText } from "../reference.js";

/** A line's claim about what a component can handle, against the reference figure for it. */
export interface CapacityClaim {
  figure: Figure;
  claimed: Quantity;
  claimedText: string;
  overClaim: boolean;
  /** The figure as the table states it: `10K–50K/s (Postgres indexed reads)`. */
  table: string;
}

// Latin letters spelled out rather than \p{L} with the `i` flag: V8 takes ~2 ms to compile each
// case-insensitive Unicode-property regex, and these are built for every figure on every start.
const letter = "A-Za-z\\u00C0-\\u024F";
/** Where a number starts: a digit not inside a word or another number. */
const numberStart = new RegExp(`(?<![${letter}\\d_.,])\\d`, "g");
/** What a claimed number is read from: its digits, scale and unit words, up to the first character notation has no use for. */
const quantityText = new RegExp(`^[${letter}\\d\\s.,_%/\\-–]{1,60}`);
/** A spaced dash ends the quantity: what follows is another clause (`100K ops/s - fast`). */
const clauseDash = /\s[-–]\s.*$/;

/** Words that make a line about a load, a shortfall or several nodes, not one node's capacity (in lower-cased text). */
const notOneNodeCapacity = /\b(can'?t|cannot|won'?t|doesn'?t|not|never|n[aã]o|nunca|need|needs|needed|precisa|precisamos|precisaria|require[sd]?|exige|peak|pico|shards?|sharding|nodes|n[oó]s|replicas|r[eé]plicas|instances|inst[aâ]ncias|brokers|servers|servidores|machines|m[aá]quinas|partitions|parti[cç][oõ]es|total|totals|across|combined|aggregate|fleet|cluster-wide|ao todo|somad[oa]s|juntos)\b/;

/** Words that name one unit of a component (lower-cased text): `per node`, `a single partition`, `por nó`, `each prefix`. */
const oneUnit = /(?:\b(?:per|each|one|single|por|cada|um|uma|[uú]nic[oa])|\/)\s*(?:[a-z0-9]+\s+){0,2}?(?:node|n[oó]|partition|parti[cç][aã]o|prefix|prefixo|core|n[uú]cleo|broker|server|servidor|instance|inst[aâ]ncia|machine|m[aá]quina|shard)(?![a-z\u00e0-\u00ff])/;

/** Words that state what a component can do, in English, Portuguese and Spanish (lower-cased text). */
const capacityVerb = /\b(handles?|handled|handling|can|could|does|do|did|serves?|supports?|sustains?|process(?:es)?|reach(?:es)?|scales?|manages?|tops? out|maxes? out|max(?:imum)?|up to|peaks? at|faz|fazem|aguenta[m]?|suporta[m]?|processa[m]?|atende[m]?|chega[m]? a|atinge[m]?|at[eé]|soporta[n]?|maneja[n]?|procesa[n]?|alcanza[n]?|hasta|capacity|capacidade|capacidad|throughput|vaz[aã]o)\b/;

/** The clause of a line around a position: between commas, semicolons, sentence ends and dashes. */
function clauseAround(line: string, index: number): string {
  const boundary = /[,;!?—–]|\.\s|\s-\s/g;
  let start = 0;
  let end = line.length;
  for (const match of line.matchAll(boundary)) {
    if (match.index! < index) start = match.index! + match[0].length;
    else {
      end = match.index!;
      break;
    }
  }
  return line.slice(start, end);
}

/** Any of these words, whole, in lower-cased text: no `i` flag, which makes V8 compile case variants of every letter range. */
const wordPattern = (words: string[]) => new RegExp(`(?<![${letter}_])(${words.map((word) => escape(word.toLowerCase())).join("|")})(?![${letter}\\d_])`);
const escape = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Prepared matchers for the figures a line can name (those with `match` words in the reference data). */
export function capacityMatchers(reference: ReferenceTable) {
  const figures = reference.figures
    .filter((f) => f.match && kindOf(f) !== undefined)
    .map((figure) => ({ figure, component: wordPattern(figure.match!.component), operation: wordPattern(figure.match!.operation) }));
  // Most lines name no component: a plain substring test in the lower-cased line decides. Before it, so that
  // most lines are not copied, a cheaper test that never misses a line the substring test would find: the
  // words in any letter case (an `i` flag without `u` compiles fast), also with the two characters whose
  // lower case is an ASCII letter, İ and the Kelvin sign.
  // A word that holds a shorter one (`postgresql`, `memcached`, `websockets`) is found by it: the prefilter keeps the shorter.
  const allWords = [...new Set(figures.flatMap((f) => f.figure.match!.component.map((w) => w.toLowerCase())))];
  const componentWords = allWords.filter((word) => !allWords.some((other) => other !== word && word.includes(other)));
  const anyCase = (word: string) => escape(word).replace(/i/g, "[i\u0130]").replace(/k/g, "[k\u212A]");
  const mayNameComponent = componentWords.length ? new RegExp(componentWords.map(anyCase).join("|"), "i") : /(?!)/;
  // For each prefilter word, the figures it may name: a line naming Redis tests Redis's figures, not all of them.
  const byWord = new Map(componentWords.map((word) => [word, figures.filter((f) => f.figure.match!.component.some((w) => w.toLowerCase().includes(word)))]));
  return { figures, componentWords, mayNameComponent, byWord };
}

export type CapacityMatchers = ReturnType<typeof capacityMatchers>;

/** What a figure a line can over-claim measures: a rate (requests, messages), a data rate (a link, a disk) or a count (connections). */
type ClaimKind = "rate" | "dataRate" | "count";

function kindOf(figure: Figure): ClaimKind | undefined {
  const { dim } = figure.quantity;
  if (dim.c !== 0) return undefined;
  if (dim.t === -1) return dim.d === 0 ? "rate" : dim.d === 1 ? "dataRate" : undefined;
  return dim.t === 0 && dim.d === 0 && figure.load === "connections" ? "count" : undefined;
}

/** The claimed number as a figure of this kind compares it, or undefined when it measures something else. */
function claimedAs(kind: ClaimKind, number: ClaimedNumber): Quantity | undefined {
  const { dim } = number.value;
  if (kind === "dataRate") return dim.t === -1 && dim.d === 1 && dim.c === 0 ? number.value : undefined;
  if (kind === "count") return dim.t === 0 && dim.d === 0 && dim.c === 0 ? number.value : undefined;
  return number.asRate;
}

/**
 * The capacity a line claims for a named component ("Postgres read: can handle 50-100k reads per seconds"):
 * the first rate or count after the component's name, read as per second. Over-claiming means a high end
 * above the reference range's high end by more than the tolerance; open-ended figures (Kafka 1M+) are never over-claimed.
 */
export function findCapacityClaim(line: string, matchers: CapacityMatchers, tolerance: number): CapacityClaim | undefined {
  if (!matchers.mayNameComponent.test(line)) return undefined;
  const lower = line.toLowerCase();
  const present = matchers.componentWords.filter((word) => lower.includes(word));
  if (present.length === 0) return undefined;
  // In the table's order, whichever words found them: ties between figures go to the earlier one.
  const maybe = present.length === 1 ? matchers.byWord.get(present[0])! : matchers.figures.filter((f) => present.some((word) => matchers.byWord.get(word)!.includes(f)));
  const named = maybe.filter((m) => m.component.test(lower) && m.operation.test(lower));
  if (named.length === 0) return undefined;
  const number = claimedNumber(line);
  if (!number) return undefined;
  // Only a figure that measures what the number does: `10 Gbps` is a link's, `2M connections` a server's.
  const candidates = named.filter((m) => claimedAs(kindOf(m.figure)!, number) !== undefined);
  if (candidates.length === 0) return undefined;
  // From the number on: its own words (`10M msgs/s`) name the operation first.
  const after = line.slice(number.index);
  const [afterLower, beforeLower] = [after.toLowerCase(), line.slice(0, number.index).toLowerCase()];
  // The operation named nearest the number decides the figure (Postgres "reads" vs "inserts").
  // A figure whose unit the line names wins a tie (`one Kafka broker … msgs/s`: per broker, not per cluster).
  const scored = candidates
    .map((m) => ({ m, at: afterLower.search(m.operation), before: beforeLower.search(m.operation), unit: m.figure.per !== undefined && lower.includes(m.figure.per.toLowerCase()) }))
    .map(({ m, at, before, unit }) => ({ m, distance: (at >= 0 ? at : before >= 0 ? number.index - before + 1000 : 1e9) - (unit ? 0.5 : 0) }))
    .sort((a, b) => a.distance - b.distance);
  const { figure, component } = scored[0].m;
  // A capacity is stated with a verb (`handles`, `aguenta`, `can do`) or as a spec (`Redis single node: ~1M`, a table row)
  // between the component and the number; `when 1 Million writes per second arrive, MySQL locks` states a load.
  const at = lower.search(component);
  const between = at >= 0 && at < number.index ? lower.slice(at, number.index) : "";
  if (!between.includes(":") && !between.includes("|") && !capacityVerb.test(between)) return undefined;
  const claimed = claimedAs(kindOf(figure)!, number)!;
  const range = figure.quantity;
  // Only a claim about what one node can do over-claims: "can't handle 200K", "we need 500K at peak, so
  // 2-5 nodes" and "a cluster handles 1M with 5 nodes" state loads or fleets, and are right.
  const clause = clauseAround(line, number.index).toLowerCase();
  // A component that scales out is over-claimed only by a line naming one unit of it: `per node`, `one partition`.
  const aboutOneNode = !notOneNodeCapacity.test(clause) && (figure.per === "cluster" || !/\bcluster\b/.test(clause)) && (!figure.scalesOut || oneUnit.test(lower));
  const overClaim = aboutOneNode && !figure.openEnded && claimed.high > range.high * (1 + tolerance);
  const table = `${figureRangeText(figure)} (${figure.name}${figure.per ? `, per ${figure.per}` : ""})`;
  return { figure, claimed, claimedText: number.text, overClaim, table };
}

/** The number a capacity claim states: as written (with its dimension), and as a per-second rate. */
interface ClaimedNumber {
  index: number;
  text: string;
  value: Quantity;
  asRate: Quantity;
}

/**
 * The first number in a line, with the scale and unit words after it, read through the vocabulary: a rate
 * (`50-100k reads per seconds`, `2 millions ops/s`, `600/min`) in its own unit, a bare count as per second.
 */
function claimedNumber(line: string): ClaimedNumber | undefined {
  numberStart.lastIndex = 0;
  for (let m = numberStart.exec(line); m; m = numberStart.exec(line)) {
    const text = (quantityText.exec(line.slice(m.index))?.[0] ?? "").replace(clauseDash, "");
    try {
      const parsed = parseNotation(text, { stopAtProse: true });
      const node = parsed.node;
      if (node.type !== "literal" || !node.number) continue;
      const value = evaluateNode(node, {});
      const perSecond = value.dim.t === -1 && value.dim.d === 0 && value.dim.c === 0;
      // A bare count, or a count with words that are not a rate (`ops sec`), is per second: what the table gives.
      const asRate: Quantity = perSecond ? value : { ...evaluateNode(node, { annotate: true }), dim: dims.rate };
      return { index: m.index, text: text.slice(0, parsed.end).trim(), value, asRate };
    } catch (error) {
      if (!(error instanceof NapkinError)) throw error;
    }
  }
  return undefined;
}
