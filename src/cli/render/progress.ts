import { groupThousands } from "../../core/notation/index.js";

/** A one-line progress bar for stderr: `▕██████░░░░░░▏ 4,000/10,000 presets`. */
export function renderProgress(done: number, total: number, noun: string, width = 30): string {
  const filled = total > 0 ? Math.min(width, Math.round((done / total) * width)) : width;
  return `▕${"█".repeat(filled)}${"░".repeat(width - filled)}▏ ${groupThousands(done)}/${groupThousands(total)} ${noun}`;
}

/** Draws the bar on a terminal, at most every `intervalMs`; does nothing when `stream` is not a TTY or the job is small. */
export function startProgress(stream: NodeJS.WriteStream, total: number, noun: string, { minimum = 50, intervalMs = 80 } = {}) {
  const active = Boolean(stream.isTTY) && total >= minimum;
  let last = 0;
  return {
    tick(done: number): void {
      if (!active) return;
      const now = Date.now();
      if (now - last < intervalMs && done < total) return;
      last = now;
      stream.write(`\r${renderProgress(done, total, noun)}`);
    },
    /** Clears the bar so the table starts on a clean line. */
    finish(): void {
      if (active) stream.write("\r\x1b[2K");
    },
  };
}
