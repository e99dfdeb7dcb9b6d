import { type Estimate, type EstimateInputName, type EstimateInputs, estimateInputs, estimateTraffic } from "../../core/estimate.js";
import type { CommandSpec, Context } from "../command.js";
import { loadExercise } from "../exercises.js";
import { readReferenceTable } from "../reference.js";
import { renderEstimate } from "../render/estimate.js";

/** commander's camel-cased option name for an input flag (`--dau-ratio` → `dauRatio`). */
const optionKey = (flag: string) => flag.slice(2).replace(/-(\w)/g, (_, c: string) => c.toUpperCase());

export const estimateCommand: CommandSpec = {
  name: "estimate",
  summary: "derive QPS, peak, bandwidth and storage, and check them against the reference table",
  description:
    "From the numbers an interviewer gives, derive the whole napkin chain step by step: average and peak QPS,\n" +
    "reads, bandwidth in and out, storage per day/week/month/year and over retention, then check the peak\n" +
    "against the reference table (Postgres, Redis, Kafka) with a verdict you can say out loud.\n" +
    "Give one traffic source: --dau (or --users with --dau-ratio) with --per-user; --concurrent or --arrivals\n" +
    "with --interval; or --qps. Values use napkin notation (200K, 3s, 100B, 3-5x). A day is 86,400 s; the\n" +
    "interview 10⁵ s/day is shown beside it. Verdicts: fits (at or below the range's low end), tight (inside\n" +
    "the range), exceeds (past its high end); nodes = load ÷ high … load ÷ low.",
  options: [
    ...estimateInputs.map((input) => ({ flags: `${input.flag} <${input.kind === "count" || input.kind === "factor" ? "n" : "value"}>`, description: `${input.description} (e.g. ${input.example})` })),
    { flags: "--preset <id>", description: "start from an exercise's inputs (napkin exercises lists them); flags given as well override" },
    { flags: "--json", description: "print {inputs, steps, results, ranges, capacity, readings}; results in base units (per second, bytes)" },
  ],
  examples: [
    "napkin estimate --concurrent 200K --interval 3s --payload 100B",
    "napkin estimate --users 20M --dau-ratio 5% --per-user 10 --payload 500B",
    "napkin estimate --arrivals 100/s --session 30min --interval 2s --peak 3",
    "napkin estimate --qps 400 --reads-per-write 10 --json",
    "napkin estimate --preset gps-pings --interval 2s",
  ],
  async run(_args, options, context) {
    const reference = readReferenceTable(context.global);
    const preset = typeof options.preset === "string" ? loadExercise(options.preset, undefined, reference) : undefined;
    const given = estimateInputs.filter((input) => typeof options[optionKey(input.flag)] === "string").map((input) => input.name);
    const inputs: EstimateInputs = withoutOtherSources(preset?.inputs ?? {}, given);
    for (const input of estimateInputs) {
      const value = options[optionKey(input.flag)];
      if (typeof value === "string") inputs[input.name] = value;
    }
    const monthSeconds = context.global.monthSeconds ?? preset?.monthSeconds;
    return printEstimate(estimateTraffic(inputs, reference, { monthSeconds }), Boolean(options.json), context);
  },
};

/** Inputs that choose a traffic source: a flag from one group replaces a preset's inputs from the others. */
const trafficSources: EstimateInputName[][] = [["users", "dau", "dauRatio", "perUser"], ["concurrent", "arrivals", "session", "interval"], ["qps"]];

function withoutOtherSources(presetInputs: EstimateInputs, given: EstimateInputName[]): EstimateInputs {
  const chosen = trafficSources.find((group) => group.some((name) => given.includes(name)));
  if (!chosen) return { ...presetInputs };
  const dropped = trafficSources.filter((group) => group !== chosen).flat();
  return Object.fromEntries(Object.entries(presetInputs).filter(([name]) => !dropped.includes(name as EstimateInputName)));
}

/** Prints an estimate as JSON or as the worked answer; shared with `solve`. */
export function printEstimate(estimate: Estimate, json: boolean, { output }: Context): number {
  output.out(json ? JSON.stringify(estimate, null, 2) : renderEstimate(estimate, output.color));
  return 0;
}
