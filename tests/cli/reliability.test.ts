import { spawnSync } from "node:child_process";
import { chmodSync, cpSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { expectUsageError, napkin, napkinBin, root } from "../helpers.js";

/** Every example of issue 14 ("Why"), run through the built CLI: a right value, a clear exit 2, or the file still checked. */

const dir = mkdtempSync(join(tmpdir(), "napkin-reliability-"));
const file = (name: string, content: string) => {
  writeFileSync(join(dir, name), content);
  return join(dir, name);
};
/** A slip after the line under test: reported only if the line stopped nothing. */
const slip = "200K / 3 = 66";
const slipReported = (name: string, line: number) => new RegExp(`${name}:${line}:\\d+: wrong \\[arithmetic\\]: 200K / 3 = 66 `);

describe("one line never stops a file", () => {
  test.each([
    ["a range claim in billions", "5B-10B = 7.5B"],
    ["a range claim in millions", "10m-30m = 20m"],
    ["a range with an em dash", "200—1B = 209K"],
    ["a word that names an Object.prototype property", "latency 5 valueOf = 5"],
    ["a constructor word", "5 constructor = 5"],
    ["a __proto__ word", "5 __proto__ = 5"],
  ])("%s: the next line is still checked", (_, line) => {
    const run = napkin(["check", file("line.md", `${line}\n${slip}\n`)]);
    expect(run.stderr).not.toMatch(/internal error/);
    expect(run.stdout).toMatch(slipReported("line.md", 2));
    expect(run.code).toBe(1);
  });
  const chain = (terms: number) => Array.from({ length: terms }, () => "1").join(" + ");
  test("a 3,600-term chain that is right is judged right, and the file goes on", () => {
    const run = napkin(["check", "--all", file("chain.md", `${chain(3600)} = 3600\n${slip}\n`)]);
    expect(run.stdout).toMatch(/chain\.md:1:\d+: ✓/);
    expect(run.stdout).toMatch(slipReported("chain.md", 2));
  });
  test("a 3,600-term chain that is wrong is reported", () => expect(napkin(["check", file("chain-wrong.md", `${chain(3600)} = 1800\n`)]).stdout).toMatch(/chain-wrong\.md:1:\d+: wrong/));
  test("a line nested past the parser's limit is no claim, and the file goes on", () => {
    const run = napkin(["check", file("deep.md", `${"(".repeat(300)}1${")".repeat(300)} = 1\n${slip}\n`)]);
    expect(run.stdout).toMatch(slipReported("deep.md", 2));
    expect(run.code).toBe(1);
  });
});

describe("calc: a right value or a clear exit 2, never NaN", () => {
  test("`5 toString` is an unknown word", () => expectUsageError(["calc", "5 toString"], /unknown word 'toString'/));
  test("`5 valueOf` is an unknown word", () => expectUsageError(["calc", "5 valueOf"], /unknown word 'valueOf'/));
  // Squares over −5…10: the smallest is 0 (at 0), the largest 100 (at 10).
  test("a square of a range across zero starts at 0", () => expect(napkin(["calc", "(-5-10)^2"]).stdout).toMatch(/^0–100\n/));
  // log base 2–10 of 10–100: smallest log(10)/log(10) = 1, largest log(100)/log(2) = 6.64.
  test("log of a range to a range base", () => expect(napkin(["calc", "log(10-100, 2-10)"]).stdout).toMatch(/^1–6\.6439 /));
  test("a negative power of a range across zero has no value", () => expectUsageError(["calc", "(-1-2)^-1"], /negative power of a range across zero/));
  test("a log to a base range through 1 has no value", () => expectUsageError(["calc", "log(10, 0.5-2)"], /log/));
  test("a 3,600-term chain", () => expect(napkin(["calc", Array.from({ length: 3600 }, () => "1").join(" + ")]).stdout).toMatch(/^3,600 /));
});

describe("batch: one broken preset stops nothing", () => {
  test("an attempt of `5 valueOf` is reported with its file and field; the other exercises are still graded", () => {
    const bank = join(dir, "bank");
    cpSync(join(root, "presets/location"), bank, { recursive: true });
    const gps = join(bank, "gps-pings.json");
    writeFileSync(gps, readFileSync(gps, "utf8").replace('"pingsPerSec": "66"', '"pingsPerSec": "5 valueOf"'));
    const run = napkin(["batch", bank]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split("\n")).toEqual([expect.stringMatching(/gps-pings\.json: attempts\.pingsPerSec: unknown word 'valueOf'/)]);
    expect(run.stdout).toMatch(/driver-location +activeDeliveries/);
    expect(run.stdout).toMatch(/ride-matching +updatesPerSec/);
  });
});

describe("-o: no input, no read-only file, no folder is ever written", () => {
  test("the file behind standard input is refused, and left as it was", () => {
    const notes = file("stdin-notes.md", `${slip}\n`);
    const run = spawnSync("bash", ["-c", `'${process.execPath}' '${napkinBin}' check --annotate - -o '${notes}' < '${notes}'`], { encoding: "utf8" });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/refusing to overwrite the input/);
    expect(readFileSync(notes, "utf8")).toBe(`${slip}\n`);
  });
  test("a read-only file is refused and keeps its mode and content", () => {
    const out = file("readonly-out.md", "keep\n");
    chmodSync(out, 0o444);
    expectUsageError(["check", "--annotate", file("ro-in.md", `${slip}\n`), "-o", out], /cannot write '.*readonly-out\.md': it is read-only/);
    expect(statSync(out).mode & 0o777).toBe(0o444);
    expect(readFileSync(out, "utf8")).toBe("keep\n");
  });
  test("a symbolic link is written through: the link stays, its target gets the copy", () => {
    const target = file("link-target.md", "old\n");
    const link = join(dir, "link.md");
    symlinkSync(target, link);
    expect(napkin(["check", "--annotate", file("link-in.md", `${slip}\n`), "-o", link]).code).toBe(1);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, "utf8")).toMatch(/^200K \/ 3 = 66 <!-- napkin: wrong/);
  });
  test("a folder is refused in one line, and no temporary file is left", () => {
    const out = join(dir, "out");
    mkdirSync(out);
    expectUsageError(["check", "--annotate", file("dir-in.md", `${slip}\n`), "-o", `${out}/`], /cannot write '.*out\/': it is a directory/);
    expect(readdirSync(dir).filter((name) => name.includes(".tmp"))).toEqual([]);
    expect(readdirSync(out)).toEqual([]);
  });
  test("a missing folder is named in one line", () =>
    expectUsageError(["check", "--annotate", file("missing-in.md", `${slip}\n`), "-o", "/missing/x.md"], /^napkin: error: cannot write '\/missing\/x\.md': no such folder '\/missing'$/));
});

describe("several inputs", () => {
  test("`check - -` reads standard input once, and a slip is a slip (exit 1)", () => {
    const run = napkin(["check", "-", "-"], { input: `${slip}\n` });
    expect(run.code).toBe(1);
    expect(run.stdout.trim().split("\n")).toEqual([expect.stringMatching(/^<stdin>:1:\d+: wrong/)]);
  });
  test("a missing file is reported and the next one is still checked (exit 2)", () => {
    const run = napkin(["check", join(dir, "missing.md"), file("present.md", `${slip}\n`)]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/cannot read '.*missing\.md': no such file/);
    expect(run.stdout).toMatch(slipReported("present.md", 1));
    expect(run.stderr).toMatch(/^1 claim checked: 0 ok, 1 wrong/m);
  });
  test("with --json, the findings of the readable file are still in the document", () => {
    const run = napkin(["check", "--json", join(dir, "missing.md"), file("present-json.md", `${slip}\n`)]);
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout).findings).toHaveLength(1);
  });
  test("an annotated copy is not written when an input could not be read", () => {
    const out = join(dir, "partial.md");
    expect(napkin(["check", "--annotate", file("one.md", `${slip}\n`), join(dir, "missing.md"), "-o", out]).code).toBe(2);
    expect(readdirSync(dir).filter((name) => name.includes("partial.md"))).toEqual([]);
  });
});

describe("napkin's own comments are not notes", () => {
  const notes = `intro\n${slip}\n100 * 1800 = 18000 sessions\n2 * 3 = 6\n`;
  test("an annotated copy counts each slip once", () => {
    const copy = file("annotated.md", napkin(["check", "--annotate", file("plain.md", notes)]).stdout);
    expect(readFileSync(copy, "utf8")).toMatch(/<!-- napkin: /);
    expect(napkin(["check", copy]).stderr).toBe(napkin(["check", join(dir, "plain.md")]).stderr);
  });
  test("annotating an annotated copy replaces its comments: the copy of the copy is the copy", () => {
    const once = napkin(["check", "--annotate", file("plain2.md", notes)]).stdout;
    expect(napkin(["check", "--annotate", file("once.md", once)]).stdout).toBe(once);
  });
});

describe("reference files", () => {
  const figure = (value: string, name = "X writes") => ({ id: "x-writes", topics: ["x"], name, component: "X", value, conditions: "one node", load: "writes", source: "test", asOf: "2026-01-01" });
  const reference = (value: string, name?: string) => file("reference.json", JSON.stringify({ figures: [figure(value, name)] }));
  test.each(["0/s", "-5/s", "0-10/s"])("a figure of %s is refused, naming the field", (value) =>
    expectUsageError(["--reference", reference(value), "estimate", "--dau", "1M"], /reference\.json: figures\.0\.value: .* must be above zero/));
  test("escape sequences in a figure's name reach the terminal escaped", () => {
    const run = napkin(["--reference", reference("5K/s", "X \u001b]0;owned\u0007writes \u001b[2J"), "ref", "x"]);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(run.stdout).toMatch(/\\u001b\]0;owned\\u0007/);
  });
});

describe("terminal safety", () => {
  const hostile = `${slip} \u001b[2J\u001b]0;owned\u0007 \r\u202e fake\n`;
  test("control characters in a checked line are shown escaped", () => {
    const run = napkin(["check", file("hostile.md", hostile)]);
    expect(run.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/);
    expect(run.stdout).toMatch(/\\u001b\[2J/);
  });
  test("with colour on, napkin's own colours stay and the input's sequences are escaped", () => {
    const run = napkin(["check", file("hostile-color.md", hostile)], { env: { NO_COLOR: "", FORCE_COLOR: "1" } });
    expect(run.stdout).toMatch(/\u001b\[31mwrong\u001b\[39m/);
    expect(run.stdout).toMatch(/\\u001b\[2J/);
  });
  test("control characters in an error message are escaped", () => expectUsageError(["calc", "5 \u001b[2Jfoo"], /\\u001b/));
  test("--json stays valid JSON with the same text", () => {
    const run = napkin(["check", "--json", "-e", `${slip} \u007f`]);
    expect(JSON.parse(run.stdout).findings[0].text).toMatch(/^200K \/ 3 = 66/);
  });
  test("an annotated copy to a file keeps the input's bytes", () => {
    const out = join(dir, "hostile-copy.md");
    // A carriage return ends a line (old Mac endings): this line has none.
    const line = hostile.replace("\r", "").trimEnd();
    napkin(["check", "--annotate", file("hostile-in.md", `${line}\n`), "-o", out]);
    expect(readFileSync(out, "utf8").startsWith(`${line} <!-- napkin: wrong`)).toBe(true);
  });
});

describe("found by the fuzz suite (tests/fuzz)", () => {
  test("a unit raised to a million (`$^m`) is refused in one line", () => expectUsageError(["calc", "--", "$^m"], /past the 8th power/));
  test("a claim stated as 0 says so, with no infinite factor", () => {
    const run = napkin(["check", "-e", "6m / 1 = 0k"]);
    expect(run.stdout).toMatch(/the stated value is 0/);
    expect(run.stdout).not.toMatch(/Infinity/);
  });
  // −5% to 10%: the % written on the high end applies to both ends, as in 5-10%.
  test("a range from a negative number shares the high end's suffix", () => expect(napkin(["calc", "(-5-10%) * 100"]).stdout).toMatch(/^-5–10\n/));
  test("a ratio of units takes no unit over in a sum", () => expectUsageError(["calc", "(1 min / 1 s) + 1 s"], /cannot add a plain number and seconds/));
});
