import type { ChalkInstance } from "chalk";
import type { Figure, ReferenceTable } from "../../core/reference.js";
import { renderColumns } from "./columns.js";

/**
 * The reference figures and rules as tables, each row with its source: throughput and capacity, costs, then
 * latency and the other figures, then the rules. With a `width` (the terminal's, or COLUMNS), conditions,
 * sources and names wrap inside their cells so no line is wider; without one (`ref --wide`) a row is a line.
 */
export function renderReference(table: ReferenceTable, color: ChalkInstance, width?: number): string {
  const cost = table.figures.filter(isCost);
  const capacity = table.figures.filter((f) => !isCost(f) && (f.load || f.topics.includes("throughput") || f.topics.includes("capacity")));
  const others = table.figures.filter((f) => !cost.includes(f) && !capacity.includes(f));
  const sections: string[] = [];
  const bold = (text: string) => color.bold(text);
  // Cells are plain text, styled after wrapping (a colour never runs into the next column): the value cyan, the source dim.
  const styled = (valueColumn: number, sourceColumn: number) => (column: number, text: string) => (column === valueColumn ? color.cyan(text) : column === sourceColumn ? color.dim(text) : text);
  const layout = (wrap: number[], share: number[], valueColumn: number, sourceColumn: number) => ({ width, wrap, share, style: styled(valueColumn, sourceColumn) });
  if (capacity.length) {
    const rows = capacity.map((f) => [f.name, valueOf(f), f.per ?? "", f.conditions, sourceOf(f)]);
    sections.push(color.bold("Throughput and capacity"), renderColumns(["figure", "value", "per", "conditions", "source"], rows, bold, layout([4, 3, 0, 2, 1], [3, 4], 1, 4)));
  }
  if (cost.length) {
    const rows = cost.map((f) => [f.name, f.value, f.per ?? "", f.conditions, sourceOf(f)]);
    sections.push(color.bold("Costs"), renderColumns(["figure", "price", "per", "conditions", "source"], rows, bold, layout([4, 3, 0, 2, 1], [3, 4], 1, 4)));
  }
  if (others.length) {
    const rows = others.map((f) => [f.name, f.value, f.conditions, sourceOf(f)]);
    sections.push(color.bold("Latency and other figures"), renderColumns(["figure", "value", "conditions", "source"], rows, bold, layout([3, 2, 0], [0, 2, 3], 1, 3)));
  }
  if (table.rules.length) {
    const rows = table.rules.map((r) => [r.name, `${r.expression} = ${r.equals}`, r.note ?? "", sourceOf(r)]);
    sections.push(color.bold("Rules of thumb and conversions"), renderColumns(["rule", "", "note", "source"], rows, bold, layout([3, 2, 1, 0], [0, 2, 3], 1, 3)));
  }
  return sections.join("\n");
}

/** A cost figure: a price (money per byte, per month, per request). */
export const isCost = (figure: Figure) => figure.topics.includes("cost");

const valueOf = (figure: Figure) => figure.value + (figure.openEnded ? "+" : "");

/** Where a figure or rule comes from, and as of when. */
function sourceOf(entry: { source: string; asOf: string }): string {
  return `${entry.source} (as of ${entry.asOf})`;
}
