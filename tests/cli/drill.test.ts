import { describe, expect, test } from "vitest";
import { expectUsageError, napkin } from "../helpers.js";

/** Runs `napkin drill` with answers piped on stdin, one per line. */
const drill = (args: string[], ...answers: string[]) => napkin(["drill", ...args], { input: answers.map((a) => `${a}\n`).join("") });

/** A napkin number as the prompt prints it (`800K`, `1.5M`, `250`), read by the test itself. */
const number = (text: string) => Number(text.replace(/[KMB]$/, "")) * ({ K: 1e3, M: 1e6, B: 1e9 }[text.slice(-1)] ?? 1);

describe("drill from piped input", () => {
  const run = drill(["gps-pings", "--seed", "1"], "66", "6.7 MB/s");
  test("shows the prompt", () => expect(run.stdout).toMatch(/\[1\/1\] GPS pings[\s\S]*200K concurrent drivers/));
  test("asks each quantity, echoing the piped answer", () => expect(run.stdout).toMatch(/pingsPerSec \(per second\)\? 66\n/));
  test("grades at once: 66 is a dropped K", () => expect(run.stdout).toMatch(/✗ wrong: right is 66\.7K\/s: off by 1000×: a dropped K\?/));
  test("and shows the worked step", () => expect(run.stdout).toMatch(/pingsPerSec: 200K ÷ 3s = 66,667 \/s/));
  test("a right answer", () => expect(run.stdout).toMatch(/bandwidth \(bytes per second\)\? 6\.7 MB\/s\n\s+✓ right/));
  test("ends with the score and time", () => expect(run.stdout).toMatch(/Score: 1\/2 right in \d+(\.\d)? s/));
  test("and how to repeat it", () => expect(run.stdout).toMatch(/seed 1: napkin drill gps-pings .*--seed 1/));
  test("exits 1 when an answer was wrong", () => expect(run.code).toBe(1));
  test("exits 0 when every answer is right", () => expect(drill(["gps-pings"], "66.7K/s", "53 Mbps").code).toBe(0));
  test("an unreadable answer is asked again", () => {
    const retry = drill(["gps-pings"], "66 bananas", "67K", "6.67MB/s");
    expect([retry.code, /cannot read that: pingsPerSec: unknown word 'bananas'/.test(retry.stdout)]).toEqual([0, true]);
  });
  test("an empty line skips", () => expect(drill(["gps-pings"], "", "6.67 MB/s").stdout).toMatch(/– skipped: right is 66\.7K\/s[\s\S]*Score: 1\/2/));
  test("the end of input ends the drill with a summary", () => expect(drill(["gps-pings"], "66.7K").stdout).toMatch(/Score: 1\/2 right .*ended early/));
  test("questions left unanswered count as skipped", () => expect(drill(["gps-pings"], "66.7K").code).toBe(1));
  test("capacity questions take fits, tight or exceeds", () => expect(drill(["--tag", "spike"], "400", "fits", "fits", "exceeds").stdout).toMatch(/✗ wrong: right is fits[\s\S]*Score: 3\/4/));
});

describe("drill choice and --randomize", () => {
  const headers = (stdout: string) => stdout.match(/^\[\d\/\d\] .*$/gm);
  test("--seed makes the choice reproducible", () => expect(headers(drill(["--count", "3", "--seed", "42"]).stdout)).toEqual(headers(drill(["--count", "3", "--seed", "42"]).stdout)));
  test("--count picks that many (the first is shown before input ends)", () => expect(drill(["--count", "2", "--seed", "3"], "", "", "", "", "", "", "", "", "", "", "", "").stdout).toMatch(/\[2\/2\]/));
  test("--tag picks from the tag", () => expect(drill(["--tag", "littles-law"]).stdout).toMatch(/\[1\/1\] Driver location tracking/));

  // Read the randomized numbers from the prompt, work the answer out here, and answer it.
  const prompt = drill(["gps-pings", "--randomize", "--seed", "7"]).stdout.replace(/\s+/g, " ");
  const [, drivers, interval, payload] = /([\d.]+[KMB]?) concurrent drivers, each sends a GPS ping every (\d+)s\. Pings\/sec\? Each ping = (\d+) bytes/.exec(prompt) ?? [];
  test("--randomize changes the numbers", () => expect([drivers, payload]).not.toEqual(["200K", "100"]));
  test("--randomize keeps them napkin-friendly", () => expect(number(drivers) / 10 ** Math.floor(Math.log10(number(drivers)))).toSatisfy((m: number) => [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8].includes(m)));
  test("the randomized answer is graded against the randomized numbers", () => {
    const pings = number(drivers) / Number(interval);
    const answered = drill(["gps-pings", "--randomize", "--seed", "7"], `${pings}/s`, `${pings * Number(payload)} B/s`);
    expect([answered.code, answered.stdout.match(/Score: .*? right/)?.[0]]).toEqual([0, "Score: 2/2 right"]);
  });
});

describe("drill usage errors", () => {
  test("--count 0", () => expectUsageError(["drill", "--count", "0"], /--count expects a whole number of at least 1/));
  test("--seed abc", () => expectUsageError(["drill", "--seed", "abc"], /--seed expects a whole number/));
  test("an unknown tag", () => expectUsageError(["drill", "--tag", "nope"], /no exercise is tagged 'nope'/));
  test("an unknown id", () => expectUsageError(["drill", "gps-pingz"], /no exercise 'gps-pingz' \(did you mean 'gps-pings'\?/));
});
