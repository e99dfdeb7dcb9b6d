import { array, describe, enum as oneOf, meta, minLength, optional, record, regex, strictObject, string } from "zod/mini";
import { type AnswerTarget, type CorrectAnswer, correctAnswer, readAnswer, readAnswerTarget } from "./answer.js";
import { withinTolerance } from "./judge/slips.js";
import { NapkinError } from "./errors.js";
import { type Estimate, type EstimateInputName, type EstimateInputs, EstimateError, estimateScenario, estimateTraffic, inputsSchema, resultNames, scenarioSchema } from "./estimate/index.js";
import { dims, formatExact, readNotation } from "./notation/index.js";
import type { ReferenceTable } from "./reference.js";
import { type infer as infer_, validate } from "./schema.js";
import { didYouMean } from "./suggest.js";

/** Conventions an exercise may accept besides the exact arithmetic. */
export const allowedConventions = ["day-1e5", "month-2.5M"] as const;
export type Convention = (typeof allowedConventions)[number];

const text = (what: string) => string().check(minLength(1), describe(what));
const percent = (what: string) => string().check(regex(/^\d+(\.\d+)?%$/, "must be a percentage like 5%"), describe(what));

/** The preset file schema, built on first use (start-up builds nothing it does not need). */
function buildPresetSchema() {
  const name = string().check(regex(/^[A-Za-z][A-Za-z0-9]*$/, "must be a name like pingsPerSec (letters and digits)"));
  const scenario = scenarioSchema().shape;
  return strictObject({
    $schema: optional(string().check(describe("the JSON Schema this file follows (presets/schema.json), for editors"))),
    id: string().check(regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be lower-case words joined by hyphens, like gps-pings"), describe("unique id; by convention the file name without .json")),
    title: text("a short title for listings"),
    prompt: text("the question as an interviewer says it (pt or en); {inputName} is replaced by that input's value, so --randomize can vary it"),
    source: text("where the numbers come from: a book chapter, the study notes, or 'our assumption'"),
    tags: array(string().check(regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be a lower-case tag like qps"))).check(minLength(1), describe("tags for --tag filters")),
    inputs: optional(inputsSchema().check(describe("napkin estimate inputs in napkin notation, keyed by input name (or shared + streams, as a scenario file)"))),
    shared: optional(scenario.shared),
    streams: optional(scenario.streams),
    ask: record(name, string().check(meta({
      description: "what this answer is: an estimate result key (as in `napkin estimate --json`; a scenario's total), <stream>.<result key> for one stream, or capacity:<figure id> for a fits/tight/exceeds verdict",
      anyOf: [{ enum: [...resultNames] }, { pattern: "^[a-z][a-z0-9-]*\\.[A-Za-z]+$" }, { pattern: "^capacity:[a-z0-9.-]+$" }],
    }))).check(describe("the quantities asked, by the name a learner answers with (pingsPerSec), each mapped to what it is (avgQps)")),
    expected: record(name, strictObject({
      value: text("the answer as the source states it or as worked by hand, in napkin notation (or fits/tight/exceeds)"),
      tolerance: optional(percent("how far napkin's exact answer may be from value; required for numbers")),
      working: optional(text("how the answer is worked, for solve")),
    })).check(describe("one expected answer for every asked quantity")),
    conventions: optional(strictObject({
      month: optional(text("month length this exercise uses, like --month: 30d (default), 2.5M s")),
      tolerance: optional(percent("how close a learner's answer must be (default 25%, as napkin check)")),
      allow: optional(array(oneOf(allowedConventions)).check(describe("also right: day-1e5 (a day taken as 10⁵ s), month-2.5M (a month as 2.5M s)"))),
    })),
    attempts: optional(record(name, text("a recorded answer, as written"))).check(describe("recorded answers (e.g. the study notes' own), graded by napkin batch")),
    hints: optional(array(text("a hint"))),
    notes: optional(text("anything else: what the exercise teaches, where the attempt went wrong")),
  });
}

let presetSchemaCache: ReturnType<typeof buildPresetSchema> | undefined;

/** The zod schema of a preset file (presets/schema.json is generated from it). */
export function presetSchema() {
  return (presetSchemaCache ??= buildPresetSchema());
}

export type ExerciseData = infer_<ReturnType<typeof buildPresetSchema>>;

/** One asked quantity: the name a learner answers with and what it is. */
export interface Ask {
  name: string;
  /** As written in the file: `avgQps`, `capacity:postgres.inserts`. */
  of: string;
  target: AnswerTarget;
}

/** A validated exercise: its data, where it came from, and its asks read. */
export interface Exercise extends Omit<ExerciseData, "inputs"> {
  /** One stream's inputs, or a scenario's shared ones. */
  inputs: EstimateInputs;
  file: string;
  asks: Ask[];
  /** From conventions.month; undefined means the default 30-day month. */
  monthSeconds?: number;
  /** How close a learner's answer must be (a fraction). */
  tolerance?: number;
  allow: Convention[];
}

/** An exercise with its inputs solved: the estimate and the right answer to each asked quantity. */
export interface Solution {
  inputs: EstimateInputs;
  estimate: Estimate;
  answers: Record<string, CorrectAnswer>;
}

export interface SolveOptions {
  /** The global --month, which wins over the exercise's own convention. */
  monthSeconds?: number;
}

/** Collects `file: path: message` lines, so one malformed file reports every problem at once. */
export class Problems {
  readonly lines: string[] = [];
  constructor(private readonly file: string) {}
  add(path: string, message: string, hint?: string): void {
    this.lines.push(`${this.file}: ${path}: ${message}${hint ? ` (${hint})` : ""}`);
  }
  /** Runs `fn`; a NapkinError it throws becomes a problem at `path`. */
  guard<T>(path: string, fn: () => T): T | undefined {
    try {
      return fn();
    } catch (error) {
      if (!(error instanceof NapkinError)) throw error;
      const message = error.text !== undefined && !error.message.includes(`'${error.text}'`) ? `${error.message}: '${error.text}'` : error.message;
      this.add(path, message, error.hint);
      return undefined;
    }
  }
  throwIfAny(): void {
    if (this.lines.length) throw new NapkinError("data", this.lines.join("\n"));
  }
}

/** Validates a preset's data: the schema, then what the schema cannot say (asks, keys, placeholders, conventions). */
export function readExercise(data: unknown, file: string, reference: ReferenceTable): Exercise {
  const parsed = validate(presetSchema(), data, file);
  const problems = new Problems(file);
  const figureIds = reference.figures.filter((f) => f.load).map((f) => f.id);
  const asks: Ask[] = [];
  if (!parsed.inputs === !parsed.streams) problems.add(parsed.inputs ? "streams" : "inputs", "give inputs (one stream) or shared + streams (a scenario), not both and not neither");
  if (parsed.shared && !parsed.streams) problems.add("shared", "shared inputs go with streams");
  const streamNames = (parsed.streams ?? []).map((s) => s.name);
  for (const [askName, of] of Object.entries(parsed.ask)) {
    const target = problems.guard(`ask.${askName}`, () => readAnswerTarget(of, figureIds, streamNames));
    if (target) asks.push({ name: askName, of, target });
  }
  if (Object.keys(parsed.ask).length === 0) problems.add("ask", "ask for at least one quantity");
  const askNames = Object.keys(parsed.ask);
  for (const field of ["expected", "attempts"] as const) {
    for (const key of Object.keys(parsed[field] ?? {})) {
      if (!askNames.includes(key)) problems.add(`${field}.${key}`, `'${key}' is not asked`, didYouMean(key, askNames, "asked"));
    }
  }
  for (const askName of askNames) {
    if (!parsed.expected[askName]) problems.add(`expected.${askName}`, "every asked quantity needs an expected answer");
  }
  for (const [askName, expected] of Object.entries(parsed.expected)) {
    const ask = asks.find((a) => a.name === askName);
    if (ask?.target.kind === "number" && !expected.tolerance) problems.add(`expected.${askName}.tolerance`, "a number needs a tolerance, like \"5%\"");
  }
  const inputs: EstimateInputs = parsed.inputs ?? parsed.shared ?? {};
  for (const match of parsed.prompt.matchAll(/\{(\w+)\}/g)) {
    const input = match[1] as EstimateInputName;
    if (!inputs[input]) problems.add("prompt", `placeholder {${input}} names no input of this exercise${parsed.streams ? " (a scenario's placeholders name shared inputs)" : ""}`, didYouMean(input, Object.keys(inputs), "inputs"));
  }
  const conventions = parsed.conventions ?? {};
  let monthSeconds: number | undefined;
  if (conventions.month) {
    monthSeconds = problems.guard("conventions.month", () => {
      const month = readNotation(conventions.month!, { expect: dims.time }).quantity;
      if (month.low !== month.high || month.low <= 0) throw new NapkinError("data", "must be one positive duration, like 30d or 2.5M s");
      return month.low;
    });
  }
  problems.throwIfAny();
  return {
    ...parsed,
    inputs,
    file,
    asks,
    monthSeconds,
    tolerance: conventions.tolerance ? readPercent(conventions.tolerance) : undefined,
    allow: conventions.allow ?? [],
  };
}

/** Solves an exercise (with its own inputs, or randomized ones): the estimate and every asked answer. */
export function solveExercise(exercise: Exercise, reference: ReferenceTable, options: SolveOptions = {}, inputs: EstimateInputs = exercise.inputs): Solution {
  const problems = new Problems(exercise.file);
  const monthSeconds = options.monthSeconds ?? exercise.monthSeconds;
  // A problem with the inputs is an EstimateError naming its field (`inputs.payload`): the shell words it, with the file.
  let estimate: Estimate;
  try {
    estimate = exercise.streams ? estimateScenario({ shared: inputs, streams: exercise.streams }, reference, { monthSeconds }) : estimateTraffic(inputs, reference, { monthSeconds });
  } catch (error) {
    if (error instanceof EstimateError) error.place.file = exercise.file;
    throw error;
  }
  const answers: Record<string, CorrectAnswer> = {};
  for (const ask of exercise.asks) {
    const answer = correctAnswer(ask.target, estimate);
    if (answer) answers[ask.name] = answer;
    else problems.add(`ask.${ask.name}`, `these inputs do not give ${ask.of}`, missingHint(ask.of));
  }
  problems.throwIfAny();
  return { inputs, estimate, answers };
}

/**
 * What a solved exercise must also satisfy: each expected answer agrees with napkin's within its
 * tolerance. Returns `file: path: message` lines (gradeAttempts reports unreadable attempts).
 */
export function checkExercise(exercise: Exercise, solution: Solution, options: SolveOptions = {}): string[] {
  const problems = new Problems(exercise.file);
  const monthSeconds = options.monthSeconds ?? exercise.monthSeconds;
  for (const ask of exercise.asks) {
    const expected = exercise.expected[ask.name];
    const correct = solution.answers[ask.name];
    if (!expected || !correct) continue;
    const stated = problems.guard(`expected.${ask.name}.value`, () => readAnswer(expected.value, ask.target, monthSeconds));
    if (stated?.kind === "verdict" && correct.kind === "verdict" && stated.verdict !== correct.verdict) {
      problems.add(`expected.${ask.name}.value`, `'${expected.value}' disagrees with napkin's verdict '${correct.verdict}' (${correct.check.say})`);
    }
    if (stated?.kind === "number" && correct.kind === "number" && expected.tolerance) {
      const tolerance = readPercent(expected.tolerance);
      if (!withinTolerance(correct.value, stated, tolerance)) {
        problems.add(`expected.${ask.name}.value`, `'${expected.value}' disagrees with napkin's ${correct.display} (${formatExact(correct.value / stated.value)}× apart; tolerance ${expected.tolerance})`);
      }
    }
  }
  return problems.lines;
}

/** The exercise's prompt with `{input}` placeholders filled from these inputs. */
export function fillPrompt(prompt: string, inputs: EstimateInputs): string {
  return prompt.replace(/\{(\w+)\}/g, (whole, key: string) => inputs[key as EstimateInputName] ?? whole);
}

function readPercent(text: string): number {
  return Number(text.replace("%", "")) / 100;
}

function missingHint(of: string): string | undefined {
  if (/^(bandwidth|peakBandwidth|storage)/.test(of)) return "add a payload input";
  if (of === "egressBytesPerSec") return "add a payload and readsPerWrite (or readRatio)";
  if (/^(readQps|peakReadQps)$/.test(of)) return "add readsPerWrite or readRatio";
  if (of === "storageBytesRetention") return "add a payload and a retention";
  if (of === "dau") return "give users and dauRatio, or dau";
  if (of === "concurrent") return "give concurrent, or arrivals with session";
  return undefined;
}

/** The exercise with this id; an unknown id is a usage error with a did-you-mean. */
export function findExercise<T extends { id: string }>(exercises: readonly T[], id: string): T {
  const found = exercises.find((e) => e.id === id);
  if (!found) throw new NapkinError("usage", `no exercise '${id}'`, { hint: didYouMean(id, exercises.map((e) => e.id), "exercises") });
  return found;
}

/** The exercises with this tag (all of them without one); an unknown tag is a usage error. */
export function filterByTag<T extends { tags: string[] }>(exercises: readonly T[], tag?: string): T[] {
  if (!tag) return [...exercises];
  const found = exercises.filter((e) => e.tags.includes(tag));
  if (found.length === 0) {
    const tags = [...new Set(exercises.flatMap((e) => e.tags))].sort();
    throw new NapkinError("usage", `no exercise is tagged '${tag}'`, { hint: didYouMean(tag, tags, "tags") });
  }
  return found;
}
