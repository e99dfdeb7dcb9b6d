import { NapkinError } from "./errors.js";
import { type Quantity, chooseUnit, formatNapkin, formatQuantity, readNotation } from "./notation/index.js";
import { type infer as infer_, validate, z } from "./schema.js";
import { didYouMean } from "./suggest.js";

/** What load a capacity check compares a figure with. */
export const loadKinds = ["writes", "reads", "ops", "messages", "connections", "bandwidth"] as const;

/** The reference file schema, built on first use (start-up builds nothing it does not need). */
function buildReferenceSchemas() {
  const text = z.string().check(z.minLength(1));
  const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date like 2026-02-25"));
  const figureSchema = z.strictObject({
    id: text,
    topics: z.array(text).check(z.minLength(1)),
    name: text,
    /** The system it is about, as said out loud: `Postgres`, `Redis`. */
    component: z.optional(text),
    /** The figure in napkin notation: `5,000-10,000/s`, `150 μs`. */
    value: text,
    /** `1M+`: the table vouches for at least this much. */
    openEnded: z.optional(z.boolean()),
    per: z.optional(text),
    conditions: text,
    load: z.optional(z.enum(loadKinds)),
    /** Words that name this figure in prose, for the checker. */
    match: z.optional(z.strictObject({ component: z.array(text), operation: z.array(text) })),
    advice: z.optional(text),
    /**
     * A component that spreads over nodes by design (Cassandra, DynamoDB, S3, Kafka's partitions): a line over-claims
     * it only when it names one unit (per node, one partition, per prefix); otherwise it is about the whole system.
     */
    scalesOut: z.optional(z.boolean()),
    /** The source's own words for the figure, verbatim. */
    quote: z.optional(text),
    source: text,
    asOf: isoDate,
  });

  const ruleSchema = z.strictObject({
    id: text,
    topics: z.array(text).check(z.minLength(1)),
    name: text,
    expression: text,
    equals: text,
    tolerance: z.optional(z.string().check(z.regex(/^\d+(\.\d+)?%$/, "must be a percentage like 5%"))),
    note: z.optional(text),
    source: text,
    asOf: isoDate,
  });

  const referenceFileSchema = z.strictObject({
    $schema: z.optional(z.string()),
    figures: z.optional(z.array(figureSchema)),
    rules: z.optional(z.array(ruleSchema)),
  });
  return { figure: figureSchema, rule: ruleSchema, file: referenceFileSchema };
}

let schemas: ReturnType<typeof buildReferenceSchemas> | undefined;
const referenceSchemas = () => (schemas ??= buildReferenceSchemas());

export type FigureData = infer_<ReturnType<typeof buildReferenceSchemas>["figure"]>;
export type Rule = infer_<ReturnType<typeof buildReferenceSchemas>["rule"]>;

/** A reference figure with its value read: a range in base units (per second, seconds, bytes). */
export interface Figure extends FigureData {
  quantity: Quantity;
  file: string;
}

export interface ReferenceTable {
  figures: Figure[];
  rules: Rule[];
}

/**
 * Validates a reference file's data and reads every figure's value; errors name the file and field.
 * `readRules: false` skips reading the rules' expressions, which nothing at run time evaluates (the
 * built-in table does this: tests/core/reference.test.ts evaluates every built-in rule).
 */
export function loadReference(data: unknown, file: string, { readRules = true } = {}): ReferenceTable {
  const parsed = validate(referenceSchemas().file, data, file);
  const figures = (parsed.figures ?? []).map((figure, i) => ({ ...figure, quantity: readFigureValue(figure.value, file, `figures.${i}.value`), file }));
  const rules = parsed.rules ?? [];
  if (readRules) {
    rules.forEach((rule, i) => {
      readField(rule.expression, file, `rules.${i}.expression`);
      readField(rule.equals, file, `rules.${i}.equals`);
    });
  }
  return { figures, rules };
}

/** A figure's value: a capacity, latency or size above zero (a load is divided by it). */
function readFigureValue(value: string, file: string, path: string): Quantity {
  const quantity = readField(value, file, path);
  if (!(quantity.low > 0) || !Number.isFinite(quantity.high)) throw new NapkinError("data", `${file}: ${path}: '${value}' must be above zero, like 5,000/s or 150 μs`);
  return quantity;
}

function readField(value: string, file: string, path: string): Quantity {
  try {
    return readNotation(value).quantity;
  } catch (error) {
    if (error instanceof NapkinError) throw new NapkinError("data", `${file}: ${path}: ${error.message}`, { hint: error.hint });
    throw error;
  }
}

/** The built-in table with a user's entries added; an entry with a built-in id replaces it. */
export function mergeReference(base: ReferenceTable, extra: ReferenceTable): ReferenceTable {
  const merge = <T extends { id: string }>(a: T[], b: T[]) => [...a.filter((x) => !b.some((y) => y.id === x.id)), ...b];
  return { figures: merge(base.figures, extra.figures), rules: merge(base.rules, extra.rules) };
}

/** Every topic named in the table, for filters and did-you-mean. */
export function referenceTopics(table: ReferenceTable): string[] {
  return [...new Set([...table.figures, ...table.rules].flatMap((entry) => entry.topics))].sort();
}

/** The entries about a topic (a topic tag, an id prefix or a word of the name); all of them without one. */
export function filterReference(table: ReferenceTable, topic?: string): ReferenceTable {
  if (!topic) return table;
  const wanted = topic.toLowerCase();
  const matches = (entry: { id: string; topics: string[]; name: string }) =>
    entry.topics.includes(wanted) || entry.id.startsWith(wanted) || entry.name.toLowerCase().split(/\W+/).includes(wanted);
  const filtered = { figures: table.figures.filter(matches), rules: table.rules.filter(matches) };
  if (filtered.figures.length + filtered.rules.length === 0) {
    throw new NapkinError("usage", `no reference topic '${topic}'`, { hint: didYouMean(topic, referenceTopics(table), "topics") });
  }
  return filtered;
}

/**
 * A figure's range as napkin says it: `10K–50K/s`, `1M+/s`, `1K/s` (one value), `100K–2M connections`,
 * `6.5–8.6 GB/s`. One wording for check's over-claims and estimate's verdicts.
 */
export function figureRangeText(figure: Figure): string {
  const { low, high, dim } = figure.quantity;
  const ends = (format: (n: number) => string) => (figure.openEnded ? `${format(low)}+` : low === high ? format(high) : `${format(low)}–${format(high)}`);
  if (figure.load === "connections") return `${ends(formatNapkin)} connections`;
  if (dim.t === -1 && dim.d === 0 && dim.c === 0) return `${ends(formatNapkin)}/s`;
  return `${formatQuantity(figure.quantity, chooseUnit(dim, high), "napkin")}${figure.openEnded ? "+" : ""}`;
}
