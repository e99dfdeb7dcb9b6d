/**
 * Aligned columns laid out as renderTable lays them out (compact, borderless), in linear time: batch
 * prints a row per exercise × quantity, tens of thousands for a large bank, where cli-table3 takes minutes.
 * Cells are single-line; colour codes do not count towards widths.
 */
export function renderColumns(head: string[], rows: string[][], bold: (text: string) => string): string {
  const width = head.map((h, i) => rows.reduce((max, row) => Math.max(max, visibleLength(row[i] ?? "")), visibleLength(h)));
  const line = (cells: string[]) => ` ${cells.map((cell, i) => cell + " ".repeat(width[i] - visibleLength(cell))).join("   ")} `;
  return [line(head.map((h) => bold(h))), ...rows.map((row) => line(row))].join("\n");
}

// eslint-disable-next-line no-control-regex
const ansi = /\x1b\[[0-9;]*m/g;

function visibleLength(text: string): number {
  return (text.includes("\x1b") ? text.replace(ansi, "") : text).length;
}
