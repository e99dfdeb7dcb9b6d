import fc from "fast-check";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { Readable } from "node:stream";
import { describe, expect, test } from "vitest";
import { chunkBytes, fileLines } from "../../src/cli/lines.js";

const dir = mkdtempSync(join(tmpdir(), "napkin-lines-"));
let files = 0;
/** The lines fileLines reads from a file holding `content`. */
async function linesOf(content: string | Buffer, readBytes?: number): Promise<string[]> {
  const file = join(dir, `${files++}.md`);
  writeFileSync(file, content);
  const lines: string[] = [];
  for await (const batch of fileLines(file, readBytes)) lines.push(...batch);
  return lines;
}

/** fileLines reads a chunk at a time: this pads text so the next character starts a new chunk. */
const chunk = chunkBytes;
const fill = (bytes: number) => "x".repeat(bytes);

describe("line ends, as readline splits them", () => {
  test.each([
    ["an empty file", "", []],
    ["no final newline", "a\nb", ["a", "b"]],
    ["a final newline adds no empty line", "a\nb\n", ["a", "b"]],
    ["blank lines are kept", "a\n\nb\n", ["a", "", "b"]],
    ["CRLF", "a\r\nb\r\n", ["a", "b"]],
    ["a lone CR", "a\rb\r", ["a", "b"]],
    ["mixed", "a\r\nb\nc\rd", ["a", "b", "c", "d"]],
  ])("%s", async (_, content, expected) => expect(await linesOf(content)).toEqual(expected));
});

describe("chunk boundaries", () => {
  test("CRLF split across two chunks is one line end", async () => expect(await linesOf(`${fill(chunk - 1)}\r\nnext\n`)).toEqual([fill(chunk - 1), "next"]));
  test("a CR at a chunk's end, then text", async () => expect(await linesOf(`${fill(chunk - 1)}\rnext`)).toEqual([fill(chunk - 1), "next"]));
  test("a multi-byte character split across two chunks", async () => expect(await linesOf(`${fill(chunk - 1)}≈ 66K\n`)).toEqual([`${fill(chunk - 1)}≈ 66K`]));
  test("a line longer than many chunks", async () => expect(await linesOf(`${fill(5 * chunk + 7)}\nend`)).toEqual([fill(5 * chunk + 7), "end"]));
});

test("a byte order mark is kept, as readline keeps it", async () => expect(await linesOf("\ufeff# notes\n")).toEqual(["\ufeff# notes"]));
test("bytes that are not UTF-8 become U+FFFD", async () => expect(await linesOf(Buffer.from([0x61, 0xff, 0x62, 0x0a]))).toEqual(["a\ufffdb"]));

/** The lines Node's readline gives for the same content (napkin reads stdin with it). */
async function readlineLinesOf(content: string): Promise<string[]> {
  const lines: string[] = [];
  for await (const line of createInterface({ input: Readable.from([Buffer.from(content)]), crlfDelay: Infinity })) lines.push(line);
  return lines;
}

test("any mix of line ends, across chunk boundaries, is split as readline splits it", async () => {
  // Texts of about two chunks, of runs of `x`, `é` (two bytes), `\r` and `\n`, so ends and characters fall on the boundaries.
  const piece = fc.oneof(fc.constantFrom("\r", "\n", "\r\n", "é"), fc.integer({ min: 1, max: chunk }).map(fill));
  await fc.assert(fc.asyncProperty(fc.array(piece, { maxLength: 12 }), async (pieces) => {
    const content = pieces.join("");
    expect(await linesOf(content)).toEqual(await readlineLinesOf(content));
  }), { numRuns: 200, seed: 20_261_125 });
});

test("reads of a few bytes (as a short read returns) split lines as readline does", async () => {
  const text = fc.array(fc.constantFrom("\r", "\n", "\r\n", "é", "≈", "a", "bc"), { maxLength: 30 }).map((pieces) => pieces.join(""));
  await fc.assert(fc.asyncProperty(text, fc.integer({ min: 1, max: 5 }), async (content, readBytes) => {
    expect(await linesOf(content, readBytes)).toEqual(await readlineLinesOf(content));
  }), { numRuns: 300, seed: 20_261_125 });
});
