/**
 * Aligned columns laid out as renderTable lays them out (compact, borderless), in linear time: batch
 * prints a row per exercise × quantity, tens of thousands for a large bank, where cli-table3 takes minutes.
 * Cells are single-line; colour codes do not count towards widths. Lines carry no trailing spaces.
 *
 * With a `width`, the columns listed in `wrap` (in that order) are wrapped at spaces until the table fits.
 * A word (a number with its unit) is broken only when nothing else fits: then those columns narrow further,
 * down to `minimum` characters each, and a longer word (a URL) is broken after a `/`, `-`, `.` or `_` where it
 * can be, else where it must. `share` lists columns that first share the room left in proportion to their
 * natural widths (a table of several long columns: conditions and sources), before `wrap` narrows in order.
 */
export function renderColumns(
  head: string[],
  rows: string[][],
  bold: (text: string) => string,
  layout: { width?: number; wrap?: number[]; minimum?: number; share?: number[]; style?: (column: number, text: string) => string } = {},
): string {
  const widths = head.map((h, i) => rows.reduce((max, row) => Math.max(max, visibleLength(row[i] ?? "")), visibleLength(h)));
  const gap = 3;
  const total = () => 1 + widths.reduce((a, b) => a + b, 0) + gap * (widths.length - 1);
  if (layout.width) {
    if (total() > layout.width && layout.share) shareWidth(widths, layout.share, widths.reduce((a, b) => a + b, 0) - (total() - layout.width), layout.minimum ?? 10);
    for (const column of layout.wrap ?? []) {
      const excess = total() - layout.width;
      if (excess <= 0) break;
      const longestWord = Math.max(longestWordLength(head[column]), ...rows.map((row) => longestWordLength(row[column] ?? "")));
      widths[column] = Math.max(longestWord, widths[column] - excess);
    }
    for (const column of layout.wrap ?? []) {
      const excess = total() - layout.width;
      if (excess <= 0) break;
      widths[column] = Math.max(Math.min(widths[column], layout.minimum ?? 10), widths[column] - excess);
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
  for (const whole of words) {
    let word = whole;
    // A word wider than the column (a URL) is broken: its pieces but the last are lines of their own.
    while (visibleLength(word) > width && !word.includes("\x1b")) {
      if (line) out.push(line);
      line = "";
      const at = breakAt(word, width);
      out.push(word.slice(0, at));
      word = word.slice(at);
    }
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

/** Narrows the `share` columns so all columns sum to `room`, each in proportion to its width, none below `minimum`. */
function shareWidth(widths: number[], share: readonly number[], room: number, minimum: number): void {
  const fixed = widths.reduce((sum, w, i) => (share.includes(i) ? sum : sum + w), 0);
  const natural = share.reduce((sum, i) => sum + widths[i], 0);
  const left = room - fixed;
  if (left <= 0 || natural <= left) return;
  for (const i of share) widths[i] = Math.max(Math.min(widths[i], minimum), Math.floor((widths[i] * left) / natural));
}

/** Where to break a word too long for `width`: after the last `/`, `-`, `.` or `_` that fits, else at `width`. */
function breakAt(word: string, width: number): number {
  for (let i = width; i > width / 2; i--) if ("/-._?&=".includes(word[i - 1])) return i;
  return width;
}

function longestWordLength(text: string): number {
  // A scan, not split(): tables of long cells (reference sources) measure every cell once per wrapped column.
  if (text.includes("\x1b")) return text.split(" ").reduce((max, w) => Math.max(max, visibleLength(w)), 0);
  let longest = 0;
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && text.charCodeAt(i) !== 32) continue;
    if (i - start > longest) longest = i - start;
    start = i + 1;
  }
  return longest;
}

// eslint-disable-next-line no-control-regex
const ansi = /\x1b\[[0-9;]*m/g;

export function visibleLength(text: string): number {
  return (text.includes("\x1b") ? text.replace(ansi, "") : text).length;
}
