import type { ChalkInstance } from "chalk";
import type TableClass from "cli-table3";

// cli-table3 costs ~40 ms to load: the bundler turns this require into a wrapper run on first use, so
// commands that print no table never pay for it.
declare const require: (id: "cli-table3") => typeof TableClass;
let loadedTable: typeof TableClass | undefined;

/** A table for the terminal; the only file that touches cli-table3. */
export function renderTable(head: string[], rows: string[][], color: ChalkInstance): string {
  loadedTable ??= require("cli-table3");
  const table = new loadedTable({
    head: head.map((h) => color.bold(h)),
    style: { head: [], border: [], compact: true, "padding-left": 1, "padding-right": 1 },
    chars: { top: "", "top-mid": "", "top-left": "", "top-right": "", bottom: "", "bottom-mid": "", "bottom-left": "", "bottom-right": "", left: "", "left-mid": "", mid: "", "mid-mid": "", right: "", "right-mid": "", middle: " " },
    wordWrap: true,
  });
  table.push(...rows);
  return table.toString();
}
