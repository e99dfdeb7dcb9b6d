/**
 * Aligned columns laid out as renderTable lays them out (compact, borderless), in linear time: batch
 * prints a row per exercise × quantity, tens of thousands for a large bank, where cli-table3 takes minutes.
 * Cells are single-line; colour codes do not count towards widths. Lines carry no trailing spaces.
 *
 * With a `width`, the columns listed in `wrap` (in that order) are wrapped at spaces until the table fits:
 * a word (a number with its unit) is never broken, so a table may stay wider than `width` only when its
 * longest words leave no choice.
 */
export function renderColumns(
  head: string[],
  rows: string[][],
  bold: (text: string) => string,
  layout: { width?: number; wrap?: number[]; style?: (column: number, text: string) => string } = {},
): string {
  const widths = head.map((h, i) => rows.reduce((max, row) => Math.max(max, visibleLength(row[i] ?? "")), visibleLength(h)));
  const gap = 3;
  const total = () => 1 + widths.reduce((a, b) => a + b, 0) + gap * (widths.length - 1);
  if (layout.width) {
    for (const column of layout.wrap ?? []) {
      const excess = total() - layout.width;
      if (excess <= 0) break;
      const longestWord = Math.max(longestWordLength(head[column]), ...rows.map((row) => longestWordLength(row[column] ?? "")));
      widths[column] = Math.max(longestWord, widths[column] - excess);
    }
  }
  const lines: string[] = [];
  // Cells are wrapped as plain text, then styled line by line: a colour never runs into the next column.
  const emit = (cells: string[], style: (column: number, text: string) => string) => {
    const wrapped = cells.map((cell, i) => (visibleLength(cell) > widths[i] ? wrapWords(cell, widths[i]) : [cell]));
    const height = Math.max(...wrapped.map((w) => w.length));
    for (let k = 0; k < height; k++) {
      const line = ` ${wrapped.map((w, i) => pad(w[k] ? style(i, w[k]) : "", widths[i])).join(" ".repeat(gap))}`;
      lines.push(line.trimEnd());
    }
  };
  emit(head, (_, text) => bold(text));
  for (const row of rows) emit(row, layout.style ?? ((_, text) => text));
  return lines.join("\n");
}

/** Words laid into lines of at most `width` characters, breaking only at spaces. */
export function wrapWords(text: string, width: number): string[] {
  const words = text.split(" ").filter((w) => w !== "");
  const out: string[] = [];
  let line = "";
  for (const word of words) {
    if (line && visibleLength(line) + 1 + visibleLength(word) > width) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line || out.length === 0) out.push(line);
  return out;
}

function pad(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - visibleLength(text)));
}

function longestWordLength(text: string): number {
  return text.split(" ").reduce((max, w) => Math.max(max, visibleLength(w)), 0);
}

// eslint-disable-next-line no-control-regex
const ansi = /\x1b\[[0-9;]*m/g;

export function visibleLength(text: string): number {
  return (text.includes("\x1b") ? text.replace(ansi, "") : text).length;
}
