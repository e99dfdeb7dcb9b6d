import { describe, enum as oneOf, optional, regex, string } from "zod/mini";
import { type Quantity, midpoint, multiply, quantity } from "../notation/index.js";
import type { ReferenceTable } from "../reference.js";
import { type infer as infer_, validate, z } from "../schema.js";
import { type CapacityCheck, checkCapacity, defaultAgainst } from "./capacity.js";
import { costSteps, pricedOf } from "./cost.js";
import { type ResultName, type Step, type StreamEstimate, type StreamKind, deriveStream, notForReads, stepRow, sum, tidy } from "./derive.js";
import { type EstimateInputName, type EstimateInputs, type EstimateReading, EstimateError, estimateInputs, readInputs } from "./inputs.js";

const text = (what: string) => string().check(z.minLength(1), describe(what));

/** The inputs of an estimate as a data file holds them: every input optional, each in napkin notation. */
export function inputsSchema() {
  const fields = Object.fromEntries(estimateInputs.map((input) => [input.name, optional(text(`${input.description}; like the ${input.flag} flag, e.g. "${input.example}"`))]));
  return z.strictObject(fields as Record<EstimateInputName, ReturnType<typeof optional<ReturnType<typeof text>>>>);
}

/** A scenario file: several streams of traffic (writes, reads, uploads…) estimated side by side, with a total. */
function buildScenarioSchema() {
  const stream = z.strictObject({
    name: string().check(regex(/^[a-z][a-z0-9-]*$/, "must be a lower-case name like uploads"), describe("the stream's name, shown on its rows")),
    kind: optional(oneOf(["writes", "reads"]).check(describe("writes are stored (the default); reads are served: egress, cache, read capacity"))),
    inputs: inputsSchema().check(describe("this stream's inputs; they override shared ones")),
  });
  return z.strictObject({
    $schema: optional(string().check(describe("the JSON Schema this file follows (presets/scenario.schema.json), for editors"))),
    title: optional(text("what the scenario is")),
    shared: optional(inputsSchema().check(describe("inputs every stream takes unless it gives its own (peak, retention, replication, window, server-qps…)"))),
    streams: z.array(stream).check(z.minLength(1), describe("the streams, each estimated on its own, then added up")),
  });
}

export type ScenarioData = infer_<ReturnType<typeof buildScenarioSchema>>;

let scenarioSchemaCache: ReturnType<typeof buildScenarioSchema> | undefined;

/** The zod schema of a scenario file (presets/scenario.schema.json is generated from it). */
export function scenarioSchema() {
  return (scenarioSchemaCache ??= buildScenarioSchema());
}

/** Validates a scenario file's data; problems are `file: path: message` lines. */
export function readScenario(data: unknown, file: string): ScenarioData {
  const scenario = validate(scenarioSchema(), data, file);
  const names = scenario.streams.map((s) => s.name);
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice) throw new EstimateError({ kind: "stream-name-twice", name: twice }, `streams[${names.lastIndexOf(twice)}].name`);
  return scenario;
}

/** A stream of a scenario, worked out. */
export interface NamedStream {
  name: string;
  kind: StreamKind;
  inputs: EstimateInputs;
  readings: EstimateReading[];
  steps: Step[];
  results: Partial<Record<ResultName, number>>;
  ranges: Partial<Record<ResultName, { low: number; high: number }>>;
}

/** An estimate: one stream's worked answer, or a scenario's streams and their total, and the capacity at peak. */
export interface Estimate {
  /** The inputs given (a scenario's shared inputs). */
  inputs: EstimateInputs;
  readings: EstimateReading[];
  /** One stream's rows, or a scenario's totals. */
  steps: Step[];
  results: Partial<Record<ResultName, number>>;
  /** Results that are ranges (from range inputs), low and high in base units. */
  ranges: Partial<Record<ResultName, { low: number; high: number }>>;
  /** A scenario's streams, each worked out on its own. */
  streams?: NamedStream[];
  capacity: CapacityCheck[];
}

export interface EstimateOptions {
  monthSeconds?: number;
  /** The components to compare the load with (`estimate --against`): Postgres, Redis and Kafka by default. */
  against?: readonly string[];
  /** Price storage and egress per month (`estimate --cost`). */
  cost?: boolean;
}

/** An estimate with its storage and egress priced, when asked: the cost steps come last. */
function priced(estimate: Estimate, loads: Partial<Record<ResultName, Quantity>>, reference: ReferenceTable, options: EstimateOptions): Estimate {
  if (estimate.capacity.length || options.against) estimate.readings.push({ kind: "compared", against: options.against ?? defaultAgainst, byDefault: !options.against });
  if (!options.cost) return estimate;
  const { steps, results } = costSteps(pricedOf(loads), reference, options.monthSeconds ?? 30 * 86_400);
  const ranges = { ...estimate.ranges };
  for (const step of steps) if (step.low !== undefined) ranges[step.result] = { low: step.low, high: step.high! };
  return { ...estimate, steps: [...estimate.steps, ...steps], results: { ...estimate.results, ...results }, ranges };
}

/** Derives one stream of writes from the inputs, and checks its peak against the reference table. */
export function estimateTraffic(inputs: EstimateInputs, reference: ReferenceTable, options: EstimateOptions = {}): Estimate {
  const readings: EstimateReading[] = [];
  const stream = streamFor(inputs, "writes", readings, options);
  const estimate = { inputs, readings, steps: stream.steps, results: stream.results, ranges: stream.ranges, capacity: checkCapacity(reference, { writes: stream.peakWrites, reads: stream.peakReads, connections: stream.concurrent, bandwidth: stream.loads.peakBandwidthBytesPerSec }, options.against) };
  return priced(estimate, stream.loads, reference, options);
}

function streamFor(inputs: EstimateInputs, kind: StreamKind, readings: EstimateReading[], options: EstimateOptions): StreamEstimate {
  const monthSeconds = options.monthSeconds ?? 30 * 86_400;
  const read = readInputs(inputs, readings, { monthSeconds });
  return deriveStream(inputs, read, readings, { monthSeconds, kind });
}

/** Results a scenario adds up across its streams. */
const summed: readonly ResultName[] = [
  "concurrent", "avgQps", "peakQps", "readQps", "peakReadQps", "deliveriesPerSec", "peakDeliveriesPerSec", "bandwidthBytesPerSec", "peakBandwidthBytesPerSec",
  "egressBytesPerSec", "deliveryBytesPerSec", "storageBytesPerDay", "storageBytesPerWeek", "storageBytesPerMonth", "storageBytesPerYear", "storageBytesRetention",
  "recordsPerYear", "recordsRetention", "cacheBytes", "servers", "connectionServers",
];

const totalLabels: Partial<Record<ResultName, string>> = {
  concurrent: "connected at once", avgQps: "avg writes/s", peakQps: "peak writes/s", readQps: "reads/s", peakReadQps: "peak reads/s",
  deliveriesPerSec: "deliveries/s", peakDeliveriesPerSec: "peak deliveries/s", bandwidthBytesPerSec: "ingress", peakBandwidthBytesPerSec: "peak ingress",
  egressBytesPerSec: "egress", deliveryBytesPerSec: "delivery egress", storageBytesPerDay: "storage/day", storageBytesPerWeek: "storage/week",
  storageBytesPerMonth: "storage/month", storageBytesPerYear: "storage/year", storageBytesRetention: "storage over retention", recordsPerYear: "records/year",
  recordsRetention: "records kept", cacheBytes: "cache memory", servers: "servers at peak", connectionServers: "connection servers",
};

/**
 * Estimates each stream of a scenario (shared inputs, then the stream's own), adds them up, and checks the
 * total peak writes and reads against the reference table. A problem names the stream's field.
 */
export function estimateScenario(scenario: ScenarioData, reference: ReferenceTable, options: EstimateOptions = {}): Estimate {
  const shared = scenario.shared ?? {};
  const readings: EstimateReading[] = [];
  const streams: (NamedStream & { estimate: StreamEstimate })[] = [];
  const used = new Set<EstimateInputName>();
  scenario.streams.forEach((s, i) => {
    const own = s.inputs as EstimateInputs;
    const kind = s.kind ?? "writes";
    // A shared input a reads stream has no use for (retention, replication…) is for the writes streams.
    const sharedHere = kind === "reads" ? Object.fromEntries(Object.entries(shared).filter(([name]) => !notForReads.includes(name as EstimateInputName))) : shared;
    const inputs: EstimateInputs = { ...sharedHere, ...own };
    for (const name of Object.keys(sharedHere) as EstimateInputName[]) if (own[name] === undefined) used.add(name);
    const streamReadings: EstimateReading[] = [];
    for (const name of Object.keys(own) as EstimateInputName[]) if (shared[name] !== undefined && shared[name] !== own[name]) streamReadings.push({ kind: "stream-overrides", stream: s.name, input: name });
    let estimate: StreamEstimate;
    try {
      estimate = streamFor(inputs, kind, streamReadings, options);
    } catch (error) {
      if (!(error instanceof EstimateError)) throw error;
      // The field of the file the problem is about: the stream's own input, or the shared one it took.
      const input = error.field?.replace(/^inputs\./, "") as EstimateInputName | undefined;
      throw input && own[input] === undefined && shared[input] !== undefined ? new EstimateError(error.problem, `shared.${input}`) : error.within(`streams[${i}]`);
    }
    streams.push({ name: s.name, kind, inputs, readings: streamReadings, steps: estimate.steps, results: estimate.results, ranges: estimate.ranges, estimate });
  });
  // Nothing silent: a shared input no stream takes is refused.
  const unused = (Object.keys(shared) as EstimateInputName[]).find((name) => !used.has(name));
  if (unused) throw new EstimateError({ kind: "shared-unused", input: unused }, `shared.${unused}`);

  const steps: Step[] = [];
  const results: Partial<Record<ResultName, number>> = {};
  const ranges: Partial<Record<ResultName, { low: number; high: number }>> = {};
  const totalOf = (name: ResultName): Quantity | undefined => {
    const parts = streams.filter((s) => s.estimate.loads[name] !== undefined);
    if (parts.length === 0) return undefined;
    const total = parts.map((s) => s.estimate.loads[name]!).reduce(sum);
    const formula = parts.map((s) => `${s.name} ${stepRow(name, "", "", s.estimate.loads[name]!).napkin.replace(/^≈ /, "").replace(/,.*$/, "")}`).join(" + ");
    const row = stepRow(name, `total ${totalLabels[name] ?? name}`, formula, total);
    steps.push(row);
    results[name] = row.value;
    if (row.low !== undefined) ranges[name] = { low: row.low, high: row.high! };
    return total;
  };
  const totals = new Map<ResultName, Quantity | undefined>(summed.map((name) => [name, totalOf(name)]));
  // Reads streams' traffic is reads: their rate joins the writes streams' reads in the total.
  const peakWrites = totals.get("peakQps");
  const peakReads = totals.get("peakReadQps");
  if (totals.get("bandwidthBytesPerSec")) results.bandwidthBitsPerSec = tidy(midpoint(multiply(totals.get("bandwidthBytesPerSec")!, quantity(8))));
  const estimate = { inputs: shared, readings, steps, results, ranges, streams: streams.map(({ estimate: _, ...s }) => s), capacity: checkCapacity(reference, { writes: peakWrites, reads: peakReads, connections: totals.get("concurrent"), bandwidth: totals.get("peakBandwidthBytesPerSec") }, options.against) };
  return priced(estimate, Object.fromEntries([...totals].filter(([, q]) => q !== undefined)), reference, options);
}
