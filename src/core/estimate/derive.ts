import {
  type Dim, type Quantity, bitRateUnit, chooseUnit, dims, divide, formatExact, formatNapkin, formatQuantity, isRange, midpoint, multiply, quantity,
  secondsPerDay, secondsPerYear,
} from "../notation/index.js";
import { type EstimateInputName, type EstimateInputs, type EstimateReading, type ReadInputs, type Values, fail, inputNames } from "./inputs.js";

/** Every result an estimate can give, in base units (per second, bytes, seconds) or counts. */
export const resultNames = [
  "dau", "eventsPerDay", "concurrent", "avgQps", "peakQps", "readQps", "peakReadQps", "deliveriesPerSec", "peakDeliveriesPerSec",
  "bandwidthBytesPerSec", "bandwidthBitsPerSec", "peakBandwidthBytesPerSec", "egressBytesPerSec", "deliveryBytesPerSec", "storageBytesPerDay",
  "storageBytesPerWeek", "storageBytesPerMonth", "storageBytesPerYear", "storageBytesRetention", "recordsPerYear", "recordsRetention",
  "cacheBytes", "servers", "connectionServers", "storageCostPerMonth", "egressCostPerMonth",
] as const;
export type ResultName = (typeof resultNames)[number];

/** One row of the worked answer: values in base units (per second, bytes, seconds). */
export interface Step {
  /** The result this row gives. */
  result: ResultName;
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

/** What a stream's traffic is: writes that are stored, or reads that are served. */
export type StreamKind = "writes" | "reads";

/** One stream worked out: its steps and results, and the loads the capacity check and the totals need. */
export interface StreamEstimate {
  kind: StreamKind;
  steps: Step[];
  results: Partial<Record<ResultName, number>>;
  ranges: Partial<Record<ResultName, { low: number; high: number }>>;
  /** Peak writes (a writes stream) and peak reads, per second. */
  peakWrites?: Quantity;
  peakReads?: Quantity;
  /** Connections open at once, when the traffic comes from connected devices. */
  concurrent?: Quantity;
  /** Loads in base units, kept as quantities for totals. */
  loads: Partial<Record<ResultName, Quantity>>;
}

export interface DeriveOptions {
  monthSeconds: number;
  kind: StreamKind;
}

const day = quantity(secondsPerDay, dims.time);

/**
 * What each input needs to be used, as sets of other inputs (any one set, all of it): an input given without
 * them is refused rather than ignored. The traffic source is checked apart (exactly one of dau, concurrent, qps).
 */
const needs: Partial<Record<EstimateInputName, readonly (readonly EstimateInputName[])[]>> = {
  users: [["dauRatio"]],
  dauRatio: [["users"]],
  perUser: [["dau"], ["users", "dauRatio"]],
  // Time online gives the connections open at once: pings with an interval, or connection servers.
  online: [["dau", "interval"], ["users", "dauRatio", "interval"], ["dau", "connectionsPerServer"], ["users", "dauRatio", "connectionsPerServer"]],
  arrivals: [["session", "interval"]],
  session: [["arrivals"]],
  concurrent: [["interval"]],
  interval: [["concurrent"], ["online", "dau"], ["arrivals", "session"], ["online", "users"]],
  cache: [["readsPerWrite", "payload"], ["readRatio", "payload"]],
  headroom: [["serverQps"]],
  replication: [["payload"]],
  connectionsPerServer: [["concurrent"], ["online", "dau"], ["arrivals", "session"], ["online", "users"]],
};

/** Inputs that cannot be used together: they give the same thing two ways (the daily users' traffic, as actions or as pings). */
const conflicts: readonly [EstimateInputName, EstimateInputName][] = [["perUser", "interval"]];

/** Inputs a reads stream has no use for: its traffic is the reads. */
export const notForReads: readonly EstimateInputName[] = ["readsPerWrite", "readRatio", "fanout", "retention", "replication"];

/** Refuses inputs that would go unused or that contradict each other; what is given is then all used. */
export function checkInputs(inputs: EstimateInputs, values: Values, kind: StreamKind): void {
  const given = (name: EstimateInputName) => inputs[name] !== undefined;
  const sources = [
    (given("users") || given("dau")) && (given("dau") ? "dau" : "users"),
    (given("concurrent") || given("arrivals")) && (given("concurrent") ? "concurrent" : "arrivals"),
    given("qps") && "qps",
  ].filter((s): s is EstimateInputName => Boolean(s));
  if (sources.length === 0) fail({ kind: "no-traffic" });
  if (sources.length > 1) fail({ kind: "two-sources", inputs: sources });
  for (const name of inputNames) {
    if (!given(name)) continue;
    if (kind === "reads" && notForReads.includes(name)) fail({ kind: "not-for-reads", input: name });
    // A reads stream's traffic is the reads its cache keeps.
    const sets = kind === "reads" && name === "cache" ? [["payload"] as const] : needs[name];
    // `--users 20M --dau 1M` with no ratio: the users are unused.
    if (sets && !sets.some((set) => set.every(given))) fail({ kind: "needs", input: name, anyOf: sets });
  }
  for (const [a, b] of conflicts) if (given(a) && given(b)) fail({ kind: "conflicts", input: a, with: b });
  // Two inputs that say the same thing must agree.
  if (values.dau && values.users && values.dauRatio) {
    const implied = multiply(values.users, values.dauRatio);
    if (!close(midpoint(implied), midpoint(values.dau))) fail({ kind: "disagree", inputs: ["dau"], with: ["users", "dauRatio"], values: [midpoint(values.dau), midpoint(implied)] });
  }
  if (values.readsPerWrite && values.readRatio && !close(midpoint(values.readsPerWrite), midpoint(values.readRatio))) {
    fail({ kind: "disagree", inputs: ["readsPerWrite"], with: ["readRatio"], values: [midpoint(values.readsPerWrite), midpoint(values.readRatio)] });
  }
}

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));

/** Derives one stream: rates, peak, reads, deliveries, bandwidth, storage, records, cache and servers, step by step. */
export function deriveStream(inputs: EstimateInputs, read: ReadInputs, readings: EstimateReading[], options: DeriveOptions): StreamEstimate {
  const { values } = read;
  checkInputs(inputs, values, options.kind);
  if (values.dau && values.users && values.dauRatio) readings.push({ kind: "agree", inputs: ["dau"], with: ["users", "dauRatio"], value: midpoint(values.dau) });
  if (values.readsPerWrite && values.readRatio) readings.push({ kind: "agree", inputs: ["readsPerWrite"], with: ["readRatio"], value: midpoint(values.readsPerWrite) });
  const work = new Derivation(inputs, options.monthSeconds);
  const window = values.window ?? day;
  if (!values.window && (inputs.dau || inputs.users || inputs.qps || inputs.concurrent || inputs.arrivals)) readings.push({ kind: "default", input: "window" });
  // A rate written per month keeps 12 months to the year (a per-day figure keeps 365 days).
  const monthly = ["perUser", "qps", "arrivals"].some((name) => read.perMonth.has(name as EstimateInputName));
  if (monthly) readings.push({ kind: "calendar", period: "month" });

  const { avg, perDay, concurrent } = deriveRate(values, work, readings, window, options.kind);
  const peakFactor = values.peak ?? quantity(3);
  if (!values.peak) readings.push({ kind: "default", input: "peak" });
  const stream: StreamEstimate = { kind: options.kind, steps: work.steps, results: work.results, ranges: work.ranges, loads: work.loads, concurrent };

  if (options.kind === "reads") {
    const peakReads = work.step("peakReadQps", "peak reads/s", `${work.show(avg)} × ${work.text("peak", "3")}`, multiply(avg, peakFactor));
    stream.peakReads = peakReads;
    if (values.payload) work.step("egressBytesPerSec", "egress", `${work.show(avg)} × ${work.text("payload")}`, multiply(avg, values.payload));
    if (values.cache && values.payload) cache(values, work, perDay);
    servers(values, work, readings, undefined, peakReads);
    connections(values, work, concurrent);
    return stream;
  }

  const peak = work.step("peakQps", "peak writes/s", `${work.show(avg)} × ${work.text("peak", "3")}`, multiply(avg, peakFactor));
  stream.peakWrites = peak;
  const readFactor = values.readsPerWrite ?? values.readRatio;
  let reads: Quantity | undefined;
  if (readFactor) {
    const name = values.readsPerWrite ? "readsPerWrite" : "readRatio";
    reads = work.step("readQps", "reads/s", `${work.show(avg)} × ${work.text(name)}`, multiply(avg, readFactor));
    stream.peakReads = work.step("peakReadQps", "peak reads/s", `${work.show(reads)} × ${work.text("peak", "3")}`, multiply(reads, peakFactor));
  }
  let deliveries: Quantity | undefined;
  if (values.fanout) {
    deliveries = work.step("deliveriesPerSec", "deliveries/s", `${work.show(avg)} × ${work.text("fanout")}`, multiply(avg, values.fanout));
    work.step("peakDeliveriesPerSec", "peak deliveries/s", `${work.show(deliveries)} × ${work.text("peak", "3")}`, multiply(deliveries, peakFactor));
  }
  if (values.payload) bytes(values, work, readings, { avg, peak, reads, deliveries, perDay, monthly });
  if (values.retention) records(values, work, perDay, monthly);
  if (values.cache && values.payload && reads) cache(values, work, multiply(reads, window));
  servers(values, work, readings, peak, stream.peakReads);
  connections(values, work, concurrent);
  return stream;
}

/** The average rate and the day's count, from whichever traffic source was given. */
function deriveRate(values: Values, work: Derivation, readings: EstimateReading[], window: Quantity, kind: StreamKind): { avg: Quantity; perDay: Quantity; concurrent?: Quantity } {
  const perAction = values.eventsPerAction;
  const rateName: ResultName = kind === "reads" ? "readQps" : "avgQps";
  const rateLabel = kind === "reads" ? "reads/s" : "avg writes/s";
  const overWindow = values.window ? work.text("window") : "86,400 s";
  let concurrent: Quantity | undefined;
  let avg: Quantity;

  if (values.users || values.dau) {
    const dau = values.dau ?? work.step("dau", "DAU", `${work.text("users")} × ${work.text("dauRatio")}`, multiply(values.users!, values.dauRatio!));
    if (values.dau) work.record("dau", dau);
    // The connections open at once: DAU × time online ÷ the window.
    if (values.online) {
      const online = multiply(values.online, day);
      concurrent = work.step("concurrent", "connected at once", `${work.show(dau)} × ${work.text("online")} ÷ ${values.window ? work.text("window") : "1 day"}`, divide(multiply(dau, online), window));
    }
    if (concurrent && values.interval) {
      // The design card's path: one event per interval from each connection.
      avg = work.step(rateName, kind === "reads" ? "reads/s" : "events/s", `${work.show(concurrent)} ÷ ${work.text("interval")}`, divide(concurrent, values.interval!));
      if (perAction) avg = work.step(rateName, rateLabel, `${work.show(avg)} × ${work.text("eventsPerAction")}`, multiply(avg, perAction));
      const perDay = work.step("eventsPerDay", "events/day", `${work.show(avg)} × ${values.window ? work.text("window") : "86,400 s"}`, multiply(avg, window));
      return { avg, perDay, concurrent };
    }
    const perUser = values.perUser ?? quantity(1);
    if (!values.perUser) readings.push({ kind: "default", input: "perUser" });
    let perDay = work.step("eventsPerDay", "actions/day", `${work.show(dau)} × ${work.text("perUser", "1")}`, multiply(dau, perUser));
    if (perAction) perDay = work.step("eventsPerDay", "events/day", `${work.show(perDay)} × ${work.text("eventsPerAction")}`, multiply(perDay, perAction));
    avg = divide(perDay, window);
    const interview = values.window ? undefined : `≈ ${formatNapkin(midpoint(perDay) / 1e5)}/s with 10⁵ s/day (${formatNapkin(midpoint(avg))}/s exact)`;
    work.step(rateName, rateLabel, `${work.show(perDay)} ÷ ${overWindow}`, avg, interview);
    return { avg, perDay, concurrent };
  }

  if (values.concurrent || values.arrivals) {
    concurrent = values.concurrent;
    if (!concurrent) {
      const product = multiply(values.arrivals!, values.session!);
      // Arrivals given per day divide a day: show the interview's 10⁵ s/day beside 86,400.
      const perDayArrivals = values.arrivals!.terms.some((t) => t.id === "day" && t.power < 0);
      const interview = perDayArrivals ? `≈ ${formatNapkin(midpoint(product) * (secondsPerDay / 1e5))} with 10⁵ s/day (${formatNapkin(midpoint(product))} exact)` : undefined;
      concurrent = work.step("concurrent", "concurrent (Little's law)", `${work.text("arrivals")} × ${work.text("session")}`, product, interview);
    } else work.record("concurrent", concurrent);
    avg = work.step(rateName, kind === "reads" ? "reads/s" : "events/s", `${work.show(concurrent)} ÷ ${work.text("interval")}`, divide(concurrent, values.interval!));
  } else if (values.window && values.qps!.terms.some((t) => t.key === "t" && t.power < 0 && t.size >= secondsPerDay)) {
    // `1B/day` inside a 6.5-hour window: the day's count arrives within the window.
    const perDay = multiply(values.qps!, day);
    avg = work.step(rateName, rateLabel, `${work.text("qps")} ÷ ${work.text("window")}`, divide(perDay, window));
    if (perAction) avg = work.step(rateName, rateLabel, `${work.show(avg)} × ${work.text("eventsPerAction")}`, multiply(avg, perAction));
    return { avg, perDay: work.step("eventsPerDay", "events/day", `${work.show(avg)} × ${work.text("window")}`, multiply(avg, window)) };
  } else {
    avg = work.record(rateName, values.qps!);
  }
  if (perAction) avg = work.step(rateName, rateLabel, `${work.show(avg)} × ${work.text("eventsPerAction")}`, multiply(avg, perAction));
  const perDay = work.step("eventsPerDay", "events/day", `${work.show(avg)} × ${overWindow}`, multiply(avg, window));
  return { avg, perDay, concurrent };
}

interface Traffic {
  avg: Quantity;
  peak: Quantity;
  reads?: Quantity;
  deliveries?: Quantity;
  perDay: Quantity;
  monthly: boolean;
}

/** Bandwidth in and out, and storage over time (every row counting each copy), from the payload. */
function bytes(values: Values, work: Derivation, readings: EstimateReading[], t: Traffic): void {
  const payload = values.payload!;
  const ingress = work.step("bandwidthBytesPerSec", "ingress", `${work.show(t.avg)} × ${work.text("payload")}`, multiply(t.avg, payload));
  work.results.bandwidthBitsPerSec = tidy(midpoint(ingress) * 8);
  work.step("peakBandwidthBytesPerSec", "peak ingress", `${work.show(t.peak)} × ${work.text("payload")}`, multiply(t.peak, payload));
  if (t.reads) work.step("egressBytesPerSec", "egress (reads carry the payload)", `${work.show(t.reads)} × ${work.text("payload")}`, multiply(t.reads, payload));
  if (t.deliveries) work.step("deliveryBytesPerSec", "delivery egress", `${work.show(t.deliveries)} × ${work.text("payload")}`, multiply(t.deliveries, payload));
  const copies = values.replication ?? quantity(1);
  const times = values.replication ? ` × ${work.text("replication")} copies` : "";
  if (!values.replication) readings.push({ kind: "default", input: "replication" });
  const perDay = work.step("storageBytesPerDay", "storage/day", `${work.show(t.perDay)} × ${work.text("payload")}${times}`, multiply(multiply(t.perDay, payload), copies));
  work.step("storageBytesPerWeek", "storage/week", `${work.show(perDay)} × 7`, multiply(perDay, quantity(7)));
  const monthDays = work.monthSeconds / secondsPerDay;
  const perMonth = work.step("storageBytesPerMonth", "storage/month", `${work.show(perDay)} × ${formatExact(monthDays)} days`, multiply(perDay, quantity(monthDays)));
  const perYear = t.monthly
    ? work.step("storageBytesPerYear", "storage/year", `${work.show(perMonth)} × 12 months`, multiply(perMonth, quantity(12)))
    : work.step("storageBytesPerYear", "storage/year", `${work.show(perDay)} × 365`, multiply(perDay, quantity(365)));
  if (values.retention) {
    const years = divide(values.retention, quantity(secondsPerYear, dims.time));
    work.step("storageBytesRetention", "storage over retention", `${work.show(perYear)} × ${work.text("retention")}`, multiply(perYear, years));
  }
}

/** Records (events) kept: per year and over the retention. */
function records(values: Values, work: Derivation, perDay: Quantity, monthly: boolean): void {
  const monthDays = work.monthSeconds / secondsPerDay;
  const perYear = monthly
    ? work.step("recordsPerYear", "records/year", `${work.show(perDay)} × ${formatExact(monthDays)} days × 12 months`, multiply(perDay, quantity(monthDays * 12)))
    : work.step("recordsPerYear", "records/year", `${work.show(perDay)} × 365`, multiply(perDay, quantity(365)));
  const years = divide(values.retention!, quantity(secondsPerYear, dims.time));
  work.step("recordsRetention", "records kept", `${work.show(perYear)} × ${work.text("retention")}`, multiply(perYear, years));
}

/** The 80/20 rule: the share of a day's reads kept in memory, each with its payload. */
function cache(values: Values, work: Derivation, readsPerDay: Quantity): void {
  work.step("cacheBytes", "cache memory", `${work.text("cache")} × ${work.show(readsPerDay)} reads/day × ${work.text("payload")}`, multiply(multiply(values.cache!, readsPerDay), values.payload!));
}

/** Servers for the peak requests (writes and reads) at a per-server rate, run at the headroom's share of it. */
function servers(values: Values, work: Derivation, readings: EstimateReading[], peakWrites?: Quantity, peakReads?: Quantity): void {
  if (!values.serverQps) return;
  const requests = peakWrites && peakReads ? sum(peakWrites, peakReads) : (peakWrites ?? peakReads)!;
  const usable = values.headroom ? multiply(values.serverQps, values.headroom) : values.serverQps;
  if (!values.headroom) readings.push({ kind: "default", input: "headroom" });
  const what = peakWrites && peakReads ? `(${work.show(peakWrites)} + ${work.show(peakReads)})` : work.show(requests);
  const per = values.headroom ? `(${work.text("serverQps")} × ${work.text("headroom")})` : work.text("serverQps");
  work.step("servers", "servers at peak", `${what} ÷ ${per}, rounded up`, roundUp(divide(requests, usable)));
}

/** Servers to hold the connections open at once. */
function connections(values: Values, work: Derivation, concurrent?: Quantity): void {
  if (!values.connectionsPerServer || !concurrent) return;
  work.step("connectionServers", "connection servers", `${work.show(concurrent)} ÷ ${work.text("connectionsPerServer")}, rounded up`, roundUp(divide(concurrent, values.connectionsPerServer)));
}

export function sum(a: Quantity, b: Quantity): Quantity {
  return { low: a.low + b.low, high: a.high + b.high, dim: a.dim, terms: [] };
}

function roundUp(q: Quantity): Quantity {
  return { ...q, low: Math.ceil(q.low - 1e-9), high: Math.ceil(q.high - 1e-9) };
}

/** Accumulates steps and results; formats the numbers a formula shows. */
export class Derivation {
  readonly steps: Step[] = [];
  readonly results: Partial<Record<ResultName, number>> = {};
  readonly ranges: Partial<Record<ResultName, { low: number; high: number }>> = {};
  readonly loads: Partial<Record<ResultName, Quantity>> = {};

  constructor(
    private readonly inputs: EstimateInputs,
    readonly monthSeconds: number,
  ) {}

  /** A result with no working of its own (an input taken as it is). */
  record(result: ResultName, q: Quantity): Quantity {
    this.results[result] = tidy(midpoint(q));
    this.loads[result] = q;
    if (isRange(q)) this.ranges[result] = { low: tidy(q.low), high: tidy(q.high) };
    else delete this.ranges[result];
    return q;
  }

  /** Records a step and returns its quantity. */
  step(result: ResultName, label: string, formula: string, q: Quantity, napkin?: string): Quantity {
    this.record(result, q);
    this.steps.push(stepRow(result, label, formula, q, napkin));
    return q;
  }

  /** An input as the user wrote it; a sum or product is bracketed, so the formula reads as it computes. */
  text(name: EstimateInputName, fallback = ""): string {
    const text = this.inputs[name]?.trim() || fallback;
    return spacedOperator.test(text) && !text.startsWith("(") ? `(${text})` : text;
  }

  /** A derived quantity, napkin-rounded, to use inside a later formula. */
  show(q: Quantity): string {
    return formatQuantity(q, chooseUnit(q.dim, q.high), "napkin");
  }
}

/** A row of the worked answer for a quantity. */
export function stepRow(result: ResultName, label: string, formula: string, q: Quantity, napkin?: string): Step {
  // The written terms name a currency (`$`): a price keeps it.
  const unit = chooseUnit(q.dim, q.high, q.terms);
  const bits = q.dim.d === 1 && q.dim.t === -1 ? `, ${formatQuantity(q, bitRateUnit(midpoint(q)), "napkin")}` : "";
  return {
    result,
    label,
    formula,
    value: tidy(midpoint(q)),
    ...(isRange(q) ? { low: tidy(q.low), high: tidy(q.high) } : {}),
    unit: baseUnit(q.dim),
    display: formatQuantity(q, unit, "exact"),
    napkin: napkin ?? `≈ ${formatQuantity(q, unit, "napkin")}${bits}`,
  };
}

const spacedOperator = /\s[-+×*·/÷x]\s/;

/** Twelve significant digits: drops float noise (199999.99999999997) from JSON, keeps every real digit. */
export const tidy = (n: number) => Number(n.toPrecision(12));

function baseUnit(dim: Dim): string {
  if (dim.c === 1 && dim.d === 0 && dim.t === 0) return "USD";
  if (dim.d === 0 && dim.t === 0) return "";
  return `${dim.d === 1 ? "B" : ""}${dim.t === -1 ? "/s" : dim.t === 1 ? "s" : ""}`;
}
