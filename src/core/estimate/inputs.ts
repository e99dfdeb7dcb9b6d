import { NapkinError } from "../errors.js";
import { type Quantity, type ReadingNote, dims, divide, multiply, quantity, readNotation, secondsPerDay } from "../notation/index.js";

/** What an input measures: how its text is read and checked. */
export type InputKind = "count" | "ratio" | "perDay" | "online" | "time" | "rate" | "size" | "factor" | "readRatio";

/**
 * Every estimate input: the table drives the CLI flags, the preset and scenario schemas, the reading of values
 * and the docs. `needs` lists what else must be given for the input to be used (any one of the sets).
 */
export const estimateInputs = [
  { name: "users", flag: "--users", kind: "count", description: "total users (with --dau-ratio)", example: "20M" },
  { name: "dau", flag: "--dau", kind: "count", description: "daily active users", example: "1M" },
  { name: "dauRatio", flag: "--dau-ratio", kind: "ratio", description: "share of users active each day", example: "5%" },
  { name: "perUser", flag: "--per-user", kind: "perDay", description: "actions per active user per day (default 1)", example: "10/day" },
  { name: "online", flag: "--online", kind: "online", description: "how long an active user is connected each day, or the share of the day (with --dau, and --interval or --connections-per-server)", example: "30min" },
  { name: "eventsPerAction", flag: "--events-per-action", kind: "factor", description: "events (writes, messages) each action makes", example: "2" },
  { name: "concurrent", flag: "--concurrent", kind: "count", description: "devices or sessions connected at once (with --interval)", example: "200K" },
  { name: "arrivals", flag: "--arrivals", kind: "rate", description: "sessions starting per second (with --session: Little's law)", example: "100/s" },
  { name: "session", flag: "--session", kind: "time", description: "how long a session lasts (with --arrivals)", example: "30min" },
  { name: "interval", flag: "--interval", kind: "time", description: "one event per connected device every interval", example: "3s" },
  { name: "qps", flag: "--qps", kind: "rate", description: "the write rate directly (plain numbers are per second)", example: "400" },
  { name: "window", flag: "--window", kind: "time", description: "the day's traffic arrives within this window (default: all day)", example: "6.5h" },
  { name: "payload", flag: "--payload", kind: "size", description: "bytes per event; an average may be written as a sum (300B + 10% × 1MB)", example: "100B" },
  { name: "peak", flag: "--peak", kind: "factor", description: "peak over average (default 3x; a range like 3-5x)", example: "3x" },
  { name: "readsPerWrite", flag: "--reads-per-write", kind: "factor", description: "reads for each write (0 for none)", example: "100" },
  { name: "readRatio", flag: "--read-ratio", kind: "readRatio", description: "reads to writes, as R:W", example: "100:1" },
  { name: "fanout", flag: "--fanout", kind: "factor", description: "deliveries each write makes (followers, recipients)", example: "200" },
  { name: "retention", flag: "--retention", kind: "time", description: "how long data is kept (records, and storage with --payload)", example: "5y" },
  { name: "replication", flag: "--replication", kind: "factor", description: "copies of every stored byte (default 1; with --payload)", example: "3" },
  { name: "cache", flag: "--cache", kind: "ratio", description: "share of a day's reads kept in cache (the 80/20 rule: 20%)", example: "20%" },
  { name: "serverQps", flag: "--server-qps", kind: "rate", description: "requests one server handles (plain numbers are per second)", example: "1000" },
  { name: "headroom", flag: "--headroom", kind: "ratio", description: "share of a server's rate used at peak (with --server-qps; default 100%)", example: "70%" },
  { name: "connectionsPerServer", flag: "--connections-per-server", kind: "count", description: "connections one server holds open", example: "50K" },
] as const satisfies readonly { name: string; flag: string; kind: InputKind; description: string; example: string }[];

export type EstimateInputName = (typeof estimateInputs)[number]["name"];
export type EstimateInputs = Partial<Record<EstimateInputName, string>>;
export type InputSpec = (typeof estimateInputs)[number];

export const inputNames: readonly EstimateInputName[] = estimateInputs.map((i) => i.name);

export function inputSpec(name: EstimateInputName): InputSpec {
  return estimateInputs.find((i) => i.name === name)!;
}

/**
 * How estimate read its inputs and what it assumed, as data the shell words: a default taken, a bare number
 * given the input's natural unit, how notation read an input's text, two inputs that agree, an input a
 * preset gave that a flag replaced.
 */
export type EstimateReading =
  | { readonly kind: "default"; readonly input: "peak" | "perUser" | "window" | "headroom" | "replication" }
  | { readonly kind: "bare"; readonly input: EstimateInputName; readonly text: string; readonly as: "per-second" | "bytes" }
  | { readonly kind: "bits"; readonly input: EstimateInputName; readonly text: string; readonly bytes: number }
  | { readonly kind: "note"; readonly input: EstimateInputName; readonly note: ReadingNote }
  | { readonly kind: "agree"; readonly inputs: readonly EstimateInputName[]; readonly with: readonly EstimateInputName[]; readonly value: number }
  | { readonly kind: "online-share"; readonly input: "online"; readonly share: number }
  | { readonly kind: "calendar"; readonly period: "month" }
  | { readonly kind: "replaced"; readonly input: EstimateInputName; readonly text: string; readonly by: readonly EstimateInputName[] }
  | { readonly kind: "stream-overrides"; readonly stream: string; readonly input: EstimateInputName }
  | { readonly kind: "compared"; readonly against: readonly string[]; readonly byDefault: boolean };

/** What is wrong with the inputs, as data: the shell names the flags or the file's fields. */
export type EstimateProblem =
  | { readonly kind: "no-traffic" }
  | { readonly kind: "two-sources"; readonly inputs: readonly EstimateInputName[] }
  | { readonly kind: "needs"; readonly input: EstimateInputName; readonly anyOf: readonly (readonly EstimateInputName[])[] }
  | { readonly kind: "conflicts"; readonly input: EstimateInputName; readonly with: EstimateInputName }
  | { readonly kind: "disagree"; readonly inputs: readonly EstimateInputName[]; readonly with: readonly EstimateInputName[]; readonly values: readonly [number, number] }
  | { readonly kind: "expected"; readonly input: EstimateInputName; readonly text: string; readonly want: InputKind }
  | { readonly kind: "duration-per-period"; readonly input: EstimateInputName; readonly text: string; readonly perDay: number }
  | { readonly kind: "not-positive"; readonly input: EstimateInputName; readonly text: string; readonly zeroAllowed: boolean }
  | { readonly kind: "above-one"; readonly input: EstimateInputName; readonly text: string }
  | { readonly kind: "peak-below-average"; readonly input: EstimateInputName; readonly text: string }
  | { readonly kind: "window-over-day"; readonly input: EstimateInputName; readonly text: string }
  | { readonly kind: "notation"; readonly input: EstimateInputName; readonly text: string; readonly error: NapkinError }
  | { readonly kind: "not-for-reads"; readonly input: EstimateInputName }
  | { readonly kind: "stream-name-twice"; readonly name: string }
  | { readonly kind: "shared-unused"; readonly input: EstimateInputName };

/**
 * A problem with the inputs of an estimate. `field` names the input as data does (`inputs.payload`, or
 * `streams[1].inputs.payload` in a scenario); the shell turns it into the flag or the file's field.
 */
export class EstimateError extends NapkinError {
  constructor(
    readonly problem: EstimateProblem,
    readonly field?: string,
  ) {
    super(problem.kind === "notation" ? problem.error.code : "input", problem.kind, { text: "text" in problem ? problem.text : undefined });
  }

  /** The same problem, at a field of a scenario's stream. */
  within(prefix: string): EstimateError {
    return new EstimateError(this.problem, this.field ? `${prefix}.${this.field}` : prefix);
  }
}

/** The input a problem is about, when it is about one. */
export function problemInput(problem: EstimateProblem): EstimateInputName | undefined {
  return "input" in problem ? problem.input : "inputs" in problem ? problem.inputs[0] : undefined;
}

export function fail(problem: EstimateProblem): never {
  const input = problemInput(problem);
  throw new EstimateError(problem, input ? `inputs.${input}` : undefined);
}

export type Values = Partial<Record<EstimateInputName, Quantity>>;

/** Where a time-based input's period points: a rate written per month keeps its year as 12 months. */
export interface ReadInputs {
  values: Values;
  /** Inputs whose text was written per month (`100M/month`). */
  perMonth: Set<EstimateInputName>;
}

export interface ReadOptions {
  monthSeconds?: number;
}

const day = quantity(secondsPerDay, dims.time);

/** Reads every input given, in table order; a problem names the input it is about. */
export function readInputs(inputs: EstimateInputs, readings: EstimateReading[], options: ReadOptions): ReadInputs {
  const values: Values = {};
  const perMonth = new Set<EstimateInputName>();
  for (const spec of estimateInputs) {
    const text = inputs[spec.name];
    if (text === undefined) continue;
    const { value, month } = readInput(spec, String(text), readings, options);
    values[spec.name] = value;
    if (month) perMonth.add(spec.name);
  }
  return { values, perMonth };
}

function readInput(spec: InputSpec, text: string, readings: EstimateReading[], options: ReadOptions): { value: Quantity; month: boolean } {
  let q: Quantity;
  let month = false;
  try {
    if (spec.kind === "readRatio") {
      const parts = text.split(":");
      if (parts.length !== 2 || !parts[0].trim() || !parts[1].trim()) fail({ kind: "expected", input: spec.name, text, want: "readRatio" });
      q = divide(readNotation(parts[0]).quantity, readNotation(parts[1]).quantity);
    } else {
      // A duration reads `30m` as minutes, a size reads `100B` as bytes: the input says what is meant.
      const expect = spec.kind === "time" ? dims.time : spec.kind === "size" ? dims.data : undefined;
      let read;
      try {
        read = readNotation(text, { monthSeconds: options.monthSeconds, expect });
      } catch (error) {
        // A bare number for a size takes the input's natural unit below; so does a duration per day for --online.
        if (!(error instanceof NapkinError) || error.code !== "dimension" || !expect || spec.kind === "time") throw error;
        read = readNotation(text, { monthSeconds: options.monthSeconds });
      }
      q = read.quantity;
      month = q.terms.some((t) => t.id === "month" && t.power < 0);
      for (const note of read.notes) {
        // `100b` for a payload is bits, 12.5 bytes: worth its own reading, with how to write bytes.
        if (spec.kind === "size" && note.kind === "sense" && note.chosen === "bits") readings.push({ kind: "bits", input: spec.name, text, bytes: q.low });
        else readings.push({ kind: "note", input: spec.name, note });
      }
    }
  } catch (error) {
    if (error instanceof EstimateError) throw error;
    if (error instanceof NapkinError) fail({ kind: "notation", input: spec.name, text, error });
    throw error;
  }
  q = fitKind(spec, q, text, readings);
  const zeroAllowed = spec.name === "readsPerWrite";
  if (q.low < 0 || (q.low === 0 && !zeroAllowed)) fail({ kind: "not-positive", input: spec.name, text, zeroAllowed });
  if (spec.kind === "ratio" && q.high > 1) fail({ kind: "above-one", input: spec.name, text });
  if (spec.name === "peak" && q.low < 1) fail({ kind: "peak-below-average", input: spec.name, text });
  if (spec.name === "window" && q.high > secondsPerDay) fail({ kind: "window-over-day", input: spec.name, text });
  return { value: q, month };
}

/** Checks the dimension an input needs; a bare number takes the input's natural unit, and says so. */
function fitKind(spec: InputSpec, q: Quantity, text: string, readings: EstimateReading[]): Quantity {
  const bare = q.dim.t === 0 && q.dim.d === 0 && q.dim.c === 0;
  const expected = (): never => fail({ kind: "expected", input: spec.name, text, want: spec.kind });
  switch (spec.kind) {
    case "count": case "ratio": case "factor": case "readRatio":
      return bare ? q : expected();
    case "perDay":
      // `35min/week` is time spent, not a count of actions: --online says how long users are connected.
      if (bare && q.terms.some((t) => t.key === "t" && t.power > 0)) return fail({ kind: "duration-per-period", input: spec.name, text, perDay: q.low * secondsPerDay });
      if (bare) return q;
      if (q.dim.t === -1 && q.dim.d === 0) return multiply(q, day);
      return expected();
    case "online":
      // A share of the day (`10%`), a duration (`30min`: per day), or a duration per period (`2h/day`, `35min/week`).
      if (bare) {
        if (q.high > 1) fail({ kind: "above-one", input: spec.name, text });
        return q;
      }
      if (q.dim.t === 1 && q.dim.d === 0) {
        const share = divide(q, day);
        if (share.high > 1) fail({ kind: "above-one", input: spec.name, text });
        readings.push({ kind: "online-share", input: "online", share: share.low });
        return share;
      }
      if (q.dim.t === 0 && q.dim.d === 0 && q.terms.some((t) => t.key === "t")) {
        if (q.high > 1) fail({ kind: "above-one", input: spec.name, text });
        readings.push({ kind: "online-share", input: "online", share: q.low });
        return q;
      }
      return expected();
    case "time":
      return q.dim.t === 1 && q.dim.d === 0 ? q : expected();
    case "rate":
      if (q.dim.t === -1 && q.dim.d === 0) return q;
      if (bare) {
        readings.push({ kind: "bare", input: spec.name, text, as: "per-second" });
        return { ...q, dim: dims.rate };
      }
      return expected();
    case "size":
      if (q.dim.d === 1 && q.dim.t === 0) return q;
      if (bare) {
        readings.push({ kind: "bare", input: spec.name, text, as: "bytes" });
        return { ...q, dim: dims.data };
      }
      return expected();
  }
}
