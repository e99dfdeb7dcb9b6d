import { NapkinError } from "./errors.js";
import { type CapacityCheck, type Estimate, type ResultName, type Step, type Verdict, resultNames } from "./estimate/index.js";
import {
  type Dim, type Quantity, type ReadingNote, bitRateUnit, chooseUnit, defaultMonthSeconds, dimName, dims, formatQuantity, multiply, quantity,
  readNotation, sameDim, secondsPerDay,
} from "./notation/index.js";
import { suggestName } from "./suggest.js";

/** What an asked quantity is: an estimate result (a number) or a capacity verdict. */
export type AnswerTarget =
  | { kind: "number"; result: ResultName; dim: Dim; period?: "day" | "week" | "month" | "year"; bits?: boolean; stream?: string }
  | { kind: "verdict"; figure: string };

const { count, rate, data: size, dataRate } = dims;

/** The dimension of each estimate result, and the period a per-period amount covers. */
const resultTargets: Record<ResultName, Omit<Extract<AnswerTarget, { kind: "number" }>, "kind" | "result">> = {
  dau: { dim: count },
  eventsPerDay: { dim: count, period: "day" },
  concurrent: { dim: count },
  avgQps: { dim: rate },
  peakQps: { dim: rate },
  readQps: { dim: rate },
  peakReadQps: { dim: rate },
  bandwidthBytesPerSec: { dim: dataRate },
  bandwidthBitsPerSec: { dim: dataRate, bits: true },
  peakBandwidthBytesPerSec: { dim: dataRate },
  egressBytesPerSec: { dim: dataRate },
  storageBytesPerDay: { dim: size, period: "day" },
  storageBytesPerWeek: { dim: size, period: "week" },
  storageBytesPerMonth: { dim: size, period: "month" },
  storageBytesPerYear: { dim: size, period: "year" },
  storageBytesRetention: { dim: size },
  deliveriesPerSec: { dim: rate },
  peakDeliveriesPerSec: { dim: rate },
  deliveryBytesPerSec: { dim: dataRate },
  recordsPerYear: { dim: count, period: "year" },
  recordsRetention: { dim: count },
  cacheBytes: { dim: size },
  servers: { dim: count },
  connectionServers: { dim: count },
  storageCostPerMonth: { dim: dims.money, period: "month" },
  egressCostPerMonth: { dim: dims.money, period: "month" },
};

export const verdictWords: readonly Verdict[] = ["fits", "tight", "exceeds"];
const capacityPrefix = "capacity:";

/** Reads an `ask` value: an estimate result key (`avgQps`) or `capacity:<figure id>`. */
export function readAnswerTarget(text: string, figureIds: readonly string[], streams: readonly string[] = []): AnswerTarget {
  if (text.startsWith(capacityPrefix)) {
    const figure = text.slice(capacityPrefix.length);
    if (!figureIds.includes(figure)) {
      const close = suggestName(figure, figureIds);
      throw new NapkinError("data", `no capacity figure '${figure}'`, { hint: `${close ? `did you mean 'capacity:${close}'? ` : ""}figures with a load: ${figureIds.join(", ")}` });
    }
    return { kind: "verdict", figure };
  }
  // `uploads.avgQps`: one stream of a scenario.
  const dot = text.indexOf(".");
  if (dot > 0 && streams.length) {
    const stream = text.slice(0, dot);
    if (!streams.includes(stream)) throw new NapkinError("data", `no stream '${stream}'`, { hint: `streams: ${streams.join(", ")}` });
    const inner = readAnswerTarget(text.slice(dot + 1), figureIds);
    if (inner.kind !== "number") throw new NapkinError("data", "a capacity verdict is the scenario's, not a stream's", { text });
    return { ...inner, stream };
  }
  if (!(resultNames as readonly string[]).includes(text)) {
    const close = suggestName(text, resultNames);
    throw new NapkinError("data", `'${text}' is not an estimate result`, { hint: `${close ? `did you mean '${close}'? ` : ""}results: ${resultNames.join(", ")}, or capacity:<figure id>` });
  }
  const result = text as ResultName;
  return { kind: "number", result, ...resultTargets[result] };
}

/** The right answer to one asked quantity, from a solved estimate. */
export type CorrectAnswer =
  | { kind: "number"; value: number; low: number; high: number; display: string; step?: Step }
  | { kind: "verdict"; verdict: Verdict; display: string; check: CapacityCheck };

/** The estimate's answer for a target; undefined when the inputs cannot derive it (no payload, no reads). */
export function correctAnswer(target: AnswerTarget, estimate: Estimate): CorrectAnswer | undefined {
  if (target.kind === "verdict") {
    const check = estimate.capacity.find((c) => c.figure === target.figure);
    return check && { kind: "verdict", verdict: check.verdict, display: check.verdict, check };
  }
  // Bits per second is graded as the byte rate it is (53.3 Mbps = 6.67 MB/s) and shown in bits.
  const key: ResultName = target.bits ? "bandwidthBytesPerSec" : target.result;
  const source = target.stream ? estimate.streams?.find((s) => s.name === target.stream) : estimate;
  if (!source) return undefined;
  const value = source.results[key];
  if (value === undefined) return undefined;
  const range = source.ranges[key] ?? { low: value, high: value };
  const q: Quantity = { low: range.low, high: range.high, dim: target.dim, terms: [] };
  const unit = target.bits ? bitRateUnit(value) : chooseUnit(target.dim, range.high);
  const step = source.steps.filter((s) => s.result === key).at(-1) ?? givenStep(estimate, key, q);
  return { kind: "number", value, low: range.low, high: range.high, display: formatQuantity(q, unit, "napkin"), ...(step ? { step } : {}) };
}

/** Inputs that are results as given (`--qps 8M/day`, `--concurrent 200K`), as a step to show. */
const givenInputs: Partial<Record<ResultName, "qps" | "concurrent" | "dau">> = { avgQps: "qps", concurrent: "concurrent", dau: "dau" };

function givenStep(estimate: Estimate, key: ResultName, q: Quantity): Step | undefined {
  const input = givenInputs[key];
  const text = input && estimate.inputs[input];
  if (!text) return undefined;
  const unit = chooseUnit(q.dim, q.high);
  return { result: key, label: `${input} (given)`, formula: `${input} ${text}`, value: midpointOf(q), unit: "", display: formatQuantity(q, unit, "exact"), napkin: `≈ ${formatQuantity(q, unit, "napkin")}` };
}

const midpointOf = (q: Quantity) => (q.low === q.high ? q.low : Math.sqrt(q.low * q.high));

/** How an answer was read, as data the shell words: notation's choices, a bare number given the asked unit, a rate taken over the asked period. */
export type AnswerReading =
  | { readonly kind: "note"; readonly note: ReadingNote }
  | { readonly kind: "bare"; readonly text: string; readonly as: "per-second" | "bytes" | "bytes-per-second" }
  | { readonly kind: "period"; readonly text: string; readonly period: "day" | "week" | "month" | "year" };

/** A stated answer read for one target: a number in base units, or a verdict word. */
export type StatedAnswer = { kind: "number"; value: number; low: number; high: number; readings: AnswerReading[] } | { kind: "verdict"; verdict: Verdict; readings: AnswerReading[] };

/**
 * Reads an answer as a learner writes it and fits it to what was asked: `66` for a rate is 66/s,
 * `6k/sec` for a bandwidth is 6 KB/s, `5 GB/day` for storage per day is 5 GB. Says each such reading.
 */
export function readAnswer(text: string, target: AnswerTarget, monthSeconds = defaultMonthSeconds): StatedAnswer {
  if (target.kind === "verdict") return { kind: "verdict", verdict: readVerdict(text), readings: [] };
  let read;
  try {
    read = readNotation(text, { expect: target.dim, monthSeconds });
  } catch (error) {
    if (!(error instanceof NapkinError) || error.code !== "dimension") throw error;
    read = readNotation(text, { monthSeconds });
  }
  const readings: AnswerReading[] = read.notes.map((note) => ({ kind: "note", note }));
  const q = fitAnswer(read.quantity, target, text, readings, monthSeconds);
  const value = q.low === q.high ? q.low : Math.sqrt(q.low * q.high);
  return { kind: "number", value, low: q.low, high: q.high, readings };
}

const periodSeconds = (period: "day" | "week" | "month" | "year", monthSeconds: number) =>
  ({ day: secondsPerDay, week: 7 * secondsPerDay, month: monthSeconds, year: 365 * secondsPerDay })[period];

function fitAnswer(q: Quantity, target: Extract<AnswerTarget, { kind: "number" }>, text: string, readings: AnswerReading[], monthSeconds: number): Quantity {
  const want = target.dim;
  if (sameDim(q.dim, want)) return q;
  // A per-period amount given as a rate: 5 GB/day for storage per day, 10M/day for events per day.
  if (target.period && q.dim.d === want.d && q.dim.t === want.t - 1) {
    readings.push({ kind: "period", text, period: target.period });
    return multiply(q, quantity(periodSeconds(target.period, monthSeconds), dims.time));
  }
  // A bare number where a rate is asked is per second; a count where bytes are asked is bytes.
  const bare = q.dim.d === 0 && q.dim.c === 0 && (q.dim.t === want.t || q.dim.t === 0);
  if (bare && (want.d === 1 || q.dim.t !== want.t)) {
    readings.push({ kind: "bare", text, as: want.d === 1 ? (want.t === -1 ? "bytes-per-second" : "bytes") : "per-second" });
    return { ...q, dim: want };
  }
  throw new NapkinError("dimension", `expected ${describeDim(want)}, got ${dimName(q.dim)}`, { text });
}

function describeDim(dim: Dim): string {
  if (sameDim(dim, rate)) return "a rate (like 66K/s)";
  if (sameDim(dim, dataRate)) return "a data rate (like 6 MB/s)";
  if (sameDim(dim, size)) return "a size (like 150 GB)";
  return "a plain number (like 10M)";
}

function readVerdict(text: string): Verdict {
  const word = text.trim().toLowerCase().replace(/^(fit|exceed)$/, "$1s");
  if ((verdictWords as readonly string[]).includes(word)) return word as Verdict;
  const close = suggestName(word, verdictWords);
  throw new NapkinError("input", `expected a capacity verdict: fits, tight or exceeds`, { text, hint: close ? `did you mean '${close}'?` : undefined });
}
