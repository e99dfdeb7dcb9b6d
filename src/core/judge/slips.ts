import costs from "../../data/readings.json" with { type: "json" };

/**
 * Slip hypotheses: what a stated value that is off by a factor most likely got wrong. Each slip is data
 * (src/data/readings.json): its factors, its cost, and what a line must involve for it to apply (bits vs
 * bytes needs data; 3,600 for a day needs time). `check`, `grade` and `drill` all diagnose through here.
 */

export const slipCodes = [
  "scale-1000", "scale-1e6", "scale-1e9", "slipped-zero", "bits-bytes", "binary-decimal", "day-seconds", "hour-day",
  "minute-hour", "period", "interview-day", "month-length", "wrong-exponent", "missing-brackets", "missing-peak", "missing-replication", "other",
] as const;
export type SlipCode = (typeof slipCodes)[number];

/** What a line or an answer involves, which decides the slips that can apply. */
export interface SlipContext {
  /** Bytes or bits are written (bits vs bytes, 1024 vs 1000). */
  data: boolean;
  /** A time unit or a time conversion is written (86,400, 24, 60). */
  time: boolean;
  /** Days, weeks, months or years are written, or a literal 7, 30, 365, 12. */
  period: boolean;
  /** A day is involved: a day unit, or 86,400 or 10⁵ written. */
  day: boolean;
  /** A month is involved. */
  month: boolean;
  /** A power is written (`10^5`, `10⁶`). */
  power: boolean;
  /** Peak factors the line or problem uses (its small literals, when it mentions a peak). */
  peak?: readonly number[];
  /** The replication factor, when the line or problem mentions copies. */
  replication?: number;
}

/** A slip found: its code and the factor it explains (stated ÷ right ≈ factor; below 1 when the stated value is too small). */
export interface Slip {
  readonly code: SlipCode;
  readonly factor: number;
  /** For missing brackets: a divisor cut short (`a / b * c`) or a sum multiplied in part (`a + b * c`). */
  readonly form?: "divisor" | "sum";
}

/** A napkin answer within 25% of the exact result is right. */
export const defaultTolerance = 0.25;

/** The cost of naming no slip: any plausible reading with a slip beats it. */
export const otherCost = costs.other;

/**
 * The cheapest slip that explains a ratio (stated ÷ right), with its cost; undefined when none does. A big
 * factor may be off by a quarter (a dropped K is still a dropped K after rounding), a small one by 2%.
 */
export function explainRatio(ratio: number, context: SlipContext): { slip: Slip; cost: number } | undefined {
  if (!Number.isFinite(ratio) || ratio === 0) return undefined;
  const r = Math.abs(ratio);
  let best: { slip: Slip; cost: number } | undefined;
  for (const slip of costs.slips) {
    if (!applies(slip.needs, context)) continue;
    const factors = slip.code === "missing-peak" ? context.peak ?? [] : slip.code === "missing-replication" ? (context.replication ? [context.replication] : []) : slip.factors;
    for (const factor of factors) {
      if (factor <= 1) continue;
      for (const f of [factor, 1 / factor]) {
        const distance = Math.abs(Math.log(r / f));
        const window = Math.log(1 + ("window" in slip ? (slip.window as number) : factor >= 2 ? costs.window.big : costs.window.small));
        if (distance > window) continue;
        // Nearer is likelier: a ratio of exactly 1000 is a dropped K more surely than one of 800; the edge of a slip's window costs one more.
        const cost = slip.cost + distance / window;
        if (!best || cost < best.cost) best = { slip: { code: slip.code as SlipCode, factor: f }, cost };
      }
    }
  }
  return best;
}

function applies(needs: string | undefined, context: SlipContext): boolean {
  switch (needs) {
    case undefined:
      return true;
    case "data": case "time": case "period": case "day": case "month": case "power":
      return context[needs];
    case "peak":
      return (context.peak?.length ?? 0) > 0;
    case "replication":
      return (context.replication ?? 0) > 1;
    default:
      return false;
  }
}

/** True when the stated value lies within the tolerance of the right value (or range). */
export function withinTolerance(stated: number, correct: { low: number; high: number }, tolerance: number): boolean {
  const low = Math.min(correct.low * (1 - tolerance), correct.low * (1 + tolerance));
  const high = Math.max(correct.high * (1 + tolerance), correct.high * (1 - tolerance));
  // Relative slack for rounding only: in base units a right value can be tiny ($/GB/month is ~1e-17 $/B/s).
  return stated >= low - Math.abs(low) * 1e-12 && stated <= high + Math.abs(high) * 1e-12;
}

/** stated ÷ right, against the nearer end of a right range (its middle when the stated value is inside). */
export function ratioTo(stated: number, correct: { low: number; high: number }): number {
  if (stated > correct.high) return correct.high === 0 ? Infinity : stated / correct.high;
  if (stated < correct.low) return correct.low === 0 ? Infinity : stated / correct.low;
  return 1;
}

/** An answer's verdict against the right value, and the slip that explains a wrong one. */
export interface ValueVerdict {
  verdict: "ok" | "wrong";
  /** stated ÷ right (the range's middle). */
  factor: number;
  slip?: Slip;
}

/** Judges a stated number against the right one (a range when the problem has one), naming the likely slip. */
export function judgeValue(stated: number, correct: { low: number; high: number }, context: SlipContext, tolerance = defaultTolerance): ValueVerdict {
  const middle = correct.low === correct.high ? correct.low : Math.sign(correct.low) * Math.sqrt(Math.abs(correct.low * correct.high));
  const factor = middle === 0 ? (stated === 0 ? 1 : Infinity) : stated / middle;
  if (withinTolerance(stated, correct, tolerance)) return { verdict: "ok", factor };
  const explained = explainRatio(ratioTo(stated, correct), context);
  return { verdict: "wrong", factor, slip: explained?.slip ?? { code: "other", factor } };
}

/** A context where every slip that needs no line-specific factor can apply (a bare answer with no line around it). */
const commonFactors = new Set<number>(costs.commonFactors);

/** A number too usual to tell where it came from (src/data/readings.json). */
export const isCommonFactor = (value: number): boolean => commonFactors.has(Math.abs(value));

/** A written value tells where it came from: not a common factor, and three significant digits or more when under 100. */
export function distinctive(value: number): boolean {
  const v = Math.abs(value);
  return !commonFactors.has(v) && (v >= 100 || significantDigits(v) > 2);
}

function significantDigits(v: number): number {
  const text = String(Number(v.toPrecision(12))).replace(/e.*$/, "").replace(".", "").replace(/^0+/, "").replace(/0+$/, "");
  return Math.max(1, text.length);
}

export const everySlip: SlipContext = { data: true, time: true, period: true, day: true, month: true, power: false };
