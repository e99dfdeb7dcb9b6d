import Table from "cli-table3";
import type { ChalkInstance } from "chalk";

/** A table for the terminal; the only file that touches cli-table3. */
export function renderTable(head: string[], rows: string[][], color: ChalkInstance): string {
  const table = new Table({
    head: head.map((h) => color.bold(h)),
    style: { head: [], border: [], compact: true, "padding-left": 1, "padding-right": 1 },
    chars: { top: "", "top-mid": "", "top-left": "", "top-right": "", bottom: "", "bottom-mid": "", "bottom-left": "", "bottom-right": "", left: "", "left-mid": "", mid: "", "mid-mid": "", right: "", "right-mid": "", middle: " " },
    wordWrap: true,
  });
  table.push(...rows);
  return table.toString();
}
