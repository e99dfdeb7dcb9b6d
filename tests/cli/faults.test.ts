import { Readable } from "node:stream";
import { Chalk } from "chalk";
import { afterEach, describe, expect, test, vi } from "vitest";
import { NotesChecker } from "../../src/core/check/checker.js";
import type { Io } from "../../src/cli/command.js";
import { commands } from "../../src/cli/commands/index.js";
import { main } from "../../src/cli/main.js";
import { root } from "../helpers.js";

/**
 * A bug napkin did not foresee, planted in one line or one exercise: it is reported where it happened, everything
 * else is still checked, and the run ends with exit 2. Runs napkin in this process, with its standard streams
 * recorded, so the fault can be planted.
 */

const planted = vi.hoisted(() => ({ exercise: "" }));
vi.mock("../../src/core/grade.js", async (original) => {
  const grade = await original<typeof import("../../src/core/grade.js")>();
  return {
    ...grade,
    gradeAttempts: (...args: Parameters<typeof grade.gradeAttempts>) => {
      if (args[0].id === planted.exercise) throw new TypeError("Cannot read properties of undefined (reading 'low')");
      return grade.gradeAttempts(...args);
    },
  };
});

async function runNapkin(args: string[], stdin = ""): Promise<{ code: number; stdout: string; stderr: string }> {
  const streams = { stdout: [] as string[], stderr: [] as string[] };
  const io: Io = {
    output: { color: new Chalk({ level: 0 }), out: (t) => streams.stdout.push(t), err: (t) => streams.stderr.push(t), copy: (t) => streams.stdout.push(t), width: () => 80 },
    stdin: () => Readable.from([stdin]),
  };
  const limit = Error.stackTraceLimit;
  const code = await main(["node", "napkin", ...args], commands, io);
  Error.stackTraceLimit = limit;
  return { code, stdout: streams.stdout.join("\n"), stderr: streams.stderr.join("\n") };
}

afterEach(() => {
  vi.restoreAllMocks();
  planted.exercise = "";
});

describe("a bug in one line", () => {
  const plantInLine = (marker: string) => {
    const checkLine = NotesChecker.prototype.checkLine;
    vi.spyOn(NotesChecker.prototype, "checkLine").mockImplementation(function (this: NotesChecker, text, line, functions) {
      if (text.includes(marker)) throw new RangeError("Maximum call stack size exceeded");
      return checkLine.call(this, text, line, functions);
    });
  };
  test("is reported with file:line, and the lines after it are still checked (exit 2)", async () => {
    plantInLine("BOOM");
    const run = await runNapkin(["check", "-"], "1 + 1 = 2\nBOOM = 5\n200K / 3 = 66\n");
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^napkin: internal error: <stdin>:2: Maximum call stack size exceeded \(this is a bug; the rest of the file is still checked\)$/m);
    expect(run.stdout).toMatch(/^<stdin>:3:\d+: wrong \[arithmetic\]: 200K \/ 3 = 66/m);
  });
  test("leaves --json a whole document with the other findings", async () => {
    plantInLine("BOOM");
    const run = await runNapkin(["check", "--json", "-"], "BOOM\n200K / 3 = 66\n");
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout).findings).toMatchObject([{ line: 2, verdict: "wrong" }]);
  });
});

describe("a bug in one exercise", () => {
  test("is reported with its file, and the other exercises are still graded (exit 2)", async () => {
    planted.exercise = "gps-pings";
    const run = await runNapkin(["batch", `${root}presets/location`]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/gps-pings\.json: internal error: Cannot read properties of undefined \(reading 'low'\) \(this is a bug; the other exercises still ran\)/);
    expect(run.stdout).toMatch(/driver-location +activeDeliveries/);
    expect(run.stdout).toMatch(/ride-matching +updatesPerSec/);
  });
});
