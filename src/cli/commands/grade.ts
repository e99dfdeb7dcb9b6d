import { NapkinError } from "../../core/errors.js";
import { gradeAnswers } from "../../core/grade.js";
import type { CommandSpec } from "../command.js";
import { loadExercise, solve } from "../exercises.js";
import { readJsonFile } from "../files.js";
import { readReferenceTable } from "../reference.js";
import { renderGrade, gradedJson } from "../render/exercise.js";
import { presetsOption } from "./exercises.js";

export const gradeCommand: CommandSpec = {
  name: "grade",
  arguments: "<id>",
  summary: "grade your answers to an exercise (exit 1 when one is wrong)",
  description:
    "Grade answers to an exercise's asked quantities: for each, what you stated,\n" +
    "the right value, the verdict and the likely slip (a dropped K, bits for bytes,\n" +
    "a missing peak factor), with the tolerance napkin check uses (25% unless the\n" +
    "exercise says otherwise), then a score. Answers use napkin notation: `66K`,\n" +
    "`66K/s`, `6 MB/s`, `150 GB`; capacity questions take fits, tight or exceeds.\n" +
    "Name an answer as the exercise does (pingsPerSec) or by the estimate result it\n" +
    "stands for (avgQps). Exit 1 when any answer is wrong.",
  options: [
    { flags: "--answer <name=value>", description: "one answer (repeatable): --answer pingsPerSec=66K", repeatable: true },
    { flags: "--answers <file>", description: 'a JSON file of answers: {"pingsPerSec": "66K", "bandwidth": "6.6 MB/s"}' },
    presetsOption,
    { flags: "--json", description: "print {id, answers: [{name, stated, statedValue, correct, verdict, factor, diagnosis, cause}], right, wrong, unanswered}" },
  ],
  examples: [
    'napkin grade gps-pings --answer pingsPerSec=66 --answer bandwidth="6 KB/s"',
    "napkin grade messages-storage --answer writeQps=100 --answer storagePerMonth=150GB",
    "napkin grade donations-spike --answer redisOps=fits",
    "napkin grade url-shortener --answers my-answers.json",
  ],
  run([id], options, { output, global }) {
    const answers = readAnswers(options.answers as string | undefined, (options.answer as string[] | undefined) ?? []);
    const reference = readReferenceTable(global);
    const exercise = loadExercise(id, options.presets as string | undefined, reference);
    if (Object.keys(answers).length === 0) {
      throw new NapkinError("usage", "give answers with --answer name=value (repeatable) or --answers file.json", { hint: `${exercise.id} asks: ${exercise.asks.map((a) => a.name).join(", ")}` });
    }
    const solution = solve(exercise, reference, global);
    const report = gradeAnswers(exercise, solution, answers, global);
    output.out(options.json ? JSON.stringify({ id: exercise.id, ...report, answers: report.answers.map(gradedJson) }, null, 2) : renderGrade(report, output.color));
    return report.wrong > 0 ? 1 : 0;
  },
};

/** Answers from --answers FILE, then each --answer name=value (flags win). */
function readAnswers(file: string | undefined, flags: string[]): Record<string, string> {
  const answers: Record<string, string> = {};
  if (file) {
    const data = readJsonFile(file);
    if (typeof data !== "object" || data === null || Array.isArray(data)) throw new NapkinError("data", `${file}: must be an object of answers, like {"pingsPerSec": "66K"}`);
    for (const [name, value] of Object.entries(data)) {
      if (typeof value !== "string" && typeof value !== "number") throw new NapkinError("data", `${file}: ${name}: must be a string or a number, like "66K/s"`);
      answers[name] = String(value);
    }
  }
  for (const flag of flags) {
    const at = flag.indexOf("=");
    if (at <= 0) throw new NapkinError("usage", "--answer expects name=value, like pingsPerSec=66K", { text: flag });
    answers[flag.slice(0, at).trim()] = flag.slice(at + 1).trim();
  }
  return answers;
}
