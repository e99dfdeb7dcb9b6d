import { type EstimateError, type EstimateInputName, type EstimateProblem, type EstimateReading, inputSpec } from "../../core/estimate/index.js";
import { formatExact, formatNapkin } from "../../core/notation/index.js";
import { describeNote } from "./words.js";

/**
 * The sentences `estimate` says about its inputs: readings and problems. An input is named as the user wrote
 * it: its flag (`--payload`) for the command line, its key (`payload`) in a preset or a scenario file.
 */
export type Namer = (input: EstimateInputName) => string;

export const flagNames: Namer = (input) => inputSpec(input).flag;
export const keyNames: Namer = (input) => input;

/** What each input needs, said as what it is for. */
const needsWhat: Partial<Record<EstimateInputName, string>> = {
  interval: "how many are connected at once",
  online: "the daily users, and the interval of their events or the connections a server holds",
  perUser: "the daily users it applies to",
  users: "the share of them active each day",
  dauRatio: "the total users it is a share of",
  arrivals: "how long each session lasts and the interval of its events (Little's law)",
  session: "the sessions starting per second",
  concurrent: "the interval of their events",
  cache: "the reads it keeps and their payload",
  headroom: "the rate one server handles",
  replication: "a payload (it multiplies storage)",
  connectionsPerServer: "how many are connected at once",
};

const kindWants: Record<string, string> = {
  count: "a plain number, like 10M",
  ratio: "a share, like 5%",
  factor: "a plain number, like 3 or 3x",
  readRatio: "reads:writes, like 100:1",
  perDay: "actions per day, like 10 or 10/day",
  online: "time online per day (30min, 2h/day) or a share of the day (10%)",
  time: "a duration, like 3s or 30min",
  rate: "a rate, like 100/s",
  size: "a size, like 100B or 1KB",
};

const list = (items: string[]) => (items.length <= 2 ? items.join(" and ") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`);
const alternatives = (items: string[]) => (items.length <= 2 ? items.join(" or ") : `${items.slice(0, -1).join(", ")}, or ${items[items.length - 1]}`);

/** A problem with the inputs, as one sentence naming them. */
export function describeEstimateProblem(problem: EstimateProblem, name: Namer): string {
  const value = describeValueProblem(problem, name);
  if (value !== undefined) return `${name((problem as { input: EstimateInputName }).input)}: ${value}`;
  switch (problem.kind) {
    case "no-traffic":
      return `no traffic to estimate: give ${name("dau")} (or ${name("users")} with ${name("dauRatio")}), ${name("concurrent")} or ${name("arrivals")} with ${name("interval")}, or ${name("qps")}`;
    case "two-sources":
      return `give one traffic source, not ${list(problem.inputs.map(name))} (several streams go in a scenario file: napkin estimate scenario.json)`;
    case "needs": {
      const sets = problem.anyOf.map((set) => set.map(name).join(" with "));
      const what = needsWhat[problem.input];
      return `${name(problem.input)} needs ${what ? `${what}: ` : ""}${alternatives(sets)}`;
    }
    case "conflicts":
      return `${name(problem.input)} and ${name(problem.with)} both give the daily users' traffic (actions per day, or an event every interval while online): give one (two streams go in a scenario file)`;
    case "disagree":
      return `${list(problem.inputs.map(name))} (${formatNapkin(problem.values[0])}) disagrees with ${problem.with.map(name).join(" × ")} (${formatNapkin(problem.values[1])}): give one, or make them agree`;
    case "stream-name-twice":
      return `stream name '${problem.name}' is used twice`;
  }
  return problem.kind;
}

/** What is wrong with one input's value, without naming the input (a file's field names it already); undefined for other problems. */
function describeValueProblem(problem: EstimateProblem, name: Namer): string | undefined {
  switch (problem.kind) {
    case "expected":
      return `expected ${kindWants[problem.want]}, got '${problem.text}'`;
    case "duration-per-period":
      return `'${problem.text}' is time spent (${formatExact(problem.perDay / 60)} min a day), not a count of actions; time online goes in ${name("online")}`;
    case "not-positive":
      return `must be ${problem.zeroAllowed ? "zero or more" : "above zero"}, got '${problem.text}'`;
    case "above-one":
      return `must be at most ${problem.input === "online" ? "a whole day (100%)" : "100%"}, got '${problem.text}'`;
    case "peak-below-average":
      return `a peak is at least the average (1x or more), got '${problem.text}'`;
    case "window-over-day":
      return `the day's traffic arrives within a window of at most a day, got '${problem.text}'`;
    case "notation":
      return problem.error.message;
    case "not-for-reads":
      return "a reads stream has no use for it (its traffic is the reads)";
    case "shared-unused":
      return "no stream takes it (each gives its own, or is a reads stream)";
    default:
      return undefined;
  }
}

/** A problem with a file's inputs as one line: `presets/x.json: inputs.interval: interval needs …`. */
export function estimateErrorLine(error: EstimateError): string {
  const where = [error.place.file, error.field].filter(Boolean).join(": ");
  const hint = error.problem.kind === "notation" ? error.problem.error.hint : undefined;
  const words = (error.field && describeValueProblem(error.problem, keyNames)) ?? describeEstimateProblem(error.problem, keyNames);
  return `${where ? `${where}: ` : ""}${words}${hint ? ` (${hint})` : ""}`;
}

/** How estimate read an input or what it assumed: `--payload: '100B' read as bytes`, `peak = 3x average (default; --peak to change)`. */
export function describeEstimateReading(reading: EstimateReading, name: Namer = flagNames): string {
  switch (reading.kind) {
    case "default":
      switch (reading.input) {
        case "peak":
          return `peak = 3x average (default; ${name("peak")} to change)`;
        case "perUser":
          return `1 action per user per day (default; ${name("perUser")} to change)`;
        case "window":
          return `the day's traffic spread over 24 hours (default; ${name("window")} to change)`;
        case "headroom":
          return `each server run at its full rate at peak (default; ${name("headroom")} to keep some spare)`;
        case "replication":
          return `one copy of each byte stored (default; ${name("replication")} to change)`;
      }
      break;
    case "bare":
      return `${name(reading.input)}: ${reading.text} read as ${reading.as === "per-second" ? "per second" : "bytes"}`;
    case "bits":
      return `${name(reading.input)}: '${reading.text}' read as bits (${formatNapkin(reading.bytes)} bytes); write ${reading.text.replace(/b$/, "B")} for bytes`;
    case "note":
      return `${name(reading.input)}: ${describeNote(reading.note)}`;
    case "agree":
      return `${list(reading.inputs.map(name))} and ${reading.with.map(name).join(" × ")} agree (${formatNapkin(reading.value)})`;
    case "online-share":
      return `${name(reading.input)}: ${formatNapkin(reading.share * 100)}% of the day online`;
    case "calendar":
      return "traffic given per month: a year is 12 months (a per-day figure keeps 365 days)";
    case "replaced":
      return `the preset's ${name(reading.input)} ${reading.text} is not used: ${list(reading.by.map(name))} replace${reading.by.length === 1 ? "s" : ""} its traffic source`;
    case "stream-overrides":
      return `stream ${reading.stream}: its own ${name(reading.input)} replaces the shared one`;
    case "compared":
      return reading.byDefault ? "capacity compared with the notes' Postgres, Redis and Kafka figures (default; --against cassandra,s3,… for others, napkin ref lists them)" : `capacity compared with ${list([...reading.against])}`;
  }
  return "";
}
