import { solveExercise } from "../../core/exercise.js";
import type { CommandSpec } from "../command.js";
import { loadExercise } from "../exercises.js";
import { readReferenceTable } from "../reference.js";
import { renderAnswers, renderExerciseNotes, renderPrompt } from "../render/exercise.js";
import { presetsOption } from "./exercises.js";
import { printEstimate } from "./estimate.js";

export const solveCommand: CommandSpec = {
  name: "solve",
  arguments: "<id>",
  summary: "show an exercise's prompt and its worked solution",
  description:
    "Print the exercise's prompt, then the worked solution: every step of the\n" +
    "derivation and the capacity verdicts (as `napkin estimate --preset <id>` shows\n" +
    "them), napkin's answer to each asked quantity beside the one the source gives,\n" +
    "and the hints. <id> may also be the path of an exercise file.",
  options: [presetsOption, { flags: "--json", description: "print {id, title, prompt, source, answers, estimate}" }],
  examples: ["napkin solve gps-pings", "napkin solve driver-location --json", "napkin solve ./my-exercise.json"],
  run([id], options, context) {
    const { output, global } = context;
    const reference = readReferenceTable(global);
    const exercise = loadExercise(id, options.presets as string | undefined, reference);
    const solution = solveExercise(exercise, reference, global);
    if (options.json) {
      const { id: _, title, prompt, source, tags, hints, notes, expected } = exercise;
      output.out(JSON.stringify({ id: exercise.id, title, prompt, source, tags, hints, notes, expected, answers: solution.answers, estimate: solution.estimate }, null, 2));
      return 0;
    }
    output.out(renderPrompt(exercise, solution.inputs, output.color) + "\n\n");
    printEstimate(solution.estimate, false, context);
    output.out(`\n${output.color.bold("Answers")}\n${renderAnswers(exercise, solution, output.color)}\n\n${renderExerciseNotes(exercise, output.color)}`);
    return 0;
  },
};
