import { NapkinError } from "../errors.js";
import { type Quantity, add, chooseUnit, dims, formatQuantity, multiply, quantity } from "../notation/index.js";
import type { Figure, ReferenceTable } from "../reference.js";
import { type ResultName, type Step, stepRow } from "./derive.js";

/** The cost figures `estimate --cost` prices with (a `--reference` file may override them by id). */
export const costFigures = { storage: "cost.storage-gb-month", egress: "cost.egress-gb" } as const;

/** What an estimate prices: the bytes kept, and the bytes served per second. */
export interface Priced {
  /** The bytes kept: over the retention, else one year of them. */
  stored?: { bytes: Quantity; over: "retention" | "year" };
  egress?: Quantity;
}

/**
 * Storage and egress priced per month, as steps that show the rate used: bytes kept × the storage price per
 * GB-month, and bytes served in a month × the egress price per GB. Nothing to price is an error naming what
 * --cost needs.
 */
export function costSteps(priced: Priced, reference: ReferenceTable, monthSeconds: number): { steps: Step[]; results: Partial<Record<ResultName, number>> } {
  if (!priced.stored && !priced.egress) throw new NapkinError("usage", "--cost prices storage and egress: it needs --payload (and reads, --reads-per-write or --fanout, for egress)");
  const steps: Step[] = [];
  const results: Partial<Record<ResultName, number>> = {};
  const add = (result: ResultName, label: string, formula: string, q: Quantity) => {
    const row = stepRow(result, label, formula, q);
    steps.push(row);
    results[result] = row.value;
  };
  if (priced.stored) {
    const rate = figure(reference, costFigures.storage);
    const month = quantity(monthSeconds, dims.time);
    // The price is per byte per second of keeping it (`$0.023/GB/month`): × a month gives the bill for one.
    add("storageCostPerMonth", `storage cost/month (${priced.stored.over === "retention" ? "the data kept over the retention" : "one year of data"})`, `${amount(priced.stored.bytes)} × ${rate.value} (${rate.name})`, multiply(multiply(priced.stored.bytes, rate.quantity), month));
  }
  if (priced.egress) {
    const rate = figure(reference, costFigures.egress);
    const perMonth = multiply(priced.egress, quantity(monthSeconds, dims.time));
    add("egressCostPerMonth", "egress cost/month", `${amount(perMonth)} a month × ${rate.value} (${rate.name})`, multiply(perMonth, rate.quantity));
  }
  return { steps, results };
}

/** Bytes as a formula shows them: `146 TB`. */
const amount = (q: Quantity) => formatQuantity(q, chooseUnit(q.dim, q.high), "napkin");

function figure(reference: ReferenceTable, id: string): Figure {
  const found = reference.figures.find((f) => f.id === id);
  if (!found) throw new NapkinError("data", `the reference table has no '${id}' figure to price with`);
  return found;
}

/** What a stream's (or a scenario's) loads give to price: the bytes kept and the bytes served. */
export function pricedOf(loads: Partial<Record<ResultName, Quantity>>): Priced {
  const kept = loads.storageBytesRetention;
  const year = loads.storageBytesPerYear;
  const served = [loads.egressBytesPerSec, loads.deliveryBytesPerSec].filter((q): q is Quantity => q !== undefined);
  return {
    ...(kept ? { stored: { bytes: kept, over: "retention" as const } } : year ? { stored: { bytes: year, over: "year" as const } } : {}),
    ...(served.length ? { egress: served.reduce((a, b) => add(a, b)) } : {}),
  };
}
