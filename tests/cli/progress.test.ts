import { describe, expect, test } from "vitest";
import { renderProgress, startProgress } from "../../src/cli/render/progress.js";

/** A stand-in for process.stderr that records what is written. */
const fakeStream = (isTTY: boolean) => {
  const writes: string[] = [];
  return { writes, stream: { isTTY, write: (text: string) => writes.push(text) } as unknown as NodeJS.WriteStream };
};

describe("the batch progress bar", () => {
  test("empty at the start", () => expect(renderProgress(0, 10_000, "exercises", 10)).toBe("▕░░░░░░░░░░▏ 0/10,000 exercises"));
  test("half way", () => expect(renderProgress(5_000, 10_000, "exercises", 10)).toBe("▕█████░░░░░▏ 5,000/10,000 exercises"));
  test("full at the end", () => expect(renderProgress(10_000, 10_000, "exercises", 10)).toBe("▕██████████▏ 10,000/10,000 exercises"));
  test("drawn on a terminal when there are many files, then cleared", () => {
    const { writes, stream } = fakeStream(true);
    const progress = startProgress(stream, 100, "exercises", { intervalMs: 0 });
    progress.tick(50);
    progress.finish();
    expect(writes).toEqual([`\r${renderProgress(50, 100, "exercises")}`, "\r\x1b[2K"]);
  });
  test("silent when stderr is not a terminal", () => {
    const { writes, stream } = fakeStream(false);
    const progress = startProgress(stream, 10_000, "exercises");
    progress.tick(1);
    progress.finish();
    expect(writes).toEqual([]);
  });
  test("silent for a few files", () => {
    const { writes, stream } = fakeStream(true);
    startProgress(stream, 10, "exercises").tick(10);
    expect(writes).toEqual([]);
  });
});
