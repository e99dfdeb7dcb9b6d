import type { ChalkInstance } from "chalk";
import type { AnswerTarget, CorrectAnswer } from "../../core/answer.js";
import type { DrillSummary } from "../../core/drill.js";
import type { EstimateInputs } from "../../core/estimate/index.js";
import { type Exercise, type Solution, fillPrompt } from "../../core/exercise.js";
import type { AttemptRow, GradeReport, GradedAnswer } from "../../core/grade.js";
import { renderColumns } from "./columns.js";
import { describeAnswerReading, describeConvention, describeSlip } from "./words.js";
import { renderTable } from "./table.js";

/** The exercise list: id, title, tags. */
export function renderExerciseList(exercises: readonly Exercise[], color: ChalkInstance): string {
  return renderTable(["id", "title", "tags"], exercises.map((e) => [color.cyan(e.id), e.title, color.dim(e.tags.join(", "))]), color);
}

/** The title line and the prompt with this run's numbers. */
export function renderPrompt(exercise: Exercise, inputs: EstimateInputs, color: ChalkInstance, width = 100): string {
  return `${color.bold(exercise.title)} ${color.dim(`(${exercise.id})`)}\n${wrap(fillPrompt(exercise.prompt, inputs), width, "  ")}`;
}

/** Each asked quantity with napkin's answer and what the source says. */
export function renderAnswers(exercise: Exercise, solution: Solution, color: ChalkInstance, width = 100): string {
  const rows = exercise.asks.map((ask) => {
    const expected = exercise.expected[ask.name];
    const source = expected ? `${expected.value}${expected.working ? `: ${expected.working}` : ""}` : "";
    return [ask.name, ask.of, solution.answers[ask.name].display, source];
  });
  const style = (column: number, text: string) => (column === 1 ? color.dim(text) : column === 2 ? color.cyan(text) : text);
  return renderColumns(["quantity", "is", "napkin", "expected (source or worked by hand)"], rows, (h) => color.bold(h), { width, wrap: [3, 1], style });
}

/** The title and prompt as markdown. */
export function renderPromptMarkdown(exercise: Exercise, inputs: EstimateInputs): string {
  return `## ${exercise.title} (${exercise.id})\n\n${fillPrompt(exercise.prompt, inputs)}`;
}

/** The answers as a markdown table, with the source. */
export function renderAnswersMarkdown(exercise: Exercise, solution: Solution): string {
  const cell = (text: string) => text.replace(/\|/g, "\\|");
  const rows = exercise.asks.map((ask) => {
    const expected = exercise.expected[ask.name];
    const source = expected ? `${expected.value}${expected.working ? `: ${expected.working}` : ""}` : "";
    return `| ${ask.name} | ${ask.of} | ${cell(solution.answers[ask.name].display)} | ${cell(source)} |`;
  });
  return ["**Answers**", "", "| quantity | is | napkin | expected (source or worked by hand) |", "|---|---|---|---|", ...rows, "", `Source: ${exercise.source}`].join("\n");
}

/** The source line, hints and notes. */
export function renderExerciseNotes(exercise: Exercise, color: ChalkInstance, width = 100): string {
  const lines = [color.bold("Source"), wrap(exercise.source, width, "  ")];
  if (exercise.hints?.length) lines.push("", color.bold("Hints"), ...exercise.hints.map((h) => wrap(`· ${h}`, width, "  ")));
  if (exercise.notes) lines.push("", color.bold("Notes"), wrap(exercise.notes, width, "  "));
  return lines.join("\n");
}

/** What went wrong with an answer (or the convention that made it right), in words. */
export function diagnosisOf(answer: { verdict: GradedAnswer["verdict"]; slip?: GradedAnswer["slip"]; cause?: GradedAnswer["cause"]; convention?: GradedAnswer["convention"]; conventionAllowed?: boolean; correct?: CorrectAnswer | AttemptRow["correct"]; say?: string }): string {
  if (answer.verdict === "ok") return answer.convention ? describeConvention(answer.convention, Boolean(answer.conventionAllowed)) : "";
  if (answer.cause === "verdict") return answer.say ?? (answer.correct && "check" in answer.correct ? answer.correct.check.say : "");
  return answer.slip ? describeSlip(answer.slip) : "";
}

const verdictText = (answer: { verdict: GradedAnswer["verdict"] }, color: ChalkInstance) =>
  answer.verdict === "ok" ? color.green("right") : answer.verdict === "wrong" ? color.red("wrong") : color.dim("—");

/** A graded answer for `--json`: the core's data, with the diagnosis and readings also in words. */
export function gradedJson(answer: GradedAnswer): Record<string, unknown> {
  const { readings, ...rest } = answer;
  const diagnosis = diagnosisOf(answer);
  return { ...rest, ...(diagnosis ? { diagnosis } : {}), reading: readings.map(describeAnswerReading), readings };
}

/** The grade table, the worked step of each wrong answer, and the score. */
export function renderGrade(report: GradeReport, color: ChalkInstance): string {
  const rows = report.answers.map((a) => [a.name, a.stated ?? color.dim("(none)"), color.cyan(a.correct.display), verdictText(a, color), diagnosisOf(a)]);
  const lines = [renderTable(["quantity", "stated", "right", "verdict", "diagnosis"], rows, color)];
  const steps = report.answers.filter((a) => a.verdict === "wrong").map((a) => renderWorkedStep(a, color)).filter(Boolean);
  if (steps.length) lines.push("", color.bold("Worked steps"), ...steps);
  const readings = report.answers.flatMap((a) => a.readings.map((r) => `${a.name}: ${describeAnswerReading(r)}`));
  if (readings.length) lines.push("", ...readings.map((r) => color.dim(`  · ${r}`)));
  lines.push("", renderScore(report, color));
  return lines.join("\n");
}

/** `Score: 1/2 right (1 not answered)`. */
export function renderScore(report: GradeReport, color: ChalkInstance): string {
  const asked = report.answers.length;
  const paint = report.wrong ? color.red : report.right === asked ? color.green : color.yellow;
  return `${color.bold("Score")}: ${paint(`${report.right}/${asked} right`)}${report.unanswered ? color.dim(` (${report.unanswered} not answered)`) : ""}`;
}

/** The step that derives the right answer: `name: formula = exact (≈ napkin)`. */
export function renderWorkedStep(answer: GradedAnswer, color: ChalkInstance): string {
  return renderCorrectWorking(answer.name, answer.correct, color);
}

function renderCorrectWorking(name: string, correct: CorrectAnswer, color: ChalkInstance): string {
  if (correct.kind === "verdict") return `  ${name}: ${color.dim(correct.check.say)}`;
  if (!correct.step) return `  ${name}: ${color.cyan(correct.display)}`;
  return `  ${name}: ${correct.step.formula} = ${correct.step.display} ${color.cyan(`(${correct.step.napkin})`)}`;
}

/** A question to ask in a drill: the name and what kind of answer it takes. */
export function renderQuestion(name: string, target: AnswerTarget, color: ChalkInstance): string {
  return `  ${color.bold(name)} ${color.dim(`(${describeTarget(target)})`)}? `;
}

function describeTarget(target: AnswerTarget): string {
  if (target.kind === "verdict") return `${target.figure}: fits, tight or exceeds`;
  if (target.bits) return "bits per second";
  const { t, d } = target.dim;
  const base = d === 1 ? (t === -1 ? "bytes per second" : "bytes") : t === -1 ? "per second" : "a count";
  return target.period ? `${base} per ${target.period}` : base;
}

/** The drill's verdict on one answer, with the working when it is wrong. */
export function renderDrillVerdict(answer: GradedAnswer, color: ChalkInstance): string {
  const diagnosis = diagnosisOf(answer);
  if (answer.verdict === "ok") return `  ${color.green("✓ right")} ${color.dim(`(${answer.correct.display}${diagnosis ? `; ${diagnosis}` : ""})`)}`;
  const head = answer.verdict === "unanswered" ? color.yellow("– skipped") : color.red("✗ wrong");
  const why = diagnosis ? `: ${diagnosis}` : "";
  return `  ${head}: right is ${color.cyan(answer.correct.display)}${answer.verdict === "wrong" && answer.correct.kind === "number" ? why : ""}\n  ${renderWorkedStep(answer, color)}`;
}

/** The drill's last words: score, time, and what to look at again. */
export function renderDrillSummary(summary: DrillSummary, seed: number, repeat: string, color: ChalkInstance, ended: boolean): string {
  const paint = summary.right === summary.asked ? color.green : color.yellow;
  const lines = [
    color.bold(`Score: ${paint(`${summary.right}/${summary.asked} right`)} in ${formatDuration(summary.ms)}`) +
      (summary.asked ? color.dim(` (${formatDuration(summary.ms / summary.asked)} per answer)`) : "") + (ended ? color.dim(" — ended early") : ""),
  ];
  if (summary.slowest) lines.push(color.dim(`  slowest: ${summary.slowest.id} (${formatDuration(summary.slowest.ms)})`));
  for (const { id, answer } of summary.missed) {
    lines.push(`  ${answer.verdict === "unanswered" ? "skipped" : "missed"} ${id} ${answer.name}: ${answer.stated ? `${answer.stated} → ` : ""}${answer.correct.display}${answer.verdict === "wrong" && answer.correct.kind === "number" && diagnosisOf(answer) ? color.dim(` (${diagnosisOf(answer)})`) : ""}`);
  }
  lines.push(color.dim(`  seed ${seed}: ${repeat}`));
  return lines.join("\n");
}

/** One row per exercise × asked quantity, for batch. */
export function renderBatchRows(rows: readonly AttemptRow[], color: ChalkInstance): string {
  return renderColumns(
    ["id", "quantity", "attempt", "correct", "verdict", "diagnosis"],
    rows.map((r) => [r.id, r.name, r.stated ?? "", color.cyan(r.correct.display), r.stated === undefined ? color.dim("no attempt") : verdictText(r, color), diagnosisOf(r)]),
    color.bold,
  );
}

/** `12.3 s`, `2 min 5 s`. */
export function formatDuration(ms: number): string {
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds < 10 ? seconds.toFixed(1) : Math.round(seconds)} s`;
  return `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;
}

function wrap(text: string, width: number, indent: string): string {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if (line && line.length + word.length + 1 > width - indent.length) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.map((l) => indent + l).join("\n");
}
