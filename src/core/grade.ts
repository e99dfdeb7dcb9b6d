import { type AnswerReading, type CorrectAnswer, readAnswer } from "./answer.js";
import { NapkinError } from "./errors.js";
import { type Ask, type Exercise, Problems, type Solution, type SolveOptions } from "./exercise.js";
import { type Slip, type SlipCode, type SlipContext, defaultTolerance, judgeValue } from "./judge/slips.js";
import { defaultMonthSeconds, readNotation, secondsPerDay } from "./notation/index.js";
import { didYouMean } from "./suggest.js";

export type GradeVerdict = "ok" | "wrong" | "unanswered";

/** One asked quantity graded: what was stated, the right answer, and the likely slip. */
export interface GradedAnswer {
  name: string;
  /** What the name stands for (`avgQps`, `capacity:redis.ops`). */
  of: string;
  stated?: string;
  /** The stated value in base units (per second, bytes), or the stated verdict. */
  statedValue?: number | string;
  correct: CorrectAnswer;
  verdict: GradeVerdict;
  /** stated ÷ correct, for numbers. */
  factor?: number;
  /** For a wrong number: the slip that most likely explains it. */
  slip?: Slip;
  /** A stable name for what went wrong: the slip's code, or `verdict` for a wrong capacity verdict. */
  cause?: SlipCode | "verdict";
  /** A convention the answer's rounding matches (a day taken as 10⁵ s), when it is right. */
  convention?: "day-1e5" | "month-2.5M";
  /** The exercise allows that convention (it would be wrong without it). */
  conventionAllowed?: boolean;
  /** How the stated answer was read (`'66' read as per second`). */
  readings: AnswerReading[];
}

export interface GradeReport {
  answers: GradedAnswer[];
  right: number;
  wrong: number;
  unanswered: number;
}

/**
 * Grades answers (`{pingsPerSec: "66"}`) against a solved exercise, with the tolerance and diagnoses
 * napkin check uses. A name may be the exercise's (`pingsPerSec`) or what it stands for (`avgQps`).
 * Throws for an unknown name or an answer that cannot be read.
 */
export function gradeAnswers(exercise: Exercise, solution: Solution, answers: Record<string, string>, options: SolveOptions = {}): GradeReport {
  const byName = new Map<string, string>();
  for (const [given, value] of Object.entries(answers)) {
    const ask = exercise.asks.find((a) => a.name === given) ?? exercise.asks.find((a) => a.of === given);
    if (!ask) {
      const names = exercise.asks.map((a) => a.name);
      throw new NapkinError("usage", `'${exercise.id}' does not ask for '${given}'`, { hint: didYouMean(given, [...names, ...exercise.asks.map((a) => a.of)], "asked") });
    }
    byName.set(ask.name, value);
  }
  const graded = exercise.asks.map((ask) => {
    const stated = byName.get(ask.name);
    const correct = solution.answers[ask.name];
    if (stated === undefined || stated.trim() === "") return { name: ask.name, of: ask.of, correct, verdict: "unanswered" as const, readings: [] };
    return gradeOne(exercise, solution, ask.name, stated, options);
  });
  return {
    answers: graded,
    right: graded.filter((g) => g.verdict === "ok").length,
    wrong: graded.filter((g) => g.verdict === "wrong").length,
    unanswered: graded.filter((g) => g.verdict === "unanswered").length,
  };
}

/** Grades one stated answer; throws a NapkinError naming the quantity when it cannot be read. */
export function gradeOne(exercise: Exercise, solution: Solution, askName: string, stated: string, options: SolveOptions = {}, nameErrors = true): GradedAnswer {
  const ask = exercise.asks.find((a) => a.name === askName)!;
  const correct = solution.answers[askName];
  const monthSeconds = options.monthSeconds ?? exercise.monthSeconds ?? defaultMonthSeconds;
  let read;
  try {
    read = readAnswer(stated, ask.target, monthSeconds);
  } catch (error) {
    if (error instanceof NapkinError && nameErrors) throw new NapkinError(error.code, `${askName}: ${error.message}`, { text: error.text ?? stated, hint: error.hint });
    throw error;
  }
  const base = { name: askName, of: ask.of, stated, correct, readings: read.readings };
  if (read.kind === "verdict" || correct.kind === "verdict") {
    const right = read.kind === "verdict" && correct.kind === "verdict" && read.verdict === correct.verdict;
    const statedValue = read.kind === "verdict" ? read.verdict : read.value;
    return { ...base, statedValue, verdict: right ? "ok" : "wrong", ...(right ? {} : { cause: "verdict" as const }) };
  }
  const context = answerContext(ask, solution);
  const tolerance = exercise.tolerance ?? defaultTolerance;
  let judged = judgeValue(read.value, correct, context, tolerance);
  let convention: GradedAnswer["convention"];
  const accepted = acceptedRange(exercise, ask, correct, monthSeconds);
  if (judged.verdict === "wrong" && accepted) {
    // Judged again against what the allowed conventions give: right if it matches one, and a wrong answer's
    // slip is then measured from the convention the learner most likely used (18K against 10⁵ s/day's 180K).
    const again = judgeValue(read.value, accepted.range, context, tolerance);
    if (again.verdict === "ok") convention = accepted.convention;
    judged = { ...again, factor: judged.factor };
  }
  const allowed = convention !== undefined;
  // A right answer that is exactly the interview's 10⁵ s day says so: a reading, not a slip.
  if (judged.verdict === "ok" && !convention && context.day && Math.abs(judged.factor / (secondsPerDay / 1e5) - 1) < 0.005) convention = "day-1e5";
  return {
    ...base,
    statedValue: read.value,
    verdict: judged.verdict,
    factor: judged.factor,
    ...(judged.slip ? { slip: judged.slip, cause: judged.slip.code } : {}),
    ...(convention ? { convention, ...(allowed ? { conventionAllowed: true } : {}) } : {}),
  };
}

/** What an asked quantity involves, for the slips that can explain a wrong answer to it. */
function answerContext(ask: Ask, solution: Solution): SlipContext {
  const target = ask.target;
  const dim = target.kind === "number" ? target.dim : { t: 0, d: 0, c: 0 };
  const period = target.kind === "number" ? target.period : undefined;
  const inputs = solution.inputs;
  // Daily counts (DAU, actions per day), or any input written per day (`--qps 6M/day`), put a day in the problem.
  const perDay = Boolean(inputs.dau || inputs.users || inputs.perUser) || Object.values(inputs).some((text) => text !== undefined && writesDay(text));
  return {
    data: dim.d !== 0,
    time: dim.t !== 0 || perDay || period !== undefined,
    period: period !== undefined || perDay,
    day: perDay || period === "day",
    month: period === "month",
    power: false,
    peak: peakFactors(solution),
    replication: replicationFactor(solution),
  };
}

function writesDay(text: string): boolean {
  try {
    return readNotation(text).quantity.terms.some((t) => t.id === "day");
  } catch {
    return false;
  }
}

/**
 * The right value widened by the conventions the exercise allows: a day taken as 10⁵ s gives rates
 * (and Little's-law counts) 0.864× the exact ones; a 2.5M s month gives 0.965× the storage per month.
 */
function acceptedRange(exercise: Exercise, ask: Ask, correct: { low: number; high: number }, monthSeconds: number): { range: { low: number; high: number }; convention: NonNullable<GradedAnswer["convention"]> } | undefined {
  const scale = (factor: number) => ({ low: Math.min(correct.low, correct.low * factor), high: Math.max(correct.high, correct.high * factor) });
  const target = ask.target;
  if (target.kind !== "number") return undefined;
  if (exercise.allow.includes("day-1e5") && (target.dim.t === -1 || target.result === "concurrent")) {
    return { range: scale(secondsPerDay / 1e5), convention: "day-1e5" };
  }
  if (exercise.allow.includes("month-2.5M") && target.result === "storageBytesPerMonth") {
    return { range: scale(2.5e6 / monthSeconds), convention: "month-2.5M" };
  }
  return undefined;
}

/** The exercise's peak factor(s): a missing or doubled peak is a named slip. */
function peakFactors(solution: Solution): number[] {
  const { avgQps, peakQps } = solution.estimate.results;
  return avgQps && peakQps ? [peakQps / avgQps] : [];
}

function replicationFactor(solution: Solution): number | undefined {
  const text = solution.inputs.replication;
  if (!text) return undefined;
  const q = readNotation(text).quantity;
  return q.low === q.high ? q.low : undefined;
}

/** A batch row: one exercise × asked quantity, with the recorded attempt graded if there is one. */
export interface AttemptRow {
  id: string;
  file: string;
  name: string;
  of: string;
  stated?: string;
  correct: { display: string; value?: number; low?: number; high?: number; verdict?: string };
  verdict: GradeVerdict;
  factor?: number;
  slip?: Slip;
  cause?: GradedAnswer["cause"];
  /** For a wrong capacity verdict: the right verdict said out loud. */
  say?: string;
}

/**
 * Grades an exercise's recorded attempts: a row for every asked quantity (kept small: a batch holds
 * thousands), and a `file: attempts.name: message` line for each attempt that cannot be read.
 */
export function gradeAttempts(exercise: Exercise, solution: Solution, options: SolveOptions = {}): { rows: AttemptRow[]; problems: string[] } {
  const problems = new Problems(exercise.file);
  const rows = exercise.asks.map((ask): AttemptRow => {
    const correct = solution.answers[ask.name];
    const row: AttemptRow = {
      id: exercise.id, file: exercise.file, name: ask.name, of: ask.of, verdict: "unanswered",
      correct: correct.kind === "number"
        ? { display: correct.display, value: correct.value, low: correct.low, high: correct.high }
        : { display: correct.display, verdict: correct.verdict },
    };
    const stated = exercise.attempts?.[ask.name];
    if (stated === undefined) return row;
    const graded = problems.guard(`attempts.${ask.name}`, () => gradeOne(exercise, solution, ask.name, stated, options, false));
    if (!graded) return row;
    const say = graded.cause === "verdict" && correct.kind === "verdict" ? correct.check.say : undefined;
    return { ...row, stated, verdict: graded.verdict, factor: graded.factor, slip: graded.slip, cause: graded.cause, ...(say ? { say } : {}) };
  });
  return { rows, problems: problems.lines };
}

export interface BatchSummary {
  exercises: number;
  quantities: number;
  attempts: number;
  right: number;
  wrong: number;
  malformed: number;
}

/** Counts for batch's last line: exercises solved, quantities, attempts graded and how they went. */
export function summarizeAttempts(rows: readonly AttemptRow[], malformed: number): BatchSummary {
  const attempts = rows.filter((r) => r.verdict !== "unanswered");
  return {
    exercises: new Set(rows.map((r) => r.file)).size,
    quantities: rows.length,
    attempts: attempts.length,
    right: attempts.filter((r) => r.verdict === "ok").length,
    wrong: attempts.filter((r) => r.verdict === "wrong").length,
    malformed,
  };
}
