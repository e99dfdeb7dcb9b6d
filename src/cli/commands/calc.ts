import { type CalcResult, calculate } from "../../core/calc.js";
import type { CommandSpec } from "../command.js";
import { createMathFunctions } from "../mathFunctions.js";
import { describeNote } from "../render/words.js";

export const calcCommand: CommandSpec = {
  name: "calc",
  arguments: "<expression...>",
  summary: "evaluate one napkin expression (200K / 3s * 100 bytes in Mbps)",
  description:
    "Evaluate one expression written the way notes write it: K/M/B scales, data sizes, durations, rates, ranges.\n" +
    "Prints the exact result, the napkin-rounded one, and how ambiguous words were read.",
  options: [{ flags: "--json", description: "print {input, reading, value, unit, display[, low, high]}" }],
  examples: [
    'napkin calc "200K / 3"',
    'napkin calc "200K / 3s * 100 bytes in Mbps"',
    'napkin calc "1B * 1KB in TB"',
    'napkin calc "5-10K * 3"',
    'napkin calc "log2(1B)"',
    'napkin calc -- "-5K + 12K"   (after --, a leading minus is not an option)',
  ],
  async run(args, options, { output, global }) {
    const input = args.join(" ");
    const result = calculate(input, { monthSeconds: global.monthSeconds, functions: createMathFunctions() });
    const reading = readingsOf(result);
    if (options.json) {
      const { notes, advice, ...rest } = result;
      output.out(JSON.stringify({ ...rest, reading, readings: notes }, null, 2));
      return 0;
    }
    output.out(output.color.bold(result.display));
    for (const note of reading) output.out(output.color.dim(`  · ${note}`));
    return 0;
  },
};

/** How the expression was read, in words, with advice on how it is written. */
function readingsOf(result: CalcResult): string[] {
  const words = result.notes.map(describeNote);
  if (result.advice === "bare-86400") words.push("86,400 is a plain number here; to convert a daily figure write '86,400 s' or '1 day'");
  return words;
}
