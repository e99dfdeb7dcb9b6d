import type { ChalkInstance } from "chalk";
import type TableClass from "cli-table3";
import { renderColumns } from "./columns.js";

// cli-table3 costs ~15 ms to load: the bundler turns this require into a wrapper run on first use, so
// commands that print no table never pay for it.
declare const require: (id: "cli-table3") => typeof TableClass;
let loadedTable: typeof TableClass | undefined;

/** Characters a terminal draws two columns wide (CJK, emoji): only cli-table3 measures them right. */
const wide = /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{1F000}-\u{1FAFF}]/u;

/**
 * A table for the terminal; the only file that touches cli-table3. Plain one-line cells take the fast
 * path (`renderColumns`, the same layout): cli-table3 spends ~30 ms measuring widths with its emoji
 * tables, which alone would break the start-up budget of `napkin ref`.
 */
export function renderTable(head: string[], rows: string[][], color: ChalkInstance): string {
  if (!rows.some((row) => row.some((cell) => wide.test(cell) || cell.includes("\n")))) return renderColumns(head, rows, (h) => color.bold(h));
  loadedTable ??= require("cli-table3");
  const table = new loadedTable({
    head: head.map((h) => color.bold(h)),
    style: { head: [], border: [], compact: true, "padding-left": 1, "padding-right": 1 },
    chars: { top: "", "top-mid": "", "top-left": "", "top-right": "", bottom: "", "bottom-mid": "", "bottom-left": "", "bottom-right": "", left: "", "left-mid": "", mid: "", "mid-mid": "", right: "", "right-mid": "", middle: " " },
    wordWrap: false,
  });
  table.push(...rows);
  return table.toString();
}
