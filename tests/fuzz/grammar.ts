import fc from "fast-check";

/**
 * Expressions in napkin's notation, built with their value: each arbitrary gives the text and what it must read
 * as, computed here by interval arithmetic written for the test, not with napkin's code. A range is [low, high];
 * `undefined` marks an expression with no value (a division by a range through zero, mixed dimensions…), which
 * napkin must refuse with a clear error.
 */

/** Powers of seconds and bytes: {t: -1, d: 1} is bytes per second. */
export interface Dim {
  t: number;
  d: number;
}

export interface Interval {
  low: number;
  high: number;
  dim: Dim;
}

export interface Generated {
  text: string;
  /** The value, or undefined when the expression has none. */
  value: Interval | undefined;
  /** The largest magnitude met on the way: the tolerance is relative to it (subtraction cancels digits). */
  scale: number;
  /** Whether `text` may stand as an operand as it is (a literal, a bracket), or needs brackets. */
  atom: boolean;
  /** Written without any unit (`5`, `50%`, `(2 * 3)`): only such a term takes a neighbour's unit in a sum. */
  bare: boolean;
  /** The size of the unit a literal is written in (60 for `min`): a bare term added to it is read in that unit. */
  written?: number;
  /** A value this model does not compute (a bare term added to a composite unit): the property skips it. */
  unknown?: boolean;
}

const none: Dim = { t: 0, d: 0 };

/** Scales a number may carry, with their factor. */
const scales: [string, number][] = [["", 1], ["K", 1e3], ["k", 1e3], ["M", 1e6], [" bn", 1e9], [" thousand", 1e3], [" million", 1e6]];

/** Units, with their factor to seconds and bytes (KB = 1000 B, a day 86,400 s) and dimension. */
const units: [string, number, Dim][] = [
  ["", 1, none],
  [" s", 1, { t: 1, d: 0 }],
  [" ms", 1e-3, { t: 1, d: 0 }],
  [" min", 60, { t: 1, d: 0 }],
  [" h", 3600, { t: 1, d: 0 }],
  [" days", 86_400, { t: 1, d: 0 }],
  [" bytes", 1, { t: 0, d: 1 }],
  [" KB", 1e3, { t: 0, d: 1 }],
  [" MB", 1e6, { t: 0, d: 1 }],
  [" GB", 1e9, { t: 0, d: 1 }],
  ["/s", 1, { t: -1, d: 0 }],
  ["/day", 1 / 86_400, { t: -1, d: 0 }],
  [" MB/s", 1e6, { t: -1, d: 1 }],
];

/** napkin refuses a unit past the 8th power (`s^9`): no estimate has one. */
const bounded = (v: Interval | undefined) => (v && Math.abs(v.dim.t) <= 8 && Math.abs(v.dim.d) <= 8 ? v : undefined);
const sameDim = (a: Dim, b: Dim) => a.t === b.t && a.d === b.d;
const unitless = (dim: Dim) => dim.t === 0 && dim.d === 0;

/** A number as written in notes: a whole number or one with one or two decimals (three could be a pt-BR thousands dot). */
const number = fc.oneof(
  fc.integer({ min: 1, max: 99_999 }).map((n) => ({ text: String(n), value: n })),
  fc.tuple(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 1, max: 99 })).map(([whole, cents]) => {
    const text = `${whole}.${String(cents).padStart(2, "0").replace(/0$/, "")}`;
    return { text, value: Number(text) };
  }),
);

const scaleAndUnit = fc.tuple(fc.constantFrom(...scales), fc.constantFrom(...units));

/** A per-unit (`/s`) binds to its number: such a literal is bracketed before it meets an operator. */
const literal: fc.Arbitrary<Generated> = fc.tuple(number, scaleAndUnit).map(([n, [[scale, s], [unit, u, dim]]]) => {
  const value = n.value * s * u;
  return { text: `${n.text}${scale}${unit}`, value: { low: value, high: value, dim }, scale: Math.abs(value), atom: !unit.includes("/"), bare: !unit, written: unit ? u : undefined };
});

/**
 * `10-30K ms`, `10–30 ms`, `(-5-10%)`: the scale and unit belong to both ends when the numbers are in order of
 * size; `(-50-10K)` is −50 to 10K (the unit reaches the low end, the scale does not).
 */
const range: fc.Arbitrary<Generated> = fc
  .tuple(fc.integer({ min: -50, max: 50 }), fc.integer({ min: 1, max: 999 }), fc.constantFrom("-", "–"), scaleAndUnit)
  .filter(([a, width]) => a + width > 0)
  .map(([a, width, dash, [[scale, s], [unit, u, dim]]]) => {
    const b = a + width;
    const low = Math.abs(a) <= b ? a * s * u : a * u;
    const high = b * s * u;
    const text = `${a}${dash}${b}${scale}${unit}`;
    // A range that starts below zero is written in brackets, as notes write it: `(-5-10)`.
    const value = low < high ? { low, high, dim } : undefined;
    return { text: a < 0 ? `(${text})` : text, value, scale: Math.max(Math.abs(low), Math.abs(high)), atom: a < 0 || !unit.includes("/"), bare: !unit, written: unit ? u : undefined };
  });

const operand = (g: Generated) => (g.atom ? g.text : `(${g.text})`);

function corners(a: Interval, b: Interval, f: (x: number, y: number) => number): [number, number] {
  const values = [f(a.low, b.low), f(a.low, b.high), f(a.high, b.low), f(a.high, b.high)];
  return [Math.min(...values), Math.max(...values)];
}

/**
 * A bare term of a sum is read in the unit its neighbour is written in (`1000 + 16 + 8 bytes`, `5 min + 30` is
 * 5.5 min): the bare side times that unit's size. Modelled where the neighbour is one literal; otherwise unknown.
 */
function adopted(bare: Generated, neighbour: Generated): { value: Interval; unknown?: undefined } | { unknown: true } {
  if (neighbour.written === undefined) return { unknown: true };
  const { low, high } = bare.value!;
  return { value: { low: low * neighbour.written, high: high * neighbour.written, dim: neighbour.value!.dim } };
}

function combine(op: string, a: Generated, b: Generated): Generated {
  const text = `${operand(a)} ${op} ${operand(b)}`;
  const scale = Math.max(a.scale, b.scale);
  let x = a.value;
  let y = b.value;
  let value: Interval | undefined;
  let unknown = a.unknown || b.unknown;
  if (x && y) {
    if (op === "+" || op === "-") {
      // A ratio of units (`1 min / 1 s`) is plain but not bare: it takes no unit over; one of a unit by itself
      // (`(1/s) ÷ (1/s)`) cancels to a bare number, which this model does not follow.
      const leftBare = a.bare && unitless(x.dim);
      const ratio = (g: Generated, v: Interval) => !g.bare && unitless(v.dim);
      if (!sameDim(x.dim, y.dim) && (ratio(a, x) || ratio(b, y))) unknown = true;
      else if (!sameDim(x.dim, y.dim) && (leftBare || (b.bare && unitless(y.dim)))) {
        const taken = leftBare ? adopted(a, b) : adopted(b, a);
        if (taken.unknown) unknown = true;
        else if (leftBare) x = taken.value;
        else y = taken.value;
      }
      if (sameDim(x.dim, y.dim)) value = op === "+" ? { low: x.low + y.low, high: x.high + y.high, dim: x.dim } : { low: x.low - y.high, high: x.high - y.low, dim: x.dim };
    } else if (op === "*" || op === "×") {
      const [low, high] = corners(x, y, (p, q) => p * q);
      value = { low, high, dim: { t: x.dim.t + y.dim.t, d: x.dim.d + y.dim.d } };
    } else if (!(y.low <= 0 && y.high >= 0)) {
      const [low, high] = corners(x, y, (p, q) => p / q);
      value = { low, high, dim: { t: x.dim.t - y.dim.t, d: x.dim.d - y.dim.d } };
    }
  }
  value = bounded(value);
  const magnitude = value ? Math.max(scale, Math.abs(value.low), Math.abs(value.high), Math.abs(x!.low), Math.abs(x!.high), Math.abs(y!.low), Math.abs(y!.high)) : scale;
  // Units written on either side stay written on the result (a bare side that took one over has it too).
  return { text, value, scale: magnitude, atom: false, bare: a.bare && b.bare, unknown };
}

function power(a: Generated, k: number): Generated {
  const x = a.value;
  let value: Interval | undefined;
  if (x) {
    const dim = { t: x.dim.t * k, d: x.dim.d * k };
    const across = x.low < 0 && x.high > 0;
    if (k < 0) value = x.low <= 0 && x.high >= 0 ? undefined : { low: 1 / x.high, high: 1 / x.low, dim };
    else if (k % 2 === 0 && across) value = { low: 0, high: Math.max(x.low ** k, x.high ** k), dim };
    else {
      const ends = [x.low ** k, x.high ** k].sort((p, q) => p - q);
      value = { low: ends[0], high: ends[1], dim };
    }
  }
  value = bounded(value);
  const scale = value ? Math.max(a.scale ** Math.abs(k), Math.abs(value.low), Math.abs(value.high)) : a.scale;
  return { text: `(${a.text})^${k}`, value, scale, atom: true, bare: a.bare, unknown: a.unknown };
}

/** sqrt of a plain number or range at or above zero (napkin's functions take plain numbers: `sqrt(4 s^2)` is refused). */
function squareRoot(a: Generated): Generated {
  const x = a.value;
  const value = x && x.low >= 0 && unitless(x.dim) ? { low: Math.sqrt(x.low), high: Math.sqrt(x.high), dim: none } : undefined;
  return { text: `sqrt(${a.text})`, value, scale: Math.max(Math.sqrt(a.scale), 1), atom: true, bare: true, unknown: a.unknown };
}

/** log(x, base) over ranges: every value of ln x / ln b, defined for x > 0 and a base range that keeps clear of 1. */
function logarithm(a: Generated, b: Generated): Generated {
  const x = a.value;
  const base = b.value;
  let value: Interval | undefined;
  if (x && base && unitless(x.dim) && unitless(base.dim) && x.low > 0 && base.low > 0 && !(base.low <= 1 && base.high >= 1)) {
    const logs = { low: Math.log(x.low), high: Math.log(x.high), dim: none };
    const [low, high] = corners(logs, { low: Math.log(base.low), high: Math.log(base.high), dim: none }, (p, q) => p / q);
    value = { low, high, dim: none };
  }
  return { text: `log(${a.text}, ${b.text})`, value, scale: value ? Math.max(1, Math.abs(value.low), Math.abs(value.high)) : 1, atom: true, bare: true, unknown: a.unknown || b.unknown };
}

/** A plain number (for exponents and log bases), or a plain range. */
const plain: fc.Arbitrary<Generated> = fc.oneof(
  fc.integer({ min: 2, max: 1000 }).map((n) => ({ text: String(n), value: { low: n, high: n, dim: none }, scale: n, atom: true, bare: true })),
  fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 1, max: 200 })).map(([a, w]) => ({ text: `${a}-${a + w}`, value: { low: a, high: a + w, dim: none }, scale: a + w, atom: true, bare: true })),
);

export const expression: fc.Arbitrary<Generated> = fc.letrec<{ node: Generated }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    literal,
    range,
    fc.tuple(tie("node"), fc.constantFrom("+", "-", "*", "×", "/", "÷"), tie("node")).map(([a, op, b]) => combine(op, a, b)),
    fc.tuple(tie("node"), fc.constantFrom(2, 3, -1)).map(([a, k]) => power(a, k)),
    tie("node").map(squareRoot),
    fc.tuple(fc.oneof(plain, tie("node")), plain).map(([a, b]) => logarithm(a, b)),
    tie("node").map((a) => ({ ...a, text: `(${a.text})`, atom: true })),
  ),
})).node;
