import { NapkinError } from "../../core/errors.js";
import { checkExercise, readExercise } from "../../core/exercise.js";
import { type AttemptRow, type BatchSummary, gradeAttempts, summarizeAttempts } from "../../core/grade.js";
import type { CommandSpec } from "../command.js";
import { bugLine } from "../errors.js";
import { bundledPresetsDir, displayPath, findPresetFiles, solve } from "../exercises.js";
import type { Output } from "../output.js";
import { readJsonFile } from "../files.js";
import { readReferenceTable } from "../reference.js";
import { diagnosisOf, renderBatchRows } from "../render/exercise.js";
import { startProgress } from "../render/progress.js";

interface Malformed {
  file: string;
  errors: string[];
}

export const batchCommand: CommandSpec = {
  name: "batch",
  arguments: "[paths...]",
  summary: "validate, solve and grade every exercise in files or folders (CI for an exercise bank)",
  description:
    "Validate every exercise file under the paths (folders are searched recursively\n" +
    "for *.json; default: the bundled presets), solve it, check its expected\n" +
    "answers against napkin's, and grade its recorded attempts. Prints one row per\n" +
    "exercise × asked quantity (attempt, correct value, verdict, diagnosis) and a\n" +
    "summary. A malformed file is reported as `file: path.to.field: message` on\n" +
    "stderr and the others still run. Exit 0: every attempt right; 1: an attempt is\n" +
    "wrong; 2: a file is malformed (or unreadable).",
  options: [{ flags: "--json", description: "print {rows, malformed: [{file, errors}], summary}" }],
  examples: ["napkin batch", "napkin batch presets/location", "napkin batch ./my-exercises --json"],
  run(paths, options, { output, global }) {
    const reference = readReferenceTable(global);
    const files = findPresetFiles(paths.length ? paths : [bundledPresetsDir()]);
    if (files.length === 0) throw new NapkinError("usage", `no exercise files (*.json) in ${paths.join(", ")}`);
    const rows: AttemptRow[] = [];
    const malformed: Malformed[] = [];
    const ids = new Map<string, string>();
    const progress = startProgress(process.stderr, files.length, "exercises");
    files.forEach((file, index) => {
      const shown = displayPath(file);
      try {
        const exercise = readExercise(readJsonFile(shown), shown, reference);
        const other = ids.get(exercise.id);
        if (other) throw new NapkinError("data", `${shown}: id: '${exercise.id}' is already the id of ${other}`);
        ids.set(exercise.id, shown);
        const solution = solve(exercise, reference, global);
        const graded = gradeAttempts(exercise, solution, global);
        const problems = [...checkExercise(exercise, solution, global), ...graded.problems];
        if (problems.length) throw new NapkinError("data", problems.join("\n"));
        for (const row of graded.rows) rows.push(row);
      } catch (error) {
        // An unexpected error is napkin's bug, not the file's: it is reported with the file, and the others still run.
        const errors = error instanceof NapkinError ? errorLines(error, shown) : [`${shown}: internal error: ${bugLine(error, "the other exercises still ran")}`];
        malformed.push({ file: shown, errors });
      }
      progress.tick(index + 1);
    });
    progress.finish();
    const summary = summarizeAttempts(rows, malformed.length);
    if (options.json) output.out(JSON.stringify({ rows: rows.map(jsonRow), malformed, summary }, null, 2));
    else output.out(`${rows.length ? renderBatchRows(rows, output.color) + "\n\n" : ""}${renderSummary(summary, rows, output)}`);
    for (const { errors } of malformed) for (const line of errors) output.err(`napkin: ${output.color.red("error")}: ${line}`);
    return malformed.length ? 2 : summary.wrong ? 1 : 0;
  },
};

/** A NapkinError as `file: …` lines, one per problem. */
function errorLines(error: NapkinError, file: string): string[] {
  const lines = error.message.includes("\n") ? error.message.split("\n") : [error.toLine()];
  return lines.map((line) => (line.startsWith(`${file}: `) ? line : `${file}: ${line}`));
}

function jsonRow(row: AttemptRow) {
  return {
    id: row.id, file: row.file, quantity: row.name, of: row.of, attempt: row.stated ?? null, correct: row.correct,
    verdict: row.stated === undefined ? null : row.verdict, factor: row.factor ?? null, diagnosis: row.stated === undefined ? null : diagnosisOf(row) || null, cause: row.cause ?? null,
  };
}

function renderSummary(summary: BatchSummary, rows: readonly AttemptRow[], { color }: Output): string {
  const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;
  const wrong = rows.filter((r) => r.verdict === "wrong");
  const parts = [
    `${plural(summary.exercises, "exercise")} solved, ${plural(summary.quantities, "quantity").replace("quantitys", "quantities")}`,
    `${plural(summary.attempts, "recorded attempt")}: ${color.green(`${summary.right} right`)}, ${summary.wrong ? color.red(`${summary.wrong} wrong`) : "0 wrong"}`,
  ];
  if (summary.malformed) parts.push(color.red(`${plural(summary.malformed, "malformed file")} (below)`));
  const lines = [color.bold(parts.join("; "))];
  const shown = wrong.slice(0, 10).map((r) => `${r.id} ${r.name} (${r.stated} → ${r.correct.display})`);
  if (shown.length) lines.push(`wrong: ${shown.join(", ")}${wrong.length > shown.length ? `, … ${wrong.length - shown.length} more` : ""}`);
  return lines.join("\n");
}
