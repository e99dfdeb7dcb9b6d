import { closeSync, openSync, readSync } from "node:fs";

// 16 KB, not more: a batch's lines keep its whole text alive while they are checked, and on a cold start
// every live kilobyte is copied by the collector (64 KB batches cost the study notes ~60 more page faults).
export const chunkBytes = 16 * 1024;
const lineEnd = /\r\n|\n|\r/;

/**
 * A regular file's lines, in batches: the complete lines of each read of `readBytes` (16 KB), so a big
 * file is never held whole and a line costs no promise of its own. Lines end as readline ends them (`\n`,
 * `\r\n` or a lone `\r`, and no empty line after the last end); bytes that are not UTF-8 become U+FFFD.
 * Plain synchronous reads (Node's streams cost milliseconds to load), with a turn of the event loop between
 * batches so a signal (Ctrl-C, a kill) is handled while a big file is being read.
 */
export async function* fileLines(file: string, readBytes = chunkBytes): AsyncGenerator<string[]> {
  const fd = openSync(file, "r");
  try {
    // A byte order mark stays, as readline keeps it: an annotated copy keeps its first bytes.
    const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
    const buffer = Buffer.allocUnsafe(readBytes);
    let pending = "";
    // The last chunk ended in `\r`: a `\n` that starts this one is part of the same line end.
    let afterCR = false;
    for (let bytes = readSync(fd, buffer); bytes > 0; bytes = readSync(fd, buffer)) {
      let text = decoder.decode(buffer.subarray(0, bytes), { stream: true });
      // Nothing decoded yet (part of a character): nothing changes.
      if (text === "") continue;
      if (afterCR && text.startsWith("\n")) text = text.slice(1);
      afterCR = text.endsWith("\r");
      if (text === "") continue;
      // No line end in this chunk: the line goes on (joined without splitting, so a long line stays linear).
      if (!lineEnd.test(text)) {
        pending += text;
        continue;
      }
      // The chunk is split as it is, not joined to the line before it first: no copy of 16 KB per chunk.
      const lines = text.split(lineEnd);
      lines[0] = pending + lines[0];
      pending = lines.pop()!;
      yield lines;
      await new Promise((resolve) => setImmediate(resolve));
    }
    // What is left in the decoder is an unfinished character (U+FFFD), never a line end.
    const last = (pending + decoder.decode()).split(lineEnd);
    if (last.at(-1) === "") last.pop();
    if (last.length > 0) yield last;
  } finally {
    closeSync(fd);
  }
}

/** A stream's lines (stdin, a FIFO, a device), each as it arrives; readline loads only here. */
export async function* streamLines(input: NodeJS.ReadableStream): AsyncGenerator<string[]> {
  const { createInterface } = await import("node:readline");
  for await (const line of createInterface({ input, crlfDelay: Infinity })) yield [line];
}

/** Whether a regular file's bytes contain `needle` (ASCII), read 64 KB at a time without decoding. */
export function fileContains(file: string, needle: string): boolean {
  const fd = openSync(file, "r");
  try {
    const buffer = Buffer.allocUnsafe(64 * 1024);
    // Each read keeps the tail of the one before: a needle across two reads is still found.
    const keep = needle.length - 1;
    let kept = 0;
    for (let bytes = readSync(fd, buffer, kept, buffer.length - kept, null); bytes > 0; bytes = readSync(fd, buffer, kept, buffer.length - kept, null)) {
      const end = kept + bytes;
      if (buffer.subarray(0, end).includes(needle, 0, "latin1")) return true;
      kept = Math.min(keep, end);
      buffer.copyWithin(0, end - kept, end);
    }
    return false;
  } finally {
    closeSync(fd);
  }
}
