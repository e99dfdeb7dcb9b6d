import { NapkinError } from "./errors.js";
import {
  type Dim, type Quantity, type ReadingNote, bitRateUnit, chooseUnit, defaultMonthSeconds, dims, divide, formatExact, formatNapkin, formatQuantity,
  isRange, midpoint, multiply, quantity, readNotation, secondsPerDay, secondsPerYear,
} from "./notation/index.js";
import type { Figure, ReferenceTable } from "./reference.js";

type InputKind = "count" | "ratio" | "perDay" | "time" | "rate" | "size" | "factor" | "readRatio";

/** Every estimate input: the table drives the CLI flags, the preset schema and the reading of values. */
export const estimateInputs = [
  { name: "users", flag: "--users", kind: "count", description: "total users (needs --dau-ratio)", example: "20M" },
  { name: "dau", flag: "--dau", kind: "count", description: "daily active users", example: "1M" },
  { name: "dauRatio", flag: "--dau-ratio", kind: "ratio", description: "share of users active each day", example: "5%" },
  { name: "perUser", flag: "--per-user", kind: "perDay", description: "actions per active user per day (default 1)", example: "10/day" },
  { name: "eventsPerAction", flag: "--events-per-action", kind: "factor", description: "events (writes, messages) each action makes", example: "2" },
  { name: "concurrent", flag: "--concurrent", kind: "count", description: "devices or sessions connected at once (needs --interval)", example: "200K" },
  { name: "arrivals", flag: "--arrivals", kind: "rate", description: "sessions starting per second (with --session: Little's law)", example: "100/s" },
  { name: "session", flag: "--session", kind: "time", description: "how long a session lasts", example: "30min" },
  { name: "interval", flag: "--interval", kind: "time", description: "one event per device every interval", example: "3s" },
  { name: "qps", flag: "--qps", kind: "rate", description: "the write rate directly (plain numbers are per second)", example: "400" },
  { name: "payload", flag: "--payload", kind: "size", description: "bytes per event (B is bytes here)", example: "100B" },
  { name: "peak", flag: "--peak", kind: "factor", description: "peak over average (default 3x; a range like 3-5x)", example: "3x" },
  { name: "readsPerWrite", flag: "--reads-per-write", kind: "factor", description: "reads for each write", example: "100" },
  { name: "readRatio", flag: "--read-ratio", kind: "readRatio", description: "reads to writes, as R:W", example: "100:1" },
  { name: "retention", flag: "--retention", kind: "time", description: "how long data is kept", example: "5y" },
  { name: "replication", flag: "--replication", kind: "factor", description: "copies stored (default 1)", example: "3" },
] as const satisfies readonly { name: string; flag: string; kind: InputKind; description: string; example: string }[];

export type EstimateInputName = (typeof estimateInputs)[number]["name"];
export type EstimateInputs = Partial<Record<EstimateInputName, string>>;

/** One row of the worked answer: values in base units (per second, bytes, seconds). */
export interface Step {
  label: string;
  formula: string;
  value: number;
  low?: number;
  high?: number;
  unit: string;
  /** The exact value in a readable unit: `66,667 /s`, `6.6667 MB/s`. */
  display: string;
  /** The value as said in an interview: `≈ 66.7K/s`. */
  napkin: string;
}

export const resultNames = [
  "dau", "eventsPerDay", "concurrent", "avgQps", "peakQps", "readQps", "peakReadQps", "bandwidthBytesPerSec", "bandwidthBitsPerSec",
  "peakBandwidthBytesPerSec", "egressBytesPerSec", "storageBytesPerDay", "storageBytesPerWeek", "storageBytesPerMonth",
  "storageBytesPerYear", "storageBytesRetention",
] as const;
export type ResultName = (typeof resultNames)[number];

export type Verdict = "fits" | "tight" | "exceeds";

/** One component checked against its reference range at peak. */
export interface CapacityCheck {
  figure: string;
  component: string;
  metric: string;
  load: number;
  /** The load's range, when an input was a range. */
  loadRange?: { low: number; high: number };
  low: number;
  high: number;
  openEnded: boolean;
  per: string;
  verdict: Verdict;
  nodes: { low: number; high: number };
  /** Load as a share of one unit's range: load / high … load / low. */
  utilisation: { low: number; high: number };
  /** The verdict as a sentence to say out loud. */
  say: string;
  /** What was assumed to get the load. */
  assumption?: string;
}

/**
 * How estimate read its inputs and what it assumed, as data the shell words: a default taken, a bare number
 * given the input's natural unit, or how notation read an input's text.
 */
export type EstimateReading =
  | { readonly kind: "default"; readonly input: "peak" | "perUser" }
  | { readonly kind: "bare"; readonly input: EstimateInputName; readonly text: string; readonly as: "per-second" | "bytes" }
  | { readonly kind: "note"; readonly input: EstimateInputName; readonly note: ReadingNote };

export interface Estimate {
  inputs: EstimateInputs;
  readings: EstimateReading[];
  steps: Step[];
  results: Partial<Record<ResultName, number>>;
  /** Results that are ranges (from range inputs), low and high in base units. */
  ranges: Partial<Record<ResultName, { low: number; high: number }>>;
  capacity: CapacityCheck[];
}

export interface EstimateOptions {
  monthSeconds?: number;
}

const day = quantity(secondsPerDay, dims.time);

/** Derives QPS, peak, reads, bandwidth and storage step by step, and checks the load against the reference table. */
export function estimateTraffic(inputs: EstimateInputs, reference: ReferenceTable, options: EstimateOptions = {}): Estimate {
  const readings: EstimateReading[] = [];
  const values = readInputs(inputs, readings, options);
  const work = new Derivation(inputs, options.monthSeconds ?? defaultMonthSeconds);

  const avg = deriveRate(values, work, readings);
  const peakFactor = values.peak ?? quantity(3);
  if (!values.peak) readings.push({ kind: "default", input: "peak" });
  work.step("avgQps", "avg writes/s", null, avg);
  const peak = work.step("peakQps", "peak writes/s", `${work.show(avg)} × ${work.text("peak", "3")}`, multiply(avg, peakFactor));

  const readFactor = values.readsPerWrite ?? values.readRatio;
  let reads: Quantity | undefined;
  let peakReads: Quantity | undefined;
  if (readFactor) {
    const name = values.readsPerWrite ? "readsPerWrite" : "readRatio";
    reads = work.step("readQps", "reads/s", `${work.show(avg)} × ${work.text(name)}`, multiply(avg, readFactor));
    peakReads = work.step("peakReadQps", "peak reads/s", `${work.show(reads)} × ${work.text("peak", "3")}`, multiply(reads, peakFactor));
  }

  if (values.payload) deriveBytes(values, work, avg, peak, reads);

  return {
    inputs,
    readings,
    steps: work.steps,
    results: work.results,
    ranges: work.ranges,
    capacity: checkCapacity(reference, peak, peakReads),
  };
}

type Values = Partial<Record<EstimateInputName, Quantity>>;

/** The average event rate from whichever traffic source was given. */
function deriveRate(values: Values, work: Derivation, readings: EstimateReading[]): Quantity {
  const sources = [
    (values.users || values.dau) && "--users/--dau",
    (values.concurrent || values.arrivals) && "--concurrent/--arrivals",
    values.qps && "--qps",
  ].filter(Boolean);
  if (sources.length === 0) {
    throw new NapkinError("usage", "no traffic to estimate: give --dau (or --users with --dau-ratio), --concurrent or --arrivals with --interval, or --qps");
  }
  if (sources.length > 1) throw new NapkinError("usage", `give one traffic source, not ${sources.join(" and ")}`);
  const perAction = values.eventsPerAction;

  if (values.users || values.dau) {
    let dau = values.dau;
    if (!dau) {
      if (!values.dauRatio) throw new NapkinError("usage", "--users needs --dau-ratio (the share active each day), or give --dau");
      dau = work.step("dau", "DAU", `${work.text("users")} × ${work.text("dauRatio")}`, multiply(values.users!, values.dauRatio));
    } else work.results.dau = midpoint(dau);
    const perUser = values.perUser ?? quantity(1);
    if (!values.perUser) readings.push({ kind: "default", input: "perUser" });
    let perDay = work.step("eventsPerDay", "actions/day", `${work.show(dau)} × ${work.text("perUser", "1")}`, multiply(dau, perUser));
    if (perAction) perDay = work.step("eventsPerDay", "events/day", `${work.show(perDay)} × ${work.text("eventsPerAction")}`, multiply(perDay, perAction));
    const avg = divide(perDay, day);
    const interview = midpoint(perDay) / 1e5;
    work.step("avgQps", "avg writes/s", `${work.show(perDay)} ÷ 86,400 s`, avg, `≈ ${formatNapkin(interview)}/s with 10⁵ s/day (${formatNapkin(midpoint(avg))}/s exact)`);
    return avg;
  }

  let avg: Quantity;
  if (values.concurrent || values.arrivals) {
    let concurrent = values.concurrent;
    if (!concurrent) {
      if (!values.session) throw new NapkinError("usage", "--arrivals needs --session (how long each session lasts) for Little's law");
      const product = multiply(values.arrivals!, values.session);
      // Arrivals given per day divide a day: show the interview's 10⁵ s/day beside 86,400.
      const perDay = /\/\s*(day|dia|d)\b|per day|por dia|a day|ao dia/i.test(work.text("arrivals"));
      const interview = perDay ? `≈ ${formatNapkin(midpoint(product) * (secondsPerDay / 1e5))} with 10⁵ s/day (${formatNapkin(midpoint(product))} exact)` : undefined;
      concurrent = work.step("concurrent", "concurrent (Little's law)", `${work.text("arrivals")} × ${work.text("session")}`, product, interview);
    } else work.results.concurrent = midpoint(concurrent);
    if (!values.interval) throw new NapkinError("usage", "--concurrent and --arrivals need --interval (one event per device every interval)");
    avg = work.step("avgQps", "events/s", `${work.show(concurrent)} ÷ ${work.text("interval")}`, divide(concurrent, values.interval));
  } else {
    avg = values.qps!;
  }
  if (perAction) avg = work.step("avgQps", "writes/s", `${work.show(avg)} × ${work.text("eventsPerAction")}`, multiply(avg, perAction));
  work.step("eventsPerDay", "events/day", `${work.show(avg)} × 86,400 s`, multiply(avg, day));
  return avg;
}

/** Bandwidth in and out, and storage over time, from the payload. */
function deriveBytes(values: Values, work: Derivation, avg: Quantity, peak: Quantity, reads?: Quantity): void {
  const payload = values.payload!;
  const ingress = work.step("bandwidthBytesPerSec", "ingress", `${work.show(avg)} × ${work.text("payload")}`, multiply(avg, payload));
  work.results.bandwidthBitsPerSec = midpoint(ingress) * 8;
  work.step("peakBandwidthBytesPerSec", "peak ingress", `${work.show(peak)} × ${work.text("payload")}`, multiply(peak, payload));
  if (reads) work.step("egressBytesPerSec", "egress (reads carry the payload)", `${work.show(reads)} × ${work.text("payload")}`, multiply(reads, payload));
  const perDay = work.step("storageBytesPerDay", "storage/day", `${work.show(avg)} × 86,400 s × ${work.text("payload")}`, multiply(multiply(avg, day), payload));
  work.step("storageBytesPerWeek", "storage/week", `${work.show(perDay)} × 7`, multiply(perDay, quantity(7)));
  const monthDays = work.monthSeconds / secondsPerDay;
  work.step("storageBytesPerMonth", "storage/month", `${work.show(perDay)} × ${formatExact(monthDays)} days`, multiply(perDay, quantity(monthDays)));
  const perYear = work.step("storageBytesPerYear", "storage/year", `${work.show(perDay)} × 365`, multiply(perDay, quantity(365)));
  if (values.retention) {
    const copies = values.replication ?? quantity(1);
    const years = divide(values.retention, quantity(secondsPerYear, dims.time));
    const formula = `${work.show(perYear)} × ${work.text("retention")}${values.replication ? ` × ${work.text("replication")} copies` : ""}`;
    work.step("storageBytesRetention", "storage over retention", formula, multiply(multiply(perYear, years), copies));
  }
}

/** Accumulates steps and results; formats the numbers a formula shows. */
class Derivation {
  readonly steps: Step[] = [];
  readonly results: Partial<Record<ResultName, number>> = {};
  readonly ranges: Partial<Record<ResultName, { low: number; high: number }>> = {};

  constructor(
    private readonly inputs: EstimateInputs,
    readonly monthSeconds: number,
  ) {}

  /** Records a step (formula null: a result with no new working) and returns its quantity. */
  step(result: ResultName, label: string, formula: string | null, q: Quantity, napkin?: string): Quantity {
    this.results[result] = tidy(midpoint(q));
    if (isRange(q)) this.ranges[result] = { low: tidy(q.low), high: tidy(q.high) };
    else delete this.ranges[result];
    if (formula === null) return q;
    const unit = chooseUnit(q.dim, q.high);
    const bits = q.dim.d === 1 && q.dim.t === -1 ? `, ${formatQuantity(q, bitRateUnit(midpoint(q)), "napkin")}` : "";
    this.steps.push({
      label,
      formula,
      value: tidy(midpoint(q)),
      ...(isRange(q) ? { low: tidy(q.low), high: tidy(q.high) } : {}),
      unit: baseUnit(q.dim),
      display: formatQuantity(q, unit, "exact"),
      napkin: napkin ?? `≈ ${formatQuantity(q, unit, "napkin")}${bits}`,
    });
    return q;
  }

  /** An input as the user wrote it. */
  text(name: EstimateInputName, fallback = ""): string {
    return this.inputs[name]?.trim() || fallback;
  }

  /** A derived quantity, napkin-rounded, to use inside a later formula. */
  show(q: Quantity): string {
    return formatQuantity(q, chooseUnit(q.dim, q.high), "napkin");
  }
}

/** Twelve significant digits: drops float noise (199999.99999999997) from JSON, keeps every real digit. */
const tidy = (n: number) => Number(n.toPrecision(12));

function baseUnit(dim: Dim): string {
  if (dim.d === 0 && dim.t === 0) return "";
  return `${dim.d === 1 ? "B" : ""}${dim.t === -1 ? "/s" : dim.t === 1 ? "s" : ""}`;
}

function readInputs(inputs: EstimateInputs, readings: EstimateReading[], options: EstimateOptions): Values {
  const values: Values = {};
  for (const spec of estimateInputs) {
    const text = inputs[spec.name];
    if (text === undefined) continue;
    values[spec.name] = readInput(spec, String(text), readings, options);
  }
  return values;
}

function readInput(spec: (typeof estimateInputs)[number], text: string, readings: EstimateReading[], options: EstimateOptions): Quantity {
  const fail = (message: string): never => {
    throw new NapkinError("input", `${spec.flag}: ${message}`, { text });
  };
  let q: Quantity;
  try {
    if (spec.kind === "readRatio") {
      const parts = text.split(":");
      if (parts.length !== 2 || !parts[0].trim() || !parts[1].trim()) fail("expected reads:writes, like 100:1");
      q = divide(readNotation(parts[0]).quantity, readNotation(parts[1]).quantity);
    } else {
      // A duration reads `30m` as minutes, a size reads `100B` as bytes: the flag says what is meant.
      const expect = spec.kind === "time" ? dims.time : spec.kind === "size" ? dims.data : undefined;
      let read;
      try {
        read = readNotation(text, { monthSeconds: options.monthSeconds, expect });
      } catch (error) {
        // A bare number for a size or a rate takes the flag's natural unit below.
        if (!(error instanceof NapkinError) || error.code !== "dimension" || !expect || spec.kind === "time") throw error;
        read = readNotation(text, { monthSeconds: options.monthSeconds });
      }
      q = read.quantity;
      for (const note of read.notes) readings.push({ kind: "note", input: spec.name, note });
    }
  } catch (error) {
    if (error instanceof NapkinError && !error.message.startsWith(spec.flag)) {
      throw new NapkinError(error.code === "forbidden" ? "forbidden" : "input", `${spec.flag}: ${error.message}`, { text, hint: error.hint });
    }
    throw error;
  }
  q = fitKind(spec, q, text, readings, fail);
  if (q.low <= 0) fail("must be above zero");
  if (spec.kind === "ratio" && q.high > 1) fail("must be at most 100%");
  if (spec.name === "peak" && q.low < 1) fail("a peak is at least the average (1x or more)");
  return q;
}

/** Checks the dimension an input needs; a bare number takes the flag's natural unit, and says so. */
function fitKind(spec: (typeof estimateInputs)[number], q: Quantity, text: string, readings: EstimateReading[], fail: (m: string) => never): Quantity {
  const bare = q.dim.t === 0 && q.dim.d === 0 && q.dim.c === 0;
  switch (spec.kind) {
    case "count": case "ratio": case "factor": case "readRatio":
      if (!bare) fail(`expected a plain number, got '${text}'`);
      return q;
    case "perDay":
      if (bare) return q;
      if (q.dim.t === -1 && q.dim.d === 0) return multiply(q, day);
      return fail(`expected actions per day, like 10 or 10/day`);
    case "time":
      if (q.dim.t === 1 && q.dim.d === 0) return q;
      return fail(`expected a duration, like 3s or 30min`);
    case "rate":
      if (q.dim.t === -1 && q.dim.d === 0) return q;
      if (bare) {
        readings.push({ kind: "bare", input: spec.name, text, as: "per-second" });
        return { ...q, dim: dims.rate };
      }
      return fail(`expected a rate, like 100/s`);
    case "size":
      if (q.dim.d === 1 && q.dim.t === 0) return q;
      if (bare) {
        readings.push({ kind: "bare", input: spec.name, text, as: "bytes" });
        return { ...q, dim: dims.data };
      }
      return fail(`expected a size, like 100B or 1KB`);
  }
}

/** Compares each component's peak load with its reference range. */
function checkCapacity(reference: ReferenceTable, peak: Quantity, peakReads?: Quantity): CapacityCheck[] {
  return reference.figures.filter((f) => f.load).map((figure) => {
    const { load, assumption } = loadFor(figure, peak, peakReads);
    return capacityCheck(figure, load, assumption);
  });
}

function loadFor(figure: Figure, peak: Quantity, peakReads?: Quantity): { load: Quantity; assumption?: string } {
  switch (figure.load) {
    case "reads":
      return peakReads ? { load: peakReads } : { load: peak, assumption: "no read ratio given: each request counted as one read" };
    case "ops":
      return peakReads
        ? { load: { low: peak.low + peakReads.low, high: peak.high + peakReads.high, dim: peak.dim, terms: [] }, assumption: "reads and writes both hit it" }
        : { load: peak, assumption: "one operation per request" };
    default:
      return { load: peak };
  }
}

function capacityCheck(figure: Figure, load: Quantity, assumption?: string): CapacityCheck {
  const { low, high } = figure.quantity;
  const openEnded = figure.openEnded ?? false;
  const worst = load.high;
  // Past an open-ended figure's floor ("1M+") the table vouches for nothing more: tight, not exceeds.
  const verdict: Verdict = worst <= low ? "fits" : worst <= high || openEnded ? "tight" : "exceeds";
  const nodes = { low: Math.max(1, Math.ceil(load.low / high)), high: Math.max(1, Math.ceil(load.high / low)) };
  const per = figure.per ?? "node";
  const component = figure.component ?? figure.name;
  const check: CapacityCheck = {
    figure: figure.id,
    component,
    metric: figure.name,
    load: tidy(midpoint(load)),
    low,
    high,
    openEnded,
    per,
    verdict,
    nodes,
    utilisation: { low: tidy(load.low / high), high: tidy(load.high / low) },
    say: sayVerdict(figure, verdict, load, nodes, per),
  };
  if (assumption) check.assumption = assumption;
  if (isRange(load)) check.loadRange = { low: tidy(load.low), high: tidy(load.high) };
  return check;
}

const plural = (noun: string, n: number) => (n === 1 ? noun : noun.endsWith("y") && !/[aeiou]y$/.test(noun) ? noun.slice(0, -1) + "ies" : noun + "s");

function sayVerdict(figure: Figure, verdict: Verdict, load: Quantity, nodes: { low: number; high: number }, per: string): string {
  const range = `${formatNapkin(figure.quantity.low)}${figure.openEnded ? "+" : `–${formatNapkin(figure.quantity.high)}`}/s`;
  const peak = `peak ${formatQuantity(load, { name: "/s", factor: 1 }, "napkin")}`;
  const count = nodes.low === nodes.high ? `${nodes.low}` : `${nodes.low}–${nodes.high}`;
  if (verdict === "fits") return `one ${figure.component ?? ""} ${per} is enough: ${peak} against ${range} per ${per}`.replace("  ", " ");
  const pers = plural(per, nodes.high);
  if (verdict === "tight" && figure.openEnded) return `${peak} is past the ${range} one ${per} is known for: plan ${count} ${pers}, or ${figure.advice ?? "scale out"}`;
  if (verdict === "tight") return `${peak} is inside one ${per}'s ${range} but past its low end: ${count} ${pers}; measure before relying on one`;
  return `${count} ${pers}' worth (${peak} against ${range} per ${per}): ${figure.advice ?? "scale out"}`;
}
