import { NapkinError } from "../errors.js";
import { type Dim, dimensionless } from "./words.js";

/** A value in base units (seconds, bytes), as a range low…high; a point has low = high. */
export interface Quantity {
  readonly low: number;
  readonly high: number;
  readonly dim: Dim;
}

/** A point quantity. */
export function quantity(value: number, dim: Dim = dimensionless): Quantity {
  return { low: value, high: value, dim };
}

/** The middle of a range (geometric for positive ranges, as napkin ranges span factors). */
export function midpoint(q: Quantity): number {
  if (q.low === q.high) return q.low;
  return q.low > 0 ? Math.sqrt(q.low * q.high) : (q.low + q.high) / 2;
}

export const isRange = (q: Quantity): boolean => q.low !== q.high;
export const sameDim = (a: Dim, b: Dim): boolean => a.t === b.t && a.d === b.d;
export const isDimensionless = (q: Quantity): boolean => q.dim.t === 0 && q.dim.d === 0;

/** The sum or difference of two quantities of one dimension. */
export function add(a: Quantity, b: Quantity, sign: 1 | -1 = 1): Quantity {
  if (!sameDim(a.dim, b.dim)) {
    throw new NapkinError("dimension", `cannot ${sign > 0 ? "add" : "subtract"} ${dimName(a.dim)} and ${dimName(b.dim)}`);
  }
  const ends = sign > 0 ? [a.low + b.low, a.high + b.high] : [a.low - b.high, a.high - b.low];
  return checked(ends[0], ends[1], a.dim);
}

/** The product of two quantities (range ends multiply out). */
export function multiply(a: Quantity, b: Quantity): Quantity {
  const ends = [a.low * b.low, a.low * b.high, a.high * b.low, a.high * b.high];
  return checked(Math.min(...ends), Math.max(...ends), { t: a.dim.t + b.dim.t, d: a.dim.d + b.dim.d });
}

/** The quotient of two quantities; a divisor that is or spans zero is an error. */
export function divide(a: Quantity, b: Quantity): Quantity {
  if (b.low <= 0 && b.high >= 0) throw new NapkinError("math", "division by zero");
  return multiply(a, checked(1 / b.high, 1 / b.low, { t: -b.dim.t, d: -b.dim.d }));
}

/** A quantity raised to a dimensionless point power (integer when the base has a unit). */
export function power(base: Quantity, exponent: Quantity): Quantity {
  if (!isDimensionless(exponent) || isRange(exponent)) throw new NapkinError("math", "an exponent must be a plain number");
  const n = exponent.low;
  if (!isDimensionless(base) && !Number.isInteger(n)) throw new NapkinError("math", "a unit can only be raised to a whole power");
  const ends = [base.low ** n, base.high ** n];
  return checked(Math.min(...ends), Math.max(...ends), { t: base.dim.t * n, d: base.dim.d * n });
}

export function negate(q: Quantity): Quantity {
  return { low: -q.high, high: -q.low, dim: q.dim };
}

function checked(low: number, high: number, dim: Dim): Quantity {
  if (Number.isNaN(low) || Number.isNaN(high)) throw new NapkinError("math", "the result is not a number");
  if (!Number.isFinite(low) || !Number.isFinite(high)) throw new NapkinError("math", "the result is too large to compute");
  return { low, high, dim };
}

/** A dimension in words, for error messages: `bytes/s`, `seconds`, `a plain number`. */
export function dimName(dim: Dim): string {
  if (dim.t === 0 && dim.d === 0) return "a plain number";
  const part = (name: string, n: number) => (Math.abs(n) === 1 ? name : `${name}^${Math.abs(n)}`);
  const top = [dim.d > 0 && part("bytes", dim.d), dim.t > 0 && part("seconds", dim.t)].filter(Boolean);
  const bottom = [dim.d < 0 && part("byte", dim.d), dim.t < 0 && part("s", dim.t)].filter(Boolean);
  return `${top.length ? top.join("·") : "1"}${bottom.length ? "/" + bottom.join("/") : ""}`;
}
