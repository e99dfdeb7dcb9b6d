import { type Quantity, chooseUnit, formatQuantity, isRange, midpoint } from "../notation/index.js";
import { type Figure, type ReferenceTable, figureRangeText } from "../reference.js";
import { sum, tidy } from "./derive.js";

export type Verdict = "fits" | "tight" | "exceeds";

export type CapacityUnit = "/s" | "connections" | "bytes/s";

/** One component checked against its reference range at peak. */
export interface CapacityCheck {
  figure: string;
  component: string;
  metric: string;
  load: number;
  /** The load's range, when an input was a range. */
  loadRange?: { low: number; high: number };
  low: number;
  high: number;
  openEnded: boolean;
  /** What the load and the range measure: requests per second, connections, or bytes per second. */
  unit: CapacityUnit;
  per: string;
  verdict: Verdict;
  nodes: { low: number; high: number };
  /** Load as a share of one unit's range: load / high … load / low. */
  utilisation: { low: number; high: number };
  /** The verdict as a sentence to say out loud. */
  say: string;
  /** What was assumed to get the load. */
  assumption?: string;
}

/** The loads an estimate compares with the reference figures: peak writes and reads, connections open at once, peak bandwidth. */
export interface Loads {
  writes?: Quantity;
  reads?: Quantity;
  connections?: Quantity;
  bandwidth?: Quantity;
}

/** The figures `estimate` compares with when no --against names others: the four the user's own notes give. */
export const defaultAgainst: readonly string[] = ["postgres.inserts", "postgres.indexed-reads", "redis.ops", "kafka.msgs"];

/** Whether a figure is about a component or topic named in --against (`cassandra`, `s3`, `dynamodb.partition-writes`). */
export function figureAbout(figure: Figure, term: string): boolean {
  const wanted = term.toLowerCase();
  return figure.topics.includes(wanted) || figure.id === wanted || figure.id.startsWith(`${wanted}.`) || figure.component?.toLowerCase() === wanted;
}

/**
 * Compares each component's peak load with its reference range: writes for a database's inserts, reads for its
 * reads (only when reads were estimated), both for a cache's operations, messages for a log, connections for a
 * connection server, bandwidth for a link or a disk. `against` names the components (default: Postgres, Redis
 * and Kafka); a figure with no load kind (a latency, a cost) is never compared.
 */
export function checkCapacity(reference: ReferenceTable, loads: Loads, against: readonly string[] = defaultAgainst): CapacityCheck[] {
  const checks: CapacityCheck[] = [];
  for (const figure of reference.figures) {
    if (!figure.load || !against.some((term) => figureAbout(figure, term))) continue;
    const load = loadFor(figure, loads);
    if (load) checks.push(capacityCheck(figure, load.load, load.assumption));
  }
  return checks;
}

function loadFor(figure: Figure, { writes, reads, connections, bandwidth }: Loads): { load: Quantity; assumption?: string } | undefined {
  switch (figure.load) {
    case "reads":
      return reads ? { load: reads } : undefined;
    case "ops":
      if (writes && reads) return { load: sum(writes, reads), assumption: "reads and writes both hit it" };
      return writes ? { load: writes, assumption: "one operation per write" } : reads ? { load: reads, assumption: "one operation per read" } : undefined;
    case "connections":
      return connections ? { load: connections } : undefined;
    case "bandwidth":
      return bandwidth ? { load: bandwidth, assumption: "the peak ingress crosses it" } : undefined;
    default:
      return writes ? { load: writes } : undefined;
  }
}

function capacityCheck(figure: Figure, load: Quantity, assumption?: string): CapacityCheck {
  const { low, high } = figure.quantity;
  const openEnded = figure.openEnded ?? false;
  const worst = load.high;
  // Past an open-ended figure's floor ("1M+") the table vouches for nothing more: tight, not exceeds.
  const verdict: Verdict = worst <= low ? "fits" : worst <= high || openEnded ? "tight" : "exceeds";
  const nodes = { low: Math.max(1, Math.ceil(load.low / high)), high: Math.max(1, Math.ceil(load.high / low)) };
  const per = figure.per ?? "node";
  const component = figure.component ?? figure.name;
  const check: CapacityCheck = {
    figure: figure.id,
    component,
    metric: figure.name,
    load: tidy(midpoint(load)),
    low,
    high,
    openEnded,
    unit: figure.load === "connections" ? "connections" : figure.load === "bandwidth" ? "bytes/s" : "/s",
    per,
    verdict,
    nodes,
    utilisation: { low: tidy(load.low / high), high: tidy(load.high / low) },
    say: sayVerdict(figure, verdict, load, nodes, per),
  };
  if (assumption) check.assumption = assumption;
  if (isRange(load)) check.loadRange = { low: tidy(load.low), high: tidy(load.high) };
  return check;
}

const plural = (noun: string, n: number) => (n === 1 ? noun : noun.endsWith("y") && !/[aeiou]y$/.test(noun) ? noun.slice(0, -1) + "ies" : /(?:s|x|z|ch|sh)$/.test(noun) ? noun + "es" : noun + "s");

/** A load in its own unit: `peak 66.7K/s`, `2M connections`, `peak 1.25 GB/s`. */
function loadText(figure: Figure, load: Quantity): string {
  if (figure.load === "connections") return `${formatQuantity(load, chooseUnit(load.dim, load.high), "napkin")} connections`;
  if (figure.load === "bandwidth") return `peak ${formatQuantity(load, chooseUnit(load.dim, load.high), "napkin")}`;
  return `peak ${formatQuantity(load, { name: "/s", factor: 1 }, "napkin")}`;
}

function sayVerdict(figure: Figure, verdict: Verdict, load: Quantity, nodes: { low: number; high: number }, per: string): string {
  const range = figureRangeText(figure);
  const peak = loadText(figure, load);
  const count = nodes.low === nodes.high ? `${nodes.low}` : `${nodes.low}–${nodes.high}`;
  if (verdict === "fits") return `one ${figure.component ?? ""} ${per} is enough: ${peak} against ${range} per ${per}`.replace("  ", " ");
  const pers = plural(per, nodes.high);
  if (verdict === "tight" && figure.openEnded) return `${peak} is past the ${range} one ${per} is known for: plan ${count} ${pers}, or ${figure.advice ?? "scale out"}`;
  if (verdict === "tight") return `${peak} is inside one ${per}'s ${range} but past its low end: ${count} ${pers}; measure before relying on one`;
  return `${count} ${pers}' worth (${peak} against ${range} per ${per}): ${figure.advice ?? "scale out"}`;
}
