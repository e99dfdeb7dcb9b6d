import type { CommandSpec } from "../command.js";
import { loadExercise, solve } from "../exercises.js";
import { readReferenceTable } from "../reference.js";
import { renderEstimateMarkdown } from "../render/estimate.js";
import { keyNames } from "../render/estimateWords.js";
import { renderAnswers, renderAnswersMarkdown, renderExerciseNotes, renderPrompt, renderPromptMarkdown } from "../render/exercise.js";
import { formatOf, printEstimate } from "./estimate.js";
import { presetsOption } from "./exercises.js";

export const solveCommand: CommandSpec = {
  name: "solve",
  arguments: "<id>",
  summary: "show an exercise's prompt and its worked solution",
  description:
    "Print the exercise's prompt, then the worked solution: every step of the\n" +
    "derivation and the capacity verdicts (as `napkin estimate --preset <id>` shows\n" +
    "them), napkin's answer to each asked quantity beside the one the source gives,\n" +
    "and the hints. <id> may also be the path of an exercise file.",
  options: [
    presetsOption,
    { flags: "--format <format>", description: "text (default), md (markdown to paste into notes) or json" },
    { flags: "--json", description: "print {id, title, prompt, source, answers, estimate}" },
  ],
  examples: ["napkin solve gps-pings", "napkin solve driver-location --json", "napkin solve gps-pings --format md", "napkin solve ./my-exercise.json"],
  run([id], options, context) {
    const { output, global } = context;
    const format = formatOf(options);
    const reference = readReferenceTable(global);
    const exercise = loadExercise(id, options.presets as string | undefined, reference);
    const solution = solve(exercise, reference, global);
    if (format === "json") {
      const { id: _, title, prompt, source, tags, hints, notes, expected } = exercise;
      output.out(JSON.stringify({ id: exercise.id, title, prompt, source, tags, hints, notes, expected, answers: solution.answers, estimate: solution.estimate }, null, 2));
      return 0;
    }
    if (format === "md") {
      output.out(`${renderPromptMarkdown(exercise, solution.inputs)}\n\n${renderEstimateMarkdown(solution.estimate, keyNames)}\n\n${renderAnswersMarkdown(exercise, solution)}`);
      return 0;
    }
    const width = output.width();
    output.out(renderPrompt(exercise, solution.inputs, output.color, width) + "\n\n");
    printEstimate(solution.estimate, format, context, keyNames);
    output.out(`\n${output.color.bold("Answers")}\n${renderAnswers(exercise, solution, output.color, width)}\n\n${renderExerciseNotes(exercise, output.color, width)}`);
    return 0;
  },
};
