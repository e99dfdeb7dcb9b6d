import type { EstimateInputName, EstimateInputs } from "./estimate/index.js";
import { estimateInputs } from "./estimate/index.js";
import type { Exercise } from "./exercise.js";
import type { GradedAnswer } from "./grade.js";
import { formatNapkin } from "./notation/index.js";

/** A random number source in [0, 1): the shell passes a seeded one, so the core never reaches for Math.random. */
export type Random = () => number;

/** mulberry32: a small seeded PRNG; the same seed gives the same drill. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One input changed by --randomize. */
export interface ChangedInput {
  name: EstimateInputName;
  from: string;
  to: string;
}

/** One exercise of a drill, with the inputs it is asked with. */
export interface DrillItem {
  exercise: Exercise;
  inputs: EstimateInputs;
  changed: ChangedInput[];
}

export interface DrillPlan {
  count: number;
  randomize: boolean;
  random: Random;
}

/** Picks `count` exercises in a shuffled order and, with randomize, varies their inputs. */
export function planDrill(exercises: readonly Exercise[], plan: DrillPlan): DrillItem[] {
  const order = [...exercises];
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(plan.random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order.slice(0, Math.max(1, plan.count)).map((exercise) => {
    if (!plan.randomize) return { exercise, inputs: exercise.inputs, changed: [] };
    return { exercise, ...randomizeInputs(exercise.inputs, plan.random) };
  });
}

const variedKinds = new Set(["count", "rate", "perDay", "size"]);
const scales: Record<string, number> = { K: 1e3, k: 1e3, M: 1e6, m: 1e6, B: 1e9, bn: 1e9, T: 1e12, tn: 1e12 };

/**
 * Varies counts, rates and sizes (DAU, drivers, QPS, payload) by ×/÷ 2–10, rounded to a
 * napkin-friendly number (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × 10ⁿ); durations, ratios and factors stay.
 * Ranges and values it cannot take apart stay as written.
 */
export function randomizeInputs(inputs: EstimateInputs, random: Random): { inputs: EstimateInputs; changed: ChangedInput[] } {
  const result: EstimateInputs = { ...inputs };
  const changed: ChangedInput[] = [];
  for (const spec of estimateInputs) {
    const text = inputs[spec.name];
    if (text === undefined || !variedKinds.has(spec.kind) || /\d\s*[-–]\s*\d/.test(text)) continue;
    // Sizes carry their prefix in the unit (KB, MB); counts and rates may have a scale suffix (200K, 10M/day).
    const match = spec.kind === "size"
      ? /^(\s*(?:~\s*)?)(\d[\d,_]*(?:\.\d+)?)()(.*)$/.exec(text)
      : /^(\s*(?:~\s*)?)(\d[\d,_]*(?:\.\d+)?)\s*(K|k|M|m|B|bn|T|tn)?(?![A-Za-z])(.*)$/.exec(text);
    if (!match) continue;
    const [, lead, digits, scale, rest] = match;
    const value = Number(digits.replace(/[,_]/g, "")) * (scale ? scales[scale] : 1);
    const factor = 2 + Math.floor(random() * 9);
    const down = random() < 0.5 && value / factor >= 1;
    const next = napkinFriendly(down ? value / factor : value * factor);
    const number = spec.kind === "size" ? String(next) : formatNapkin(next);
    const to = `${lead}${number}${rest}`;
    result[spec.name] = to;
    changed.push({ name: spec.name, from: text, to });
  }
  return { inputs: result, changed };
}

const friendlyMantissas = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10];

/** The nearest number an interviewer would say: 1, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 × 10ⁿ. */
export function napkinFriendly(value: number): number {
  const exponent = Math.floor(Math.log10(value));
  const magnitude = 10 ** exponent;
  const mantissa = value / magnitude;
  let best = friendlyMantissas[0];
  for (const m of friendlyMantissas) if (Math.abs(Math.log(m / mantissa)) < Math.abs(Math.log(best / mantissa))) best = m;
  return Number((best * magnitude).toPrecision(3));
}

/** One exercise as drilled: its graded answers and the time taken. */
export interface DrillResult {
  id: string;
  title: string;
  answers: GradedAnswer[];
  ms: number;
}

export interface DrillSummary {
  right: number;
  asked: number;
  ms: number;
  /** The answers that were wrong or skipped, with their exercise. */
  missed: { id: string; answer: GradedAnswer }[];
  slowest?: { id: string; ms: number };
}

/** The score and time of a drill. */
export function summarizeDrill(results: readonly DrillResult[]): DrillSummary {
  const answers = results.flatMap((r) => r.answers.map((answer) => ({ id: r.id, answer })));
  const slowest = results.reduce<DrillResult | undefined>((a, b) => (!a || b.ms > a.ms ? b : a), undefined);
  return {
    right: answers.filter((a) => a.answer.verdict === "ok").length,
    asked: answers.length,
    ms: results.reduce((sum, r) => sum + r.ms, 0),
    missed: answers.filter((a) => a.answer.verdict !== "ok"),
    ...(slowest ? { slowest: { id: slowest.id, ms: slowest.ms } } : {}),
  };
}
