import { NapkinError } from "../errors.js";
import { type Dim, type Terms, combineTerms, dimPower, dimTimes, dimensionless, isPlain, noTerms, powerTerms, sameDim } from "./units.js";

/**
 * A value in base units (seconds, bytes, one unit of money), as a range low…high (a point has low = high),
 * with its dimension and the unit terms written for it (`GB`, `/day`, `pings`).
 */
export interface Quantity {
  readonly low: number;
  readonly high: number;
  readonly dim: Dim;
  readonly terms: Terms;
}

/** A point quantity. */
export function quantity(value: number, dim: Dim = dimensionless, terms: Terms = noTerms): Quantity {
  return { low: value, high: value, dim, terms };
}

/** The middle of a range (geometric for positive ranges, as napkin ranges span factors). */
export function midpoint(q: { low: number; high: number }): number {
  if (q.low === q.high) return q.low;
  return q.low > 0 ? Math.sqrt(q.low * q.high) : (q.low + q.high) / 2;
}

export const isRange = (q: Quantity): boolean => q.low !== q.high;
export const isDimensionless = (q: Quantity): boolean => isPlain(q.dim);

/** The sum or difference of two quantities of one dimension (the left one's terms are kept). */
export function add(a: Quantity, b: Quantity, sign: 1 | -1 = 1): Quantity {
  if (!sameDim(a.dim, b.dim)) {
    throw new NapkinError("dimension", `cannot ${sign > 0 ? "add" : "subtract"} ${dimName(a.dim)} and ${dimName(b.dim)}`);
  }
  const [low, high] = sign > 0 ? [a.low + b.low, a.high + b.high] : [a.low - b.high, a.high - b.low];
  return checked(low, high, a.dim, a.terms.length ? a.terms : b.terms);
}

/** The product of two quantities (range ends multiply out). */
export function multiply(a: Quantity, b: Quantity): Quantity {
  const ends = [a.low * b.low, a.low * b.high, a.high * b.low, a.high * b.high];
  return checked(Math.min(...ends), Math.max(...ends), dimTimes(a.dim, b.dim), combineTerms(a.terms, b.terms));
}

/** The quotient of two quantities; a divisor that is or spans zero is an error. */
export function divide(a: Quantity, b: Quantity): Quantity {
  if (b.low <= 0 && b.high >= 0) throw new NapkinError("math", "division by zero");
  const ends = [a.low / b.low, a.low / b.high, a.high / b.low, a.high / b.high];
  return checked(Math.min(...ends), Math.max(...ends), dimTimes(a.dim, b.dim, -1), combineTerms(a.terms, b.terms, -1));
}

/**
 * A quantity raised to a dimensionless point power (whole when the base has a unit). A range is raised end
 * by end, with its extremes where the range crosses zero (`(-5–10)^2` is 0–100); a negative power of a range
 * across zero has no value.
 */
export function power(base: Quantity, exponent: Quantity): Quantity {
  if (!isDimensionless(exponent) || isRange(exponent)) throw new NapkinError("math", "an exponent must be a plain number");
  const n = exponent.low;
  if (!isDimensionless(base) && !Number.isInteger(n)) throw new NapkinError("math", "a unit can only be raised to a whole power");
  if (isRange(base) && base.low < 0 && base.high > 0 && n < 0) throw new NapkinError("math", "a negative power of a range across zero has no value");
  const ends = [base.low ** n, base.high ** n];
  if (isRange(base) && base.low < 0 && base.high > 0 && n > 0) ends.push(0);
  return checked(Math.min(...ends), Math.max(...ends), dimPower(base.dim, n), Number.isInteger(n) ? powerTerms(base.terms, n) : noTerms);
}

export function negate(q: Quantity): Quantity {
  return { low: -q.high, high: -q.low, dim: q.dim, terms: q.terms };
}

/** A quantity with no unit terms (its dimension stays). */
export const withoutTerms = (q: Quantity): Quantity => (q.terms.length ? { ...q, terms: noTerms } : q);

/** The highest power of a unit a quantity may carry (`s^8`): beyond it no estimate means anything, and `$^m` stays an error. */
const maxUnitPower = 8;

export function checked(low: number, high: number, dim: Dim, terms: Terms = noTerms): Quantity {
  if (Number.isNaN(low) || Number.isNaN(high)) throw new NapkinError("math", "the result is not a number");
  if (!Number.isFinite(low) || !Number.isFinite(high)) throw new NapkinError("math", "the result is too large to compute");
  if (Math.abs(dim.t) > maxUnitPower || Math.abs(dim.d) > maxUnitPower || Math.abs(dim.c) > maxUnitPower) {
    throw new NapkinError("math", `a unit raised past the ${maxUnitPower}th power (${dimName(dim)}) is no quantity to estimate`);
  }
  return { low, high, dim, terms };
}

/** A dimension in words, for error messages: `bytes/s`, `seconds`, `money`, `a plain number`. */
export function dimName(dim: Dim): string {
  if (isPlain(dim)) return "a plain number";
  const part = (name: string, n: number) => (Math.abs(n) === 1 ? name : `${name}^${Math.abs(n)}`);
  const top = [dim.c > 0 && part("money", dim.c), dim.d > 0 && part("bytes", dim.d), dim.t > 0 && part("seconds", dim.t)].filter(Boolean);
  const bottom = [dim.c < 0 && part("money", dim.c), dim.d < 0 && part("byte", dim.d), dim.t < 0 && part("s", dim.t)].filter(Boolean);
  return `${top.length ? top.join("·") : "1"}${bottom.length ? "/" + bottom.join("/") : ""}`;
}
