/**
 * Dimensions and the unit terms a quantity carries as written. A quantity's value is in base units
 * (seconds, bytes, one unit of money); its terms say what the writer wrote (`GB`, `/day`, `pings`), so a
 * consumer can still see that a side says "per day".
 */

/** A dimension: exponents of seconds, bytes and money. Counting nouns have none (`66 pings/sec` is a rate). */
export interface Dim {
  readonly t: number;
  readonly d: number;
  readonly c: number;
}

export const dimensionless: Dim = { t: 0, d: 0, c: 0 };
export const dims = {
  count: dimensionless,
  time: { t: 1, d: 0, c: 0 },
  rate: { t: -1, d: 0, c: 0 },
  data: { t: 0, d: 1, c: 0 },
  dataRate: { t: -1, d: 1, c: 0 },
  money: { t: 0, d: 0, c: 1 },
} as const satisfies Record<string, Dim>;

/** The dimension a unit measures; a key of Dim. */
export type DimKey = "t" | "d" | "c";
export const dimKeys: readonly DimKey[] = ["t", "d", "c"];

export const sameDim = (a: Dim, b: Dim): boolean => a.t === b.t && a.d === b.d && a.c === b.c;
export const isPlain = (dim: Dim): boolean => dim.t === 0 && dim.d === 0 && dim.c === 0;
export const dimTimes = (a: Dim, b: Dim, sign = 1): Dim => ({ t: a.t + sign * b.t, d: a.d + sign * b.d, c: a.c + sign * b.c });
export const dimPower = (a: Dim, n: number): Dim => ({ t: a.t * n, d: a.d * n, c: a.c * n });

/**
 * One written unit term: a unit of the vocabulary (`GB`, `day`), or a counting noun (`noun:ping`), with the
 * power it was written with (`/day` is -1). `size` is the unit's size in base units (1 for a noun), `dim` the
 * dimension one of it measures.
 */
export interface Term {
  readonly id: string;
  readonly power: number;
  readonly size: number;
  readonly key?: DimKey;
}

/** Terms in the order written; a term appears once, with its powers summed. */
export type Terms = readonly Term[];
export const noTerms: Terms = Object.freeze([]);

/** The terms of a product (or, with sign -1, a quotient). */
export function combineTerms(a: Terms, b: Terms, sign = 1): Terms {
  if (b.length === 0) return a;
  if (a.length === 0 && sign === 1) return b;
  const out: Term[] = [...a];
  for (const term of b) {
    const i = out.findIndex((t) => t.id === term.id);
    const power = sign * term.power;
    if (i < 0) out.push({ ...term, power });
    else if (out[i].power + power === 0) out.splice(i, 1);
    else out[i] = { ...out[i], power: out[i].power + power };
  }
  return out;
}

export const powerTerms = (terms: Terms, n: number): Terms => terms.map((t) => ({ ...t, power: t.power * n }));

/**
 * The size of the written unit along one dimension: `GB/day` along time is 1/86,400, along data 10⁹.
 * 1 when nothing written measures that dimension.
 */
export function termsSize(terms: Terms, key: DimKey): number {
  let size = 1;
  for (const term of terms) if (term.key === key) size *= term.size ** term.power;
  return size;
}

/** Whether any written term measures this dimension. */
export const termsMeasure = (terms: Terms, key: DimKey): boolean => terms.some((t) => t.key === key);

/** The counting nouns written (`ping`, `request`), for telling one value's use from another's. */
export const nounsOf = (terms: Terms): string[] => terms.filter((t) => t.key === undefined).map((t) => t.id);
