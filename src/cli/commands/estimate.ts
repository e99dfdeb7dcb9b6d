import { NapkinError } from "../../core/errors.js";
import {
  type Estimate, type EstimateInputName, type EstimateInputs, type EstimateReading, type ScenarioData, EstimateError, estimateInputs, estimateScenario,
  estimateTraffic, figureAbout, problemInput, readScenario,
} from "../../core/estimate/index.js";
import type { ReferenceTable } from "../../core/reference.js";
import { didYouMean } from "../../core/suggest.js";
import type { CommandSpec, Context } from "../command.js";
import { displayPath, loadExercise } from "../exercises.js";
import { readJsonFile } from "../files.js";
import { readReferenceTable } from "../reference.js";
import { readingWords, renderEstimate, renderEstimateMarkdown } from "../render/estimate.js";
import { type Namer, describeEstimateProblem, estimateErrorLine, flagNames, keyNames } from "../render/estimateWords.js";

/** commander's camel-cased option name for an input flag (`--dau-ratio` → `dauRatio`). */
const optionKey = (flag: string) => flag.slice(2).replace(/-(\w)/g, (_, c: string) => c.toUpperCase());

export const formats = ["text", "md", "json"] as const;
export type Format = (typeof formats)[number];

export const estimateCommand: CommandSpec = {
  name: "estimate",
  arguments: "[scenario]",
  summary: "derive QPS, peak, bandwidth, storage, cache and servers, and check them against the reference table",
  description:
    "From the numbers an interviewer gives, derive the whole napkin chain step by step: average and peak\n" +
    "rates, reads, deliveries, bandwidth in and out, storage per day/week/month/year and over retention,\n" +
    "records kept, cache memory and servers, then check the peak against the reference table (the notes'\n" +
    "Postgres, Redis and Kafka figures; --against cassandra,s3,… for others) with a verdict you can say out loud;\n" +
    "--cost prices storage and egress per month.\n" +
    "Give one traffic source: --dau (or --users with --dau-ratio) with --per-user, or with --online and\n" +
    "--interval; --concurrent or --arrivals with --session, and --interval; or --qps. Every flag given is\n" +
    "used, or refused naming what it needs; every default and reading is listed under Readings.\n" +
    "Several streams (writes, reads, uploads with their own payloads) go in a scenario file: napkin\n" +
    "estimate scenario.json (schema: presets/scenario.schema.json); flags given with it override its shared\n" +
    "inputs. Values use napkin notation (200K, 3s, 100B, 3-5x, 300B + 10% × 1MB). A day is 86,400 s (the\n" +
    "interview 10⁵ s/day is shown beside it), a month 30 days, a year 365 days or 12 months for traffic\n" +
    "given per month. Verdicts: fits (at or below the range's low end), tight (inside the range), exceeds\n" +
    "(past its high end); nodes = load ÷ high … load ÷ low.",
  options: [
    ...estimateInputs.map((input) => ({ flags: `${input.flag} <${input.kind === "count" || input.kind === "factor" ? "n" : "value"}>`, description: `${input.description} (e.g. ${input.example})` })),
    { flags: "--preset <id>", description: "start from an exercise's inputs (napkin exercises lists them); flags given as well override" },
    { flags: "--against <components>", description: "compare the load with these components' figures, comma-separated (default postgres,redis,kafka; napkin ref lists them)" },
    { flags: "--cost", description: "price storage per month and egress with the cost figures (napkin ref cost; --reference overrides them)" },
    { flags: "--format <format>", description: "text (default), md (markdown tables to paste into notes) or json" },
    { flags: "--json", description: "print {inputs, readings, steps, results, ranges, streams, capacity}; results in base units (per second, bytes)" },
  ],
  examples: [
    "napkin estimate --concurrent 200K --interval 3s --payload 100B",
    "napkin estimate --dau 10M --online 30min --interval 30s --payload 200B --peak 3x",
    "napkin estimate --users 20M --dau-ratio 5% --per-user 10 --payload 500B --retention 5y --replication 3",
    "napkin estimate --qps 1B/day --window 6.5h --peak 5x",
    "napkin estimate --dau 100M --per-user 2 --reads-per-write 100 --cache 20% --payload 500B --server-qps 1000 --headroom 70%",
    'napkin estimate --dau 200M --per-user 2 --fanout 200 --payload "300B + 10% × 1MB" --retention 5y',
    "napkin estimate --dau 500M --per-user 40 --online 24h --connections-per-server 50K",
    "napkin estimate scenario.json --format md",
    "napkin estimate --preset gps-pings --interval 2s --json",
    "napkin estimate --dau 10M --per-user 20 --payload 2KB --against cassandra,s3,dynamodb",
    "napkin estimate --dau 10M --per-user 20 --reads-per-write 10 --payload 2KB --retention 1y --cost",
  ],
  async run([scenarioFile], options, context) {
    const reference = readReferenceTable(context.global);
    const format = formatOf(options);
    const flags: EstimateInputs = {};
    for (const input of estimateInputs) {
      const value = options[optionKey(input.flag)];
      if (typeof value === "string") flags[input.name] = value;
    }
    const given = Object.keys(flags) as EstimateInputName[];
    // `--payload 500 bytes` leaves `bytes` where a scenario file goes: most likely an unquoted value.
    if (scenarioFile && !scenarioFile.endsWith(".json")) throw new NapkinError("usage", `unexpected '${scenarioFile}': a value with spaces needs quotes, e.g. --payload "500 bytes" (a scenario file ends in .json)`);
    if (scenarioFile && options.preset) throw new NapkinError("usage", "give a scenario file or --preset, not both");
    const preset = typeof options.preset === "string" ? loadExercise(options.preset, undefined, reference) : undefined;
    const file = scenarioFile ? displayPath(scenarioFile) : preset?.file;
    const scenario: ScenarioData | undefined = scenarioFile ? readScenario(readJsonFile(file!), file!) : preset?.streams ? { shared: preset.shared, streams: preset.streams } : undefined;
    const monthSeconds = context.global.monthSeconds ?? preset?.monthSeconds;
    const against = typeof options.against === "string" ? readAgainst(options.against, reference) : undefined;
    const cost = Boolean(options.cost);
    const readings: EstimateReading[] = [];
    // Inputs from a file are named by their keys, inputs given as flags by their flags.
    const fromFile = (field: string | undefined) => {
      const input = field?.replace(/^.*inputs\./, "") as EstimateInputName | undefined;
      return file !== undefined && (input === undefined || !given.includes(input)) && field !== undefined;
    };
    try {
      let estimate: Estimate;
      if (scenario) {
        const withFlags = { ...scenario, shared: { ...scenario.shared, ...flags } };
        estimate = estimateScenario(withFlags, reference, { monthSeconds, against, cost });
      } else {
        const inputs = withoutOtherSources(preset?.inputs ?? {}, given, readings);
        Object.assign(inputs, flags);
        estimate = estimateTraffic(inputs, reference, { monthSeconds, against, cost });
        estimate.readings.unshift(...readings);
      }
      // A file's inputs are named by their keys, unless none came from the file.
      return printEstimate(estimate, format, context, file && (scenarioFile || given.length === 0) ? keyNames : flagNames);
    } catch (error) {
      if (!(error instanceof EstimateError)) throw error;
      const input = problemInput(error.problem);
      const inFile = fromFile(error.field) && (input === undefined || !given.includes(input));
      const words = inFile ? estimateErrorLine(error) : describeEstimateProblem(error.problem, flagNames);
      const hint = error.problem.kind === "notation" ? error.problem.error.hint : undefined;
      throw new NapkinError(error.code, inFile ? `${file}: ${words}` : words, { hint: inFile ? undefined : hint });
    }
  },
};

/** --against's components: each must name figures with a load to compare (`cassandra`, `s3`, `dynamodb.writes`). */
function readAgainst(text: string, reference: ReferenceTable): string[] {
  const terms = text.split(",").map((t) => t.trim().toLowerCase()).filter(Boolean);
  if (terms.length === 0) throw new NapkinError("usage", "--against names components, comma-separated: --against cassandra,s3");
  const comparable = reference.figures.filter((f) => f.load);
  for (const term of terms) {
    if (comparable.some((f) => figureAbout(f, term))) continue;
    const known = [...new Set(comparable.flatMap((f) => [f.component?.toLowerCase(), ...f.topics]).filter((w): w is string => Boolean(w)))].sort();
    throw new NapkinError("usage", `--against: no figure to compare a load with for '${term}'`, { hint: () => didYouMean(term, known, "components") });
  }
  return terms;
}

/** The output format a command was asked for: --format, or --json. */
export function formatOf(options: Record<string, unknown>): Format {
  const format = (options.format as string | undefined) ?? (options.json ? "json" : "text");
  if (!(formats as readonly string[]).includes(format)) throw new NapkinError("usage", `--format must be ${formats.join(", ")}`, { text: format });
  if (options.json && format !== "json") throw new NapkinError("usage", "--json and --format md: give one");
  return format as Format;
}

/** Inputs that choose a traffic source: a flag from one group replaces a preset's inputs from the others. */
const trafficSources: EstimateInputName[][] = [["users", "dau", "dauRatio", "perUser", "online"], ["concurrent", "arrivals", "session"], ["qps"]];

/** A preset's inputs without the traffic source a flag replaced; each one dropped is a reading. */
function withoutOtherSources(presetInputs: EstimateInputs, given: EstimateInputName[], readings: EstimateReading[]): EstimateInputs {
  const chosen = trafficSources.find((group) => group.some((name) => given.includes(name)));
  const kept: EstimateInputs = { ...presetInputs };
  if (!chosen) return kept;
  const by = chosen.filter((name) => given.includes(name));
  for (const group of trafficSources) {
    if (group === chosen) continue;
    for (const name of group) {
      if (kept[name] === undefined) continue;
      readings.push({ kind: "replaced", input: name, text: kept[name]!, by });
      delete kept[name];
    }
  }
  // An interval belongs to connected devices: kept for --online or --concurrent, dropped for --qps or --per-user.
  const usesInterval = by.some((n) => n === "online" || n === "concurrent" || n === "arrivals") || given.includes("interval");
  if (kept.interval !== undefined && !usesInterval) {
    readings.push({ kind: "replaced", input: "interval", text: kept.interval, by });
    delete kept.interval;
  }
  return kept;
}

/** Prints an estimate as text, markdown or JSON; shared with `solve`. */
export function printEstimate(estimate: Estimate, format: Format, { output }: Context, name?: Namer): number {
  // JSON keeps the readings as data and says them too, as check does (`reading` beside `readings`).
  if (format === "json") output.out(JSON.stringify({ ...estimate, reading: readingWords(estimate, name ?? flagNames) }, null, 2));
  else if (format === "md") output.out(renderEstimateMarkdown(estimate, name));
  else output.out(renderEstimate(estimate, output.color, { width: output.width(), name }));
  return 0;
}
