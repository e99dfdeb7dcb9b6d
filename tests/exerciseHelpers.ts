import { EstimateError } from "../src/core/estimate/index.js";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import { builtInReference } from "../src/core/builtinReference.js";
import { NapkinError } from "../src/core/errors.js";
import { type Exercise, type Solution, readExercise, solveExercise } from "../src/core/exercise.js";
import { type GradedAnswer, gradeAnswers } from "../src/core/grade.js";
import { expectClose, root } from "./helpers.js";

export const reference = builtInReference();

/** A bundled preset by its path under presets/, validated and solved. */
export function preset(path: string): { exercise: Exercise; solution: Solution } {
  const file = join(root, "presets", path);
  const exercise = readExercise(JSON.parse(readFileSync(file, "utf8")), file, reference);
  return { exercise, solution: solveExercise(exercise, reference) };
}

/** An exercise from data written in the test (defaults filled in), validated and solved. */
export function exerciseFrom(fields: Record<string, unknown>): { exercise: Exercise; solution: Solution } {
  const data = { id: "test", title: "test", prompt: "test", source: "this test", tags: ["test"], ...fields };
  const exercise = readExercise(data, "test.json", reference);
  return { exercise, solution: solveExercise(exercise, reference) };
}

/** Grades one answer and returns it. */
export function grade(subject: { exercise: Exercise; solution: Solution }, name: string, stated: string): GradedAnswer {
  return gradeAnswers(subject.exercise, subject.solution, { [name]: stated }).answers.find((a) => a.name === name || a.of === name)!;
}

/** Expects an answer to be right. */
export function expectRight(subject: { exercise: Exercise; solution: Solution }, name: string, stated: string): void {
  const graded = grade(subject, name, stated);
  expect(graded.verdict, `${name} = ${stated}: ${graded.cause ?? ""}`).toBe("ok");
}

/** Expects an answer to be wrong, for this cause. */
export function expectWrong(subject: { exercise: Exercise; solution: Solution }, name: string, stated: string, cause: string): void {
  const graded = grade(subject, name, stated);
  expect({ verdict: graded.verdict, cause: graded.cause }, `${name} = ${stated}: ${graded.cause ?? ""} ×${graded.factor}`).toEqual({ verdict: "wrong", cause });
}

/** Expects napkin's right answer to a quantity to be this value (derived in the test) in base units. */
export function expectCorrect(subject: { solution: Solution }, name: string, value: number): void {
  const answer = subject.solution.answers[name];
  expect(answer.kind).toBe("number");
  if (answer.kind === "number") expectClose(answer.value, value);
}

/** Expects grading to fail with a one-line error (hint included) matching `pattern`. */
export function expectGradeError(subject: { exercise: Exercise; solution: Solution }, answers: Record<string, string>, pattern: RegExp): void {
  let error: unknown;
  try {
    gradeAnswers(subject.exercise, subject.solution, answers);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(NapkinError);
  expect((error as NapkinError).toLine()).toMatch(pattern);
}

/** Expects reading exercise data to fail with a `test.json: path: message` line matching `pattern`. */
export function expectInvalid(fields: Record<string, unknown>, pattern: RegExp): void {
  expect(() => exerciseFrom(fields)).toThrow(pattern);
}

/** Expects an exercise's inputs to be refused: the problem as data, at the field it names, in the file. */
export function expectInputProblem(fields: Record<string, unknown>, field: string | undefined, problem: Record<string, unknown>): void {
  let error: unknown;
  try {
    exerciseFrom(fields);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(EstimateError);
  expect(error).toMatchObject({ field, problem, place: { file: "test.json" } });
}
