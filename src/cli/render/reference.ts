import type { ChalkInstance } from "chalk";
import type { ReferenceTable } from "../../core/reference.js";
import { renderTable } from "./table.js";

/** The reference figures and rules as tables, each row with its source. */
export function renderReference(table: ReferenceTable, color: ChalkInstance): string {
  const capacity = table.figures.filter((f) => f.load || f.topics.includes("throughput"));
  const others = table.figures.filter((f) => !capacity.includes(f));
  const sections: string[] = [];
  if (capacity.length) {
    sections.push(color.bold("Throughput"), renderTable(["figure", "value", "per", "conditions", "source"], capacity.map((f) => [f.name, color.cyan(f.value + (f.openEnded ? "+" : "")), f.per ?? "", f.conditions, sourceOf(f, color)]), color));
  }
  if (others.length) {
    sections.push(color.bold("Latency and other figures"), renderTable(["figure", "value", "conditions", "source"], others.map((f) => [f.name, color.cyan(f.value), f.conditions, sourceOf(f, color)]), color));
  }
  if (table.rules.length) {
    sections.push(color.bold("Rules of thumb and conversions"), renderTable(["rule", "", "note", "source"], table.rules.map((r) => [r.name, color.cyan(`${r.expression} = ${r.equals}`), r.note ?? "", sourceOf(r, color)]), color));
  }
  return sections.join("\n");
}

/** Where a figure or rule comes from, and as of when. */
function sourceOf(entry: { source: string; asOf: string }, color: ChalkInstance): string {
  return color.dim(`${entry.source} (as of ${entry.asOf})`);
}
