import { formatNapkin } from "./notation/format.js";

/** A napkin answer within 25% of the exact result is right. */
export const defaultTolerance = 0.25;

export type AnswerVerdict = "ok" | "wrong";

/** How a stated value compares with the right one, and the likely cause when it is wrong. */
export interface Diagnosis {
  verdict: AnswerVerdict;
  /** stated ÷ correct. */
  factor: number;
  /** A short cause: `off by 1000×: a dropped K?`; for right answers, the convention it matches. */
  diagnosis?: string;
  /** A stable name for the cause, for JSON and tests. */
  cause?: DiagnosisCause;
}

export type DiagnosisCause =
  | "scale-1000" | "scale-1e6" | "scale-1e9" | "slipped-zero" | "bits-bytes" | "binary-decimal"
  | "day-seconds" | "month-length" | "missing-peak" | "missing-replication" | "other";

/** Context that makes a cause evident: the peak factor or replication the problem uses. */
export interface DiagnoseContext {
  tolerance?: number;
  peak?: number[];
  replication?: number;
  /**
   * Which kinds of unit the problem involves, when known: time-unit causes (86,400 vs 10⁵, month
   * length) need time, binary vs decimal needs bytes. Unknown: every cause is considered.
   */
  involves?: { time: boolean; bytes: boolean };
}

interface Candidate {
  factor: number;
  cause: DiagnosisCause;
  /** Text when the stated value is too big / too small by this factor. */
  big: string;
  small: string;
}

const scaleCandidates: Candidate[] = [
  { factor: 1e3, cause: "scale-1000", big: "an extra K?", small: "a dropped K?" },
  { factor: 1e6, cause: "scale-1e6", big: "an extra M?", small: "a dropped M?" },
  { factor: 1e9, cause: "scale-1e9", big: "an extra B?", small: "a dropped B?" },
  { factor: 10, cause: "slipped-zero", big: "an extra zero?", small: "a dropped zero?" },
  { factor: 100, cause: "slipped-zero", big: "two extra zeros?", small: "two dropped zeros?" },
  { factor: 8, cause: "bits-bytes", big: "bits taken for bytes (8 bits to a byte)?", small: "bytes taken for bits (8 bits to a byte)?" },
  { factor: 8e3, cause: "bits-bytes", big: "bits vs bytes and an extra K?", small: "bits vs bytes and a dropped K?" },
  { factor: 1e5 / 86_400, cause: "day-seconds", big: "10⁵ s/day multiplied where 86,400 was meant?", small: "divided by 10⁵ s/day instead of 86,400?" },
  { factor: 86_400, cause: "day-seconds", big: "a per-second figure labelled per day?", small: "a per-day figure labelled per second?" },
  { factor: 30 / 7, cause: "month-length", big: "a month (30 days) where a week was meant?", small: "a week (7 days) where a month (30) was meant?" },
  { factor: 365 / 30, cause: "month-length", big: "a year (365 days) where a month (30) was meant?", small: "a month where a year was meant?" },
  { factor: 31 / 30, cause: "month-length", big: "a 31-day month?", small: "a 30-day month where 31 was meant?" },
  { factor: 2.592 / 2.5, cause: "month-length", big: "a 30-day month against 2.5M s?", small: "2.5M s/month against a 30-day month?" },
  { factor: 30 / 28, cause: "month-length", big: "a 30-day month against 28?", small: "a 28-day month?" },
  ...[1, 2, 3, 4].map((n) => ({ factor: 1.024 ** n, cause: "binary-decimal" as const, big: `binary (${["KiB", "MiB", "GiB", "TiB"][n - 1]}) where decimal was meant?`, small: `decimal where binary (${["KiB", "MiB", "GiB", "TiB"][n - 1]}) was meant?` })),
];

/** Compares a stated value with the right one (a range when the problem has one) and names the likely slip. */
export function diagnoseAnswer(stated: number, correct: { low: number; high: number }, context: DiagnoseContext = {}): Diagnosis {
  const tolerance = context.tolerance ?? defaultTolerance;
  const middle = correct.low === correct.high ? correct.low : Math.sign(correct.low) * Math.sqrt(Math.abs(correct.low * correct.high));
  const factor = middle === 0 ? (stated === 0 ? 1 : Infinity) : stated / middle;
  if (withinTolerance(stated, correct, tolerance)) {
    return { verdict: "ok", factor, ...convention(factor, context) };
  }
  const candidates = [...scaleCandidates.filter((c) => relevant(c, context)), ...contextCandidates(context)];
  const ratio = stated / (stated > correct.high ? correct.high : correct.low);
  const best = closest(Math.abs(ratio), candidates);
  const times = Math.abs(factor) >= 1 ? `${formatFactor(Math.abs(factor))}× too big` : `${formatFactor(1 / Math.abs(factor))}× too small`;
  if (!best) return { verdict: "wrong", factor, diagnosis: times, cause: "other" };
  const tooBig = Math.abs(ratio) > 1;
  const by = best.factor >= 2 ? `off by ${formatFactor(best.factor)}×` : times;
  return { verdict: "wrong", factor, diagnosis: `${by}: ${tooBig ? best.big : best.small}`, cause: best.cause };
}

/** A factor as said: `1000`, `10⁶`, `8`, `2.3`. */
function formatFactor(factor: number): string {
  const powers: Record<number, string> = { 1e6: "10⁶", 1e9: "10⁹", 1e12: "10¹²" };
  return powers[factor] ?? (factor >= 10 && Number.isInteger(factor) && factor <= 1e5 ? String(factor) : formatNapkin(factor));
}

/** True when the stated value lies within the tolerance of the right value (or range). */
export function withinTolerance(stated: number, correct: { low: number; high: number }, tolerance: number): boolean {
  const low = Math.min(correct.low * (1 - tolerance), correct.low * (1 + tolerance));
  const high = Math.max(correct.high * (1 + tolerance), correct.high * (1 - tolerance));
  return stated >= low - 1e-12 && stated <= high + 1e-12;
}

/** Whether a cause can apply: time-unit causes need time in the problem, binary vs decimal needs bytes. */
function relevant(candidate: Candidate, { involves }: DiagnoseContext): boolean {
  if (!involves) return true;
  if (candidate.cause === "day-seconds" || candidate.cause === "month-length") return involves.time;
  if (candidate.cause === "binary-decimal") return involves.bytes;
  return true;
}

/**
 * For a right answer that is not exact: the convention its rounding matches (10⁵ s/day, 2.5M s/month),
 * named only when it matches one almost exactly (within 0.5%); else the rounding in percent.
 */
function convention(factor: number, context: DiagnoseContext): Pick<Diagnosis, "diagnosis"> {
  if (Math.abs(factor - 1) < 0.01) return {};
  const conventions = scaleCandidates.filter((c) => (c.cause === "day-seconds" || c.cause === "month-length") && relevant(c, context));
  const r = factor >= 1 ? factor : 1 / factor;
  const match = conventions.find((c) => Math.abs(r / c.factor - 1) < 0.005);
  if (match?.cause === "day-seconds") return { diagnosis: "interview rounding: a day taken as 10⁵ s" };
  if (match?.cause === "month-length") return { diagnosis: "month-length convention (30 days vs 2.5M s)" };
  return { diagnosis: `napkin rounding (${factor > 1 ? "+" : ""}${Math.round((factor - 1) * 100)}%)` };
}

function contextCandidates(context: DiagnoseContext): Candidate[] {
  const peaks = (context.peak ?? []).filter((p) => p > 1).map((p) => ({ factor: p, cause: "missing-peak" as const, big: `a peak factor (${formatNapkin(p)}×) applied to an average?`, small: `the peak factor (${formatNapkin(p)}×) missing?` }));
  const replication = context.replication && context.replication > 1
    ? [{ factor: context.replication, cause: "missing-replication" as const, big: `replication (${context.replication}×) counted twice?`, small: `replication (${context.replication} copies) missing?` }]
    : [];
  return [...peaks, ...replication];
}

/**
 * The candidate whose factor is nearest the ratio (in log terms): within 25% for big factors
 * (a dropped K is still a dropped K after rounding), within 2% for small ones (1.157, 1.024).
 */
function closest(ratio: number, candidates: Candidate[]): Candidate | undefined {
  const r = ratio >= 1 ? ratio : 1 / ratio;
  let best: Candidate | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = Math.abs(Math.log(r / candidate.factor));
    const allowed = candidate.factor >= 2 ? 0.25 : 0.02;
    if (distance < bestDistance && Math.abs(r / candidate.factor - 1) <= allowed) [best, bestDistance] = [candidate, distance];
  }
  return best;
}
