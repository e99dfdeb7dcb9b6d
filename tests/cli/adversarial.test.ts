import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { expectUsageError, napkin, napkinBin, root } from "../helpers.js";

const dir = mkdtempSync(join(tmpdir(), "napkin-adversarial-"));
const file = (name: string, content: string | Buffer) => {
  writeFileSync(join(dir, name), content);
  return join(dir, name);
};
const notes = readFileSync(join(root, "tests/fixtures/study-notes.md"), "utf8");

/** Peak resident memory (MB) and exit code of a napkin run, read by a preload module at exit; its output goes to /dev/null. */
function peakMemory(args: string[]): { megabytes: number; code: number | null } {
  const report = join(dir, `rss-${Math.random()}.txt`);
  const preload = file("rss.mjs", `import fs from "node:fs";\nprocess.on("exit", () => fs.writeFileSync(process.env.RSS_FILE, String(process.resourceUsage().maxRSS)));\n`);
  const run = spawnSync(process.execPath, ["--import", preload, napkinBin, ...args], { env: { ...process.env, RSS_FILE: report, NO_COLOR: "1" }, stdio: "ignore" });
  return { megabytes: Number(readFileSync(report, "utf8")) / 1024, code: run.status };
}

describe("big inputs", () => {
  test("a 1 MB single line is checked, not choked on", () => {
    const run = napkin(["check", file("long-line.md", "200K / 3 = 66 ".repeat(75_000))]);
    expect([0, 1]).toContain(run.code);
  });
  test("a 120 KB expression is refused with one line", () => expectUsageError(["calc", "1+".repeat(60_000) + "1"], /too long/));
  test("a 20 MB notes file streams in bounded memory", () => {
    const big = file("big.md", notes.repeat(Math.ceil((20 << 20) / notes.length)));
    const { megabytes, code } = peakMemory(["check", big]);
    expect(code).toBe(1);
    expect(megabytes).toBeLessThan(150);
  }, 60_000);
  test("--all --json on a million claims streams: memory stays under 200 MB", () => {
    const million = file("million.md", "2 * 3 = 6\n".repeat(1_000_000));
    const { megabytes, code } = peakMemory(["check", "--all", "--json", million]);
    expect(code).toBe(0);
    expect(megabytes).toBeLessThan(200);
  }, 180_000);
});

describe("odd bytes", () => {
  test("a binary file exits 2", () => expectUsageError(["check", file("bin.dat", Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x00, 0x01]))], /binary data/));
  test("NUL bytes on stdin exit 2", () => expectUsageError(["check", "-"], /binary data/, "1 + 1 = 2\u0000\n"));
  test("invalid UTF-8 is read, not crashed on", () => {
    const run = napkin(["check", file("latin1.md", Buffer.concat([Buffer.from("caf"), Buffer.from([0xe9, 0xff]), Buffer.from("\n200K / 3 = 66\n")]))]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/latin1\.md:2:\d+: wrong/);
  });
  test("CRLF and CR-only endings", () => expect(napkin(["check", file("cr.md", "a\r\n200K / 3 = 66\r\n")]).stdout).toMatch(/cr\.md:2:/));
  test("an empty file", () => expect(napkin(["check", file("empty.md", "")]).code).toBe(0));
  test("an empty stdin", () => expect(napkin(["check", "-"], { input: "" }).code).toBe(0));
});

describe("hostile numbers", () => {
  test.each([
    ["10,000 nested parentheses", "(".repeat(10_000) + "1" + ")".repeat(10_000), /nested/],
    ["1e309", "1e309", /too large/],
    ["1/0", "1/0", /division by zero/],
    ["0/0", "0/0", /division by zero/],
    ["10^10^10", "10^10^10", /too large/],
    ["an inverted range", "10K-5K", /inverted range/],
    ["a huge range", "1-1e308 * 10", /too large/],
    ["a range over zero as divisor", "1 / (-1–1)", /division by zero/],
    ["a unit raised to a fraction", "(5 s)^0.5", /whole power/],
  ])("%s exits 2", (_, expression, pattern) => expectUsageError(["calc", "--", expression], pattern));
  test.each([
    ["negative DAU", ["--dau", "-5"], /--dau: must be above zero/],
    ["zero DAU", ["--dau", "0"], /--dau: must be above zero/],
    ["zero interval", ["--concurrent", "5", "--interval", "0s"], /--interval: must be above zero/],
    ["negative payload", ["--qps", "5", "--payload", "-5B"], /--payload: must be above zero/],
    ["an interval range through zero", ["--concurrent", "5", "--interval", "-1–1s"], /--interval: must be above zero/],
    ["an expression in a flag", ["--dau", "import(1)"], /--dau: 'import' is not allowed/],
  ])("estimate with %s exits 2", (_, flags, pattern) => expectUsageError(["estimate", ...flags], pattern));
});

describe("nothing lost: --annotate -o", () => {
  test("a killed run leaves neither a partial output nor its temporary file", async () => {
    const big = file("kill.md", notes.repeat(200));
    const out = join(dir, "killed.md");
    const child = spawn(process.execPath, [napkinBin, "check", "--annotate", big, "-o", out], { stdio: "ignore" });
    await new Promise((resolve) => setTimeout(resolve, 400));
    child.kill("SIGTERM");
    await new Promise((resolve) => child.on("exit", resolve));
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).filter((name) => name.includes("killed.md"))).toEqual([]);
  });
  test("a run killed while waiting on a FIFO exits 143 and writes nothing", async () => {
    const fifo = join(dir, "notes.fifo");
    expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
    const out = join(dir, "fifo-out.md");
    const child = spawn(process.execPath, [napkinBin, "check", "--annotate", fifo, "-o", out], { stdio: "ignore" });
    const exited = new Promise((resolve) => child.on("exit", resolve));
    // The writer sends one line and keeps the FIFO open, so napkin is still waiting for more when killed.
    const writer = spawn("bash", ["-c", `exec 3>'${fifo}'; echo '200K / 3 = 66' >&3; sleep 30`], { stdio: "ignore" });
    // Killed once the line is in napkin's temporary copy: napkin has started, and is waiting for the next line
    // (a fixed wait was too short for a loaded machine, where the kill came before napkin had started).
    const copied = () => readdirSync(dir).some((name) => name.includes("fifo-out.md") && readFileSync(join(dir, name), "utf8").includes("200K / 3"));
    for (let waited = 0; !copied() && waited < 20_000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(copied()).toBe(true);
    child.kill("SIGTERM");
    // Then the writer goes, as Ctrl-C ends a whole pipeline: Node's exit waits for a read in progress to return.
    await new Promise((resolve) => setTimeout(resolve, 300));
    writer.kill("SIGKILL");
    expect(await exited).toBe(143);
    expect(readdirSync(dir).filter((name) => name.includes("fifo-out.md"))).toEqual([]);
  }, 30_000);
  test("an existing output is replaced whole, only at the end", () => {
    const out = file("existing.md", "old content\n");
    napkin(["check", "--annotate", file("small.md", "200K / 3 = 66\n"), "-o", out]);
    expect(readFileSync(out, "utf8")).toMatch(/^200K \/ 3 = 66 <!-- napkin: wrong/);
  });
  test("an input reached through another path is still refused", () => {
    const input = file("same.md", "1 + 1 = 2\n");
    expectUsageError(["check", "--annotate", input, "-o", join(dir, ".", "same.md")], /refusing to overwrite the input/);
    expect(readFileSync(input, "utf8")).toBe("1 + 1 = 2\n");
  });
  test("check never writes without -o", () => {
    const input = file("readonly.md", "200K / 3 = 66\n");
    napkin(["check", "--annotate", input]);
    expect(readFileSync(input, "utf8")).toBe("200K / 3 = 66\n");
  });
});

describe("output that cannot be written", () => {
  test("`napkin check … | head -1`: the rest is dropped, stderr has just the summary, and the exit code is still check's (1)", () => {
    // Enough findings to overflow the pipe (64 KB) long after head has gone.
    const lines = 5_000;
    const many = file("many-wrong.md", "200K / 3 = 66\n".repeat(lines));
    const script = `'${process.execPath}' '${napkinBin}' check '${many}' 2>'${join(dir, "epipe.err")}' | head -1; echo "status=\${PIPESTATUS[0]}"`;
    const run = spawnSync("bash", ["-c", script], { encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
    expect(run.stdout).toMatch(/^\S+many-wrong\.md:1:\d+: wrong \[arithmetic\]: 200K \/ 3 = 66 .*\nstatus=1\n$/);
    expect(readFileSync(join(dir, "epipe.err"), "utf8")).toBe(`${lines} claims checked: 0 ok, ${lines} wrong, 0 propagated, 0 reference mismatches\n`);
  });
  const shell = (script: string) => spawnSync("bash", ["-c", script], { encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  test.skipIf(!existsSync("/dev/full"))("a full disk on stdout is one line on stderr and exit 2", () => {
    const run = shell(`'${process.execPath}' '${napkinBin}' calc '1 + 1' > /dev/full`);
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split("\n")).toEqual([expect.stringMatching(/^napkin: error: cannot write to standard output: ENOSPC/)]);
  });
  test.skipIf(!existsSync("/dev/full"))("bad input with nowhere to report it still exits 2", () =>
    expect(shell(`'${process.execPath}' '${napkinBin}' calc '5 secnds' 2> /dev/full`).status).toBe(2));
});
