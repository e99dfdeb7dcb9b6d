import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, test } from "vitest";
import { napkin, root } from "../helpers.js";

// Whole outputs, one file each under tests/golden/<kind>/, colour off and paths made relative. A change to any
// output is a diff here: review it, then `UPDATE_GOLDEN=1 npx vitest run tests/cli/golden.test.ts` to accept it.

const update = process.env.UPDATE_GOLDEN === "1";

function expectGolden(kind: string, name: string, args: string[], input?: string): void {
  const run = napkin(args, { input });
  const text = `$ napkin ${args.map((a) => (/[\s"'*|$]/.test(a) ? JSON.stringify(a) : a)).join(" ")}\n${run.stdout}${run.stderr ? `--- stderr\n${run.stderr}` : ""}--- exit ${run.code}\n`.replaceAll(root, "");
  const file = join(root, "tests/golden", kind, `${name}.txt`);
  if (update || !existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  expect(text).toBe(readFileSync(file, "utf8"));
}

const notes = "tests/fixtures/study-notes.md";

describe("check", () => {
  test("the study notes", () => expectGolden("check", "study-notes", ["check", notes]));
  test("the study notes, as JSON", () => expectGolden("check", "study-notes-json", ["check", "--json", notes]));
  test("claims with their readings", () =>
    expectGolden("check", "claims-all", [
      "check", "--all",
      "-e", "30m active order * 60 = 1800sec",
      "-e", "50 MB/s * 86,400 = 4.3 TB/day",
      "-e", "30M orders/day / 100K = 300 QPS",
      "-e", "- Reads - 3B reads a day - 3B / (24 * 60 * 60) = 35K QPS",
      "-e", "2 milhões / 86.400 ≈ 23/s",
      "-e", "(6,7 MB/s) * 2 = 13.4 MB/s",
      "-e", "4 TB * $0.023/GB = $92",
      "-e", "40M * 2 KB = 80 GB/day",
    ]));
  test("slips and their causes", () =>
    expectGolden("check", "slips", [
      "check",
      "-e", "200k / 3 = 66pings/sec",
      "-e", "100 * 1800 = 18000 sessions",
      "-e", "1 Gbps = 1 GB/s",
      "-e", "2M / (24 * 3600) = 555/s",
      "-e", "1M orders/day = 7M orders/month",
      "-e", "10B / 24 * 60 * 60 = 1.1 * 100,000",
      "-e", "20 * 7 = 20",
      "-e", "1 TB / 100 MB/s = 10 s",
    ]));
  test("propagation in a worked answer", () =>
    expectGolden("check", "propagation", ["check", "-"], "# GPS\n200k / 3 = 66pings/sec\n66 * 100 = 6k/sec bandwidth\n\n# Sessions\n100 * 1800 = 18000 sessions\nwrite qps = 18000 * 0.5 = 90000\n"));
  test("an annotated copy", () => expectGolden("check", "annotate", ["check", "--annotate", "-"], "# answer\n200k / 3 = 66pings/sec\n6m / 100k = 60qps\n"));
});

// A folder of notes with a config file, an ignored draft, suppressions, names, a capacity over-claim (tests/fixtures/linter/).
const linted = "tests/fixtures/linter";

describe("check as a linter", () => {
  test("a folder, as text", () => expectGolden("lint", "folder-text", ["check", linted]));
  test("a folder, with --all (right and suppressed findings too)", () => expectGolden("lint", "folder-all", ["check", "--all", linted]));
  test("a glob, as GitHub workflow commands", () => expectGolden("lint", "glob-github", ["check", "--format", "github", `${linted}/**/*.md`]));
  test("a folder, as SARIF", () => expectGolden("lint", "folder-sarif", ["check", "--format", "sarif", linted]));
  test("the settings a file gets", () => expectGolden("lint", "print-config", ["check", "--print-config", `${linted}/answer.md`]));
});

describe("calc", () => {
  test.each([
    ["division", "200K / 3"],
    ["bandwidth", "200K / 3s * 100 bytes"],
    ["billion-or-bytes", "1B * 1KB in TB"],
    ["bytes-by-context", "100B in KB"],
    ["minutes-by-context", "30m + 2h"],
    ["range", "5-10K * 3"],
    ["grouping", "3 GiB / 12 GiB/s in ms"],
    ["per-month", "20B/month / 2.5M s/month"],
    ["money", "4 TB * $0.023/GB"],
    ["portuguese", "86.400 * 2"],
    ["bare-86400", "10M msgs/day / 86400"],
  ])("%s", (name, expression) => expectGolden("calc", name, ["calc", expression]));
  test("as JSON", () => expectGolden("calc", "json", ["calc", "--json", "100B in KB"]));
});

describe("estimate", () => {
  test("the design card", () => expectGolden("estimate", "design-card", ["estimate", "--dau", "10M", "--online", "30min", "--interval", "30s", "--payload", "200B", "--peak", "3x"]));
  test("every question at once, narrow", () =>
    expectGolden("estimate", "narrow", ["estimate", "--users", "20M", "--dau-ratio", "5%", "--per-user", "10", "--payload", "300B + 10% × 1MB", "--retention", "5y", "--replication", "3", "--reads-per-write", "10", "--cache", "20%", "--fanout", "50", "--server-qps", "1000", "--headroom", "70%"]));
  test("as markdown", () => expectGolden("estimate", "markdown", ["estimate", "--qps", "1B/day", "--window", "6.5h", "--peak", "5x", "--format", "md"]));
  test("a scenario preset", () => expectGolden("estimate", "scenario", ["estimate", "--preset", "pastebin-streams"]));
  test("a refused input", () => expectGolden("estimate", "needs", ["estimate", "--dau", "10M", "--interval", "30s"]));
  test("solve as markdown", () => expectGolden("estimate", "solve-markdown", ["solve", "stock-exchange", "--format", "md"]));
});

describe("grade", () => {
  test("a dropped K and a bandwidth", () => expectGolden("grade", "gps-pings-slips", ["grade", "gps-pings", "--answer", "pingsPerSec=66", "--answer", "bandwidth=6k/sec"]));
  test("right with no cause, and a factor no slip explains", () => expectGolden("grade", "gps-pings-factor", ["grade", "gps-pings", "--answer", "pingsPerSec=64K", "--answer", "bandwidth=1"]));
  test("as JSON", () => expectGolden("grade", "json", ["grade", "gps-pings", "--json", "--answer", "pingsPerSec=66"]));
});

describe("errors", () => {
  test.each([
    ["unknown-word", ["calc", "200 foo"]],
    ["did-you-mean", ["calc", "5 secnds"]],
    ["dimension", ["calc", "5 s + 3 KB"]],
    ["division-by-zero", ["calc", "1/0"]],
    ["inverted-range", ["calc", "10K-5K"]],
    ["forbidden", ["calc", "import({}, {})"]],
    ["syntax", ["calc", "(1 + 2"]],
    ["claim-in-calc", ["calc", "200K / 3 = 66"]],
  ])("%s", (name, args) => expectGolden("errors", name, args));
});
