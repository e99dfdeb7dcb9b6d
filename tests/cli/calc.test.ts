import { describe, expect, test } from "vitest";
import { expectClose, expectParsesBack, expectUsageError, napkin } from "../helpers.js";

/** Runs `napkin calc --json` and expects this value in this unit (parsed back from the display too). */
function expectCliCalc(expression: string, value: number, unit: string, range?: [number, number]) {
  const run = napkin(["calc", "--json", expression]);
  expect(run.code, run.stderr).toBe(0);
  const result = JSON.parse(run.stdout);
  expect(result.input).toBe(expression);
  expect(result.unit).toBe(unit);
  expectClose(result.value, value, 5e-5);
  expectParsesBack(result.display, result.value, result.unit);
  if (range) {
    expectClose(result.low, range[0]);
    expectClose(result.high, range[1]);
  }
}

const K = 1e3, M = 1e6;

describe("napkin calc, the issue's examples through the built CLI", () => {
  test("200K / 3", () => expectCliCalc("200K / 3", (200 * K) / 3, ""));
  test("200K / 3s * 100 bytes in Mbps", () => expectCliCalc("200K / 3s * 100 bytes in Mbps", ((200 * K) / 3) * 100 * 8 / M, "Mbps"));
  test("1B * 1KB in TB", () => expectCliCalc("1B * 1KB in TB", 1, "TB"));
  test("30M / 86400s", () => expectCliCalc("30M / 86400s", (30 * M) / 86_400, "/s"));
  test("10m / 100k", () => expectCliCalc("10m / 100k", 100, ""));
  test("5-10K * 3", () => expectCliCalc("5-10K * 3", Math.sqrt(15 * K * 30 * K), "", [15 * K, 30 * K]));
  test("1 GiB in MB", () => expectCliCalc("1 GiB in MB", 1024 ** 3 / M, "MB"));
  test("log2(1B)", () => expectCliCalc("log2(1B)", Math.log2(1e9), ""));
  test("ceil(270K / 10K)", () => expectCliCalc("ceil(270K / 10K)", 27, ""));
  test("ceil ignores float noise: 0.1 * 3 * 10 is 3", () => expectCliCalc("ceil(0.1 * 3 * 10)", 3, ""));
  test("round to digits", () => expectCliCalc("round(2/3, 2)", 0.67, ""));
  test("min of three", () => expectCliCalc("min(3, 1, 2)", 1, ""));
  test("log with a base", () => expectCliCalc("log(1M, 10)", 6, ""));
});

describe("napkin calc, text output", () => {
  test("shows exact and napkin forms", () => expect(napkin(["calc", "200K / 3"]).stdout).toMatch(/^66,667 \(≈ 66\.7K\)/));
  test("words may be split across arguments", () => expect(napkin(["calc", "200K", "/", "3"]).stdout).toMatch(/^66,667/));
  test("says how it read B", () => expect(napkin(["calc", "1B * 1KB in TB"]).stdout).toMatch(/'1B' read as billion/));
  test("states the month convention", () => expect(napkin(["calc", "1 req/s * 1 month"]).stdout).toMatch(/month = 30 days/));
  test("--month changes it", () => expect(napkin(["--month", "30.44d", "calc", "1 month in days"]).stdout).toMatch(/^30\.44 days/));
  test("--month 2.5M s", () => expect(napkin(["--month", "2.5M s", "calc", "1 month in s"]).stdout).toMatch(/^2,500,000 s/));
  test("data rates show bits too", () => expect(napkin(["calc", "200K / 3s * 100 bytes"]).stdout).toMatch(/6\.67 MB\/s, 53\.3 Mbps/));
  test("no colour when piped", () => expect(napkin(["calc", "1 + 1"], { env: { NO_COLOR: "" } }).stdout).not.toMatch(/\x1b\[/));
  test("FORCE_COLOR colours", () => expect(napkin(["calc", "1 + 1"], { env: { NO_COLOR: "", FORCE_COLOR: "1" } }).stdout).toMatch(/\x1b\[/));
  test("--no-color beats FORCE_COLOR", () => expect(napkin(["--no-color", "calc", "1 + 1"], { env: { FORCE_COLOR: "1" } }).stdout).not.toMatch(/\x1b\[/));
});

describe("napkin calc, bad input exits 2 with one line", () => {
  test("unknown word", () => expectUsageError(["calc", "200 foo"], /unknown word 'foo'/));
  test("empty", () => expectUsageError(["calc", ""], /empty expression/));
  test("division by zero", () => expectUsageError(["calc", "1/0"], /division by zero/));
  test("import", () => expectUsageError(["calc", "import({}, {})"], /'import' is not allowed/));
  test("createUnit", () => expectUsageError(["calc", "createUnit('x')"], /'createUnit' is not allowed/));
  test("no expression", () => expectUsageError(["calc"], /missing required argument/));
  test("unknown option", () => expectUsageError(["calc", "--bogus", "1"], /unknown option '--bogus'/));
  test("unknown command suggests", () => expectUsageError(["calk", "1"], /unknown command 'calk'.*calc/));
  test("bad --month", () => expectUsageError(["--month", "5 KB", "calc", "1"], /--month/));
  test("too many arguments", () => expectUsageError(["calc", "round(1, 2, 3)"], /round\(\) takes 1 or 2 arguments, not 3/));
  test("sqrt takes one", () => expectUsageError(["calc", "sqrt(4, 9)"], /sqrt\(\) takes 1 argument, not 2/));
  test("digits mathjs cannot round to", () => expectUsageError(["calc", "round(1.5, 20)"], /round\(\): number of decimals .* from 0 to 15/));
  test("log base 0", () => expectUsageError(["calc", "log(8, 0)"], /log\(\) has no finite value/));
  test("NAPKIN_DEBUG shows a stack", () => expect(napkin(["calc", "1/0"], { env: { NAPKIN_DEBUG: "1" } }).stderr).toMatch(/\n\s+at /));
});

describe("common behaviour", () => {
  test("--version", () => expect(napkin(["--version"]).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/));
  test("--help lists calc", () => expect(napkin(["--help"]).stdout).toMatch(/calc/));
  test("calc --help has examples", () => expect(napkin(["calc", "--help"]).stdout).toMatch(/Examples:[\s\S]*napkin calc/));
  test("help exits 0", () => expect(napkin(["calc", "--help"]).code).toBe(0));
});

describe("napkin calc, notes' habits", () => {
  test("a decimal comma", () => expectCliCalc("6,7 MB/s", 6.7, "MB/s"));
  test("commas still separate function arguments", () => expectCliCalc("max(1,2)", 2, ""));
  test("86.400 is a decimal, and it says so", () => expect(napkin(["calc", "86.400"]).stdout).toMatch(/'86\.400' read as 86\.4/));
  test("a daily figure divided by a bare 86,400 gets told how to write the conversion", () =>
    expect(napkin(["calc", "10M msgs/day / 86400"]).stdout).toMatch(/86,400 is a plain number here; to convert a daily figure write '86,400 s'/));
  test("86,400 s is a conversion: no such note", () => expect(napkin(["calc", "10M msgs/day * 1 day / 86400 s"]).stdout).not.toMatch(/plain number/));
  test("a year is 365 days, and it says so", () => expect(napkin(["calc", "1 year in s"]).stdout).toMatch(/year = 365 days/));
});
