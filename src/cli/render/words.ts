import type { AnswerReading } from "../../core/answer.js";
import type { Slip } from "../../core/judge/slips.js";
import { type ReadingNote, formatNapkin, groupThousands } from "../../core/notation/index.js";

/**
 * The sentences napkin says about readings and slips. The core returns codes and numbers; only this file
 * turns them into words, so every command says the same thing the same way.
 */

/** How notation read one thing: `'30m' read as minutes`, `86,400 read as s/day (a hand conversion)`. */
export function describeNote(note: ReadingNote): string {
  switch (note.kind) {
    case "sense":
      return `'${note.text}' read as ${note.chosen}`;
    case "format":
      return describeFormat(note.text, note.chosen);
    case "month":
      return `month = ${note.chosen}`;
    case "year":
      return `year = ${note.chosen}`;
    case "binary":
      return "decimal sizes read as binary (1 KB = 1,024 bytes)";
    case "conversion":
      return `${note.text} read as ${note.chosen} (a hand conversion)`;
    case "adopted":
      return `'${note.text}' read as ${note.chosen} (the unit written on the other side)`;
    case "inherited":
      return `'${note.text}' read as ${note.chosen} (written so nearby)`;
    case "subtraction":
      return `'${note.text}' read as a subtraction (a range runs low to high)`;
    case "rounded-up":
      return `'${note.text}' is ${note.chosen} rounded up (machines and shards come whole)`;
    case "price-unit":
      return `'${note.text}' read as a price per ${note.chosen} (its unit unwritten)`;
    case "label-dash":
      return `'${note.text}' read as a label: its dashes are not minus signs`;
    case "annotation":
      return "units read as labels: the numbers alone are compared";
  }
}

function describeFormat(text: string, format: string): string {
  const digits = text.replace(/[.,\s\u00a0\u202f\u2009_]/g, "");
  switch (format) {
    case "decimal-point":
      return `'${text}' read as ${Number(text)} (a decimal point; for ${digits} write ${text.replace(".", ",")})`;
    case "dotted-thousands":
      return `'${text}' read as ${groupThousands(Number(text.replace(/\./g, "").replace(",", ".")))} (a Portuguese thousands separator)`;
    case "decimal-comma":
      return `'${text}' read as ${text.replace(",", ".")} (a decimal comma)`;
    case "space-groups":
      return `'${text}' read as ${groupThousands(Number(digits))} (digits grouped by spaces)`;
    case "apostrophe-groups":
      return `'${text}' read as ${groupThousands(Number(text.replace(/'/g, "")))} (digits grouped by apostrophes)`;
    default:
      return `'${text}' read as ${format}`;
  }
}

/** A slip as a diagnosis: `off by 1000×: a dropped K?`, `8.6× too big`. */
export function describeSlip(slip: Slip): string {
  const big = slip.factor > 1;
  const f = big ? slip.factor : 1 / slip.factor;
  const sizes = ["KiB", "MiB", "GiB", "TiB"];
  const by = `off by ${formatFactor(f)}×`;
  switch (slip.code) {
    case "scale-1000":
      return `${by}: ${big ? "an extra K?" : "a dropped K?"}`;
    case "scale-1e6":
      return `${by}: ${big ? "an extra M?" : "a dropped M?"}`;
    case "scale-1e9":
      return `${by}: ${big ? "an extra B?" : "a dropped B?"}`;
    case "slipped-zero":
      return `${by}: ${Math.round(f) === 100 ? (big ? "two extra zeros?" : "two dropped zeros?") : big ? "an extra zero?" : "a dropped zero?"}`;
    case "bits-bytes":
      if (Math.round(f) === 8000) return `${by}: ${big ? "bits vs bytes and an extra K?" : "bits vs bytes and a dropped K?"}`;
      return `${by}: ${big ? "bits taken for bytes (8 bits to a byte)?" : "bytes taken for bits (8 bits to a byte)?"}`;
    case "binary-decimal": {
      const size = sizes[Math.max(0, Math.min(3, Math.round(Math.log(f) / Math.log(1.024)) - 1))];
      return `${tooBigOrSmall(slip.factor)}: ${big ? `binary (${size}) where decimal was meant?` : `decimal where binary (${size}) was meant?`}`;
    }
    case "day-seconds":
      return `${by}: ${big ? "a per-second figure labelled per day, or multiplied by 86,400 twice?" : "a per-day figure labelled per second?"}`;
    case "hour-day":
      return `${by}: ${big ? "a day taken as 3,600 s (an hour)?" : "an hour taken as a day (an extra × 24)?"}`;
    case "minute-hour":
      return `${by}: ${big ? "a × 60 missing from the working (minutes where seconds were meant)?" : "an extra × 60 (seconds where minutes were meant)?"}`;
    case "period":
      return `${by}: ${periodSlip(f, big)}`;
    case "interview-day":
      return `${tooBigOrSmall(slip.factor)}: ${big ? "10⁵ s/day multiplied where 86,400 was meant?" : "divided by 10⁵ s/day instead of 86,400?"}`;
    case "month-length":
      return `${tooBigOrSmall(slip.factor)}: ${monthSlip(f, big)}`;
    case "wrong-exponent":
      return `${by}: ${big ? "a power of ten one too high?" : "a power of ten one too low?"}`.replace("one", Math.round(Math.log10(f)) === 1 ? "one" : String(Math.round(Math.log10(f))));
    case "missing-brackets":
      return slip.form === "sum"
        ? `${tooBigOrSmall(slip.factor)}: brackets missing? 'a + b * c' multiplies b only; write '(a + b) * c'`
        : `${tooBigOrSmall(slip.factor)}: brackets missing? 'a / b * c' divides by b only; write 'a / (b * c)'`;
    case "missing-peak":
      return `${by}: ${big ? `a peak factor (${formatNapkin(f)}×) applied to an average?` : `the peak factor (${formatNapkin(f)}×) missing?`}`;
    case "missing-replication":
      return `${by}: ${big ? `replication (${formatNapkin(f)}×) counted twice?` : `replication (${formatNapkin(f)} copies) missing?`}`;
    case "other":
      return tooBigOrSmall(slip.factor);
  }
}

function periodSlip(f: number, big: boolean): string {
  const pairs: [number, string, string][] = [
    [7, "days", "a week"], [30, "days", "a month"], [12, "months", "a year"], [365, "days", "a year"], [52, "weeks", "a year"], [4.345, "weeks", "a month"],
  ];
  const [, small, period] = pairs.reduce((best, p) => (Math.abs(Math.log(f / p[0])) < Math.abs(Math.log(f / best[0])) ? p : best));
  const one = small === "days" ? "a day" : small === "months" ? "a month" : "a week";
  // Too small: a factor left out. Too big: multiplied by too long a period, or divided by too short a one; which, the line does not say.
  return big ? `${one} and ${period} mixed up?` : `${one}'s worth where ${period}'s was meant (× ${formatFactor(f)} missing)?`;
}

function monthSlip(f: number, big: boolean): string {
  if (Math.abs(f - 31 / 30) < 0.005) return big ? "a 31-day month?" : "a 30-day month where 31 was meant?";
  if (Math.abs(f - 30 / 28) < 0.005) return big ? "a 30-day month against 28?" : "a 28-day month?";
  return big ? "a 30-day month against 2.5M s?" : "2.5M s/month against a 30-day month?";
}

function tooBigOrSmall(factor: number): string {
  if (!Number.isFinite(factor)) return "the right value is 0";
  if (factor === 0) return "the stated value is 0";
  return Math.abs(factor) >= 1 ? `${formatFactor(Math.abs(factor))}× too big` : `${formatFactor(1 / Math.abs(factor))}× too small`;
}

/** A factor as said: `1000`, `10⁶`, `8`, `2.3`. */
export function formatFactor(factor: number): string {
  const powers: Record<number, string> = { 1e6: "10⁶", 1e9: "10⁹", 1e12: "10¹²" };
  const rounded = Number(factor.toPrecision(6));
  // Whole factors as said (`1000`, `66,667`), below ten with a decimal (`8.6`), powers of ten as powers.
  return powers[rounded] ?? (rounded >= 10 && rounded < 1e6 ? groupThousands(Math.round(rounded)).replace(/^(\d+),(\d{3})$/, (m, a, b) => (Number(a) < 10 ? `${a}${b}` : m)) : formatNapkin(factor));
}

/** How an answer was read: `'66' read as per second`, `'5 GB/day' taken over one day`. */
export function describeAnswerReading(reading: AnswerReading): string {
  switch (reading.kind) {
    case "note":
      return describeNote(reading.note);
    case "bare":
      return `'${reading.text}' read as ${reading.as.replace(/-/g, " ")}`;
    case "period":
      return `'${reading.text}' taken over one ${reading.period}`;
  }
}

/** The convention a right answer's rounding matches: `a day taken as 10⁵ s`, `(allowed)` when the exercise needs it. */
export function describeConvention(convention: "day-1e5" | "month-2.5M", allowed: boolean): string {
  return `${convention === "day-1e5" ? "a day taken as 10⁵ s" : "a month taken as 2.5M s"}${allowed ? " (allowed)" : ""}`;
}
