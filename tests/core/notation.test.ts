import { describe, expect, test } from "vitest";
import { dims, readNotation } from "../../src/core/notation/index.js";
import { bytes, bytesPerSecond, expectCalc, expectRead, expectReadError, perSecond, seconds } from "../helpers.js";

const K = 1e3, M = 1e6, G = 1e9, T = 1e12;
const day = 86_400, month = 30 * day, year = 365 * day;

describe("plain numbers", () => {
  test("1000", () => expectRead("1000", 1000));
  test("1,000,000", () => expectRead("1,000,000", M));
  test("1_000_000", () => expectRead("1_000_000", M));
  test("1.5e6", () => expectRead("1.5e6", 1.5 * M));
  test("10^5", () => expectRead("10^5", 1e5));
  test("10³", () => expectRead("10³", 1e3));
  test("10⁶ bytes", () => expectRead("10⁶ bytes", M, bytes));
  test("2^3^2 is right-associative", () => expectRead("2^3^2", 2 ** 9));
  test("10^5 s applies s to the power", () => expectRead("10^5 s", 1e5, seconds));
  test("~350", () => expectRead("~350", 350));
  test("≈ 1,750", () => expectRead("≈ 1,750", 1750));
});

describe("scale suffixes", () => {
  test("200K", () => expectRead("200K", 200 * K));
  test("200k", () => expectRead("200k", 200 * K));
  test("200 K spaced", () => expectRead("200 K", 200 * K));
  test("30M", () => expectRead("30M", 30 * M));
  test("10m is ten million", () => expectRead("10m", 10 * M));
  test("1.2B is billion", () => expectRead("1.2B", 1.2 * G));
  test("3bn", () => expectRead("3bn", 3 * G));
  test("2T", () => expectRead("2T", 2 * T));
  test("4 tn", () => expectRead("4 tn", 4 * T));
  test("5 thousand", () => expectRead("5 thousand", 5 * K));
  test("3 million", () => expectRead("3 million", 3 * M));
  test("2 billion", () => expectRead("2 billion", 2 * G));
  test("1 trillion", () => expectRead("1 trillion", T));
  test("10 mil (pt)", () => expectRead("10 mil", 10 * K));
  test("2 milhões (pt)", () => expectRead("2 milhões", 2 * M));
  test("1 milhão (pt)", () => expectRead("1 milhão", M));
  test("3 bilhões (pt)", () => expectRead("3 bilhões", 3 * G));
  test("K is never kelvin: 200K/3", () => expectRead("200K/3", (200 * K) / 3));
});

describe("data sizes", () => {
  test("500 bytes", () => expectRead("500 bytes", 500, bytes));
  test("1KB", () => expectRead("1KB", K, bytes));
  test("1 kB", () => expectRead("1 kB", K, bytes));
  test("5 MB", () => expectRead("5 MB", 5 * M, bytes));
  test("2 GB", () => expectRead("2 GB", 2 * G, bytes));
  test("3 TB", () => expectRead("3 TB", 3 * T, bytes));
  test("1 PB", () => expectRead("1 PB", 1e15, bytes));
  test("1 KiB", () => expectRead("1 KiB", 1024, bytes));
  test("1 MiB", () => expectRead("1 MiB", 1024 ** 2, bytes));
  test("1 GiB", () => expectRead("1 GiB", 1024 ** 3, bytes));
  test("1 TiB", () => expectRead("1 TiB", 1024 ** 4, bytes));
  test("8 bits is a byte", () => expectRead("8 bits", 1, bytes));
  test("8 b alone is 8 billion: notes write 1.7b users", () => expectRead("8 b", 8 * G));
  test("8 b in bytes is a byte: the unit asked for reads b as bits", () => expectCalc("8 b in bytes", 1, "bytes"));
  test("1 Kb is 1000 bits", () => expectRead("1 Kb", 1000 / 8, bytes));
  test("1 kbit", () => expectRead("1 kbit", 1000 / 8, bytes));
  test("1 Mbit", () => expectRead("1 Mbit", M / 8, bytes));
  test("1 Gb", () => expectRead("1 Gb", G / 8, bytes));
  test("10 Mbps", () => expectRead("10 Mbps", (10 * M) / 8, bytesPerSecond));
  test("1 Gbps", () => expectRead("1 Gbps", G / 8, bytesPerSecond));
  test("100 Kbps", () => expectRead("100 Kbps", (100 * K) / 8, bytesPerSecond));
  test("800 bps", () => expectRead("800 bps", 100, bytesPerSecond));
  test("1B rows × 1KB = billion × kilobytes", () => expectRead("1B rows × 1KB", G * K, bytes));
  test("100B alone is billion", () => expectRead("100B", 100 * G));
});

describe("durations", () => {
  test("5 ns", () => expectRead("5 ns", 5e-9, seconds));
  test("150 us", () => expectRead("150 us", 150e-6, seconds));
  test("150 μs", () => expectRead("150 μs", 150e-6, seconds));
  test("150 µs (micro sign)", () => expectRead("150 µs", 150e-6, seconds));
  test("5ms", () => expectRead("5ms", 5e-3, seconds));
  test("3s", () => expectRead("3s", 3, seconds));
  test("3 sec", () => expectRead("3 sec", 3, seconds));
  test("1 segundo", () => expectRead("1 segundo", 1, seconds));
  test("30 min", () => expectRead("30 min", 1800, seconds));
  test("2 minutos", () => expectRead("2 minutos", 120, seconds));
  test("1h", () => expectRead("1h", 3600, seconds));
  test("2 hr", () => expectRead("2 hr", 7200, seconds));
  test("3 horas", () => expectRead("3 horas", 3 * 3600, seconds));
  test("1d", () => expectRead("1d", day, seconds));
  test("7 dias", () => expectRead("7 dias", 7 * day, seconds));
  test("2 weeks", () => expectRead("2 weeks", 14 * day, seconds));
  test("1 semana", () => expectRead("1 semana", 7 * day, seconds));
  test("1 month is 30 days", () => expectRead("1 month", month, seconds));
  test("1 mês", () => expectRead("1 mês", month, seconds));
  test("6 meses", () => expectRead("6 meses", 6 * month, seconds));
  test("5y", () => expectRead("5y", 5 * year, seconds));
  test("1 ano", () => expectRead("1 ano", year, seconds));
  test("2.5M s", () => expectRead("2.5M s", 2.5 * M, seconds));
  test("month convention 30.44 days", () => expect(readNotation("1 month", { monthSeconds: 30.44 * day }).quantity.low).toBeCloseTo(30.44 * day));
});

describe("rates and counting nouns", () => {
  test("66 pings/sec", () => expectRead("66 pings/sec", 66, perSecond));
  test("66pings/sec attached", () => expectRead("66pings/sec", 66, perSecond));
  test("400 qps", () => expectRead("400 qps", 400, perSecond));
  test("400QPS", () => expectRead("400QPS", 400, perSecond));
  test("100 rps", () => expectRead("100 rps", 100, perSecond));
  test("50 tps", () => expectRead("50 tps", 50, perSecond));
  test("100K ops/s", () => expectRead("100K ops/s", 100 * K, perSecond));
  test("10 per second", () => expectRead("10 per second", 10, perSecond));
  test("10M writes/day", () => expectRead("10M writes/day", (10 * M) / day, perSecond));
  test("3M pedidos/dia", () => expectRead("3M pedidos/dia", (3 * M) / day, perSecond));
  test("2 mensagens/min", () => expectRead("2 mensagens/min", 2 / 60, perSecond));
  test("5 GB/day", () => expectRead("5 GB/day", (5 * G) / day, bytesPerSecond));
  test("150 GB/month", () => expectRead("150 GB/month", (150 * G) / month, bytesPerSecond));
  test("10 msgs per user per day", () => expectRead("10 msgs per user per day", 10 / day, perSecond));
  test("1 req/s over a month", () => expectRead("1 req/s * 1 month", month));
});

describe("ranges", () => {
  test("5-10K", () => expectRead("5-10K", [5 * K, 10 * K]));
  test("5K-10K", () => expectRead("5K-10K", [5 * K, 10 * K]));
  test("100–300K (en dash)", () => expectRead("100–300K", [100 * K, 300 * K]));
  test("500K–1M keeps each end's scale", () => expectRead("500K–1M", [500 * K, M]));
  test("500-1M: a suffix only distributes over numbers in order", () => expectRead("500-1M", [500, M]));
  test("10-5K is 10 to 5,000", () => expectRead("10-5K", [10, 5 * K]));
  test("-50–50: a glued minus belongs to the low end", () => expectRead("-50–50", [-50, 50]));
  test("1K–51K s: the low end takes the high end's unit", () => expectRead("1K–51K s", [1 * K, 51 * K], seconds));
  test("2-3s", () => expectRead("2-3s", [2, 3], seconds));
  test("3-5x", () => expectRead("3-5x", [3, 5]));
  test("range times number", () => expectRead("5-10K * 3", [15 * K, 30 * K]));
  test("range divided by range", () => expectRead("10-20 / 2-5", [2, 10]));
  test("5 - 10K spaced is subtraction", () => expectRead("5 - 10K", 5 - 10 * K));
});

describe("percent and factors", () => {
  test("20M * 5%", () => expectRead("20M * 5%", 1 * M));
  test("3x", () => expectRead("90000 * 3x", 270 * K));
  test("× multiplies", () => expectRead("200 × 5ms", 1, seconds));
  test("· multiplies", () => expectRead("2 · 3", 6));
  test("÷ divides", () => expectRead("200K ÷ 3 s", (200 * K) / 3, perSecond));
  test("x spaced multiplies", () => expectRead("1M keys x 1KB", G, bytes));
});

describe("conversion", () => {
  test("in Mbps", () => expectCalc("200K / 3s * 100 bytes in Mbps", (((200 * K) / 3) * 100 * 8) / M, "Mbps"));
  test("to GB/day", () => expectCalc("100 KB/s to GB/day", (100 * K * day) / G, "GB/day"));
  test("-> s", () => expectCalc("2 days -> s", 2 * day, "s"));
  test("in /day", () => expectCalc("1 req/s in /day", day, "/day"));
});

describe("calc examples from the issue", () => {
  test("200K / 3 ≈ 66,667", () => expectCalc("200K / 3", (200 * K) / 3, ""));
  test("200K / 3s * 100 bytes in Mbps ≈ 53.3", () => expectCalc("200K / 3s * 100 bytes in Mbps", ((200 * K) / 3) * 800 / M, "Mbps"));
  test("1B * 1KB in TB = 1", () => expectCalc("1B * 1KB in TB", 1, "TB"));
  test("30M / 86400s ≈ 347/s", () => expectCalc("30M / 86400s", (30 * M) / 86400, "/s"));
  test("10m / 100k = 100", () => expectCalc("10m / 100k", 100, ""));
  test("5-10K * 3 = 15K–30K", () => expectCalc("5-10K * 3", Math.sqrt(15 * K * 30 * K), ""));
  test("1 GiB in MB ≈ 1,073.7", () => expectCalc("1 GiB in MB", 1024 ** 3 / M, "MB"));
});

describe("ambiguity: context decides", () => {
  test("100B in KB reads bytes", () => expectCalc("100B in KB", 0.1, "KB"));
  test("30m + 2h reads minutes", () => expectRead("30m + 2h", 1800 + 7200, seconds));
  test("the reading is reported", () => expect(readNotation("100B in KB").notes).toContainEqual(expect.objectContaining({ kind: "sense", text: "100B", chosen: "bytes" })));
  test("billion is reported too", () => expect(readNotation("1B * 1KB").notes).toContainEqual(expect.objectContaining({ kind: "sense", text: "1B", chosen: "billion" })));
  test("payloads read B as bytes", () => expectClose(readNotation("100B", { expect: dims.data }).quantity.low, 100));
});

describe("errors", () => {
  test("unknown word", () => expectReadError("200 foo", "unknownWord", /foo/));
  test("did you mean", () => expect(() => readNotation("5 secnds")).toThrow(expect.objectContaining({ hint: expect.stringMatching(/seconds/) })));
  test("empty", () => expectReadError("", "syntax"));
  test("blank", () => expectReadError("   ", "syntax"));
  test("1/0", () => expectReadError("1/0", "math", /division by zero/));
  test("1/(1 - 1)", () => expectReadError("1/(1 - 1)", "math"));
  test("1-1 is neither range nor silent subtraction", () => expectReadError("1-1", "range", /range/));
  test("1e309", () => expectReadError("1e309", "syntax", /too large/));
  test("10^10^10", () => expectReadError("10^10^10", "math", /too large/));
  test("0/0", () => expectReadError("0/0", "math"));
  test("inverted range", () => expectReadError("10K-5K", "range"));
  test("50-10 is inverted too", () => expectReadError("50-10", "range"));
  test("adding seconds to bytes", () => expectReadError("5 s + 3 KB", "dimension"));
  test("converting rate to size", () => expectReadError("5 MB/s in GB", "dimension", /convert/));
  test("import", () => expectReadError("import({}, {})", "forbidden"));
  test("createUnit", () => expectReadError("createUnit('x')", "forbidden"));
  test("evaluate", () => expectReadError("evaluate('1+1')", "forbidden"));
  test("property access", () => expectReadError("a.constructor", "forbidden"));
  test("assignment", () => expectReadError("f(x) = 1", "forbidden"));
  test("matrix", () => expectReadError("[1, 2]", "syntax", /matri/));
  test("unknown function", () => expectReadError("foo(1)", "forbidden"));
  test("missing paren", () => expectReadError("(1 + 2", "syntax", /\)/));
  test("deep nesting", () => expectReadError("(".repeat(10_000) + "1" + ")".repeat(10_000), "syntax", /nested/));
});

function expectClose(actual: number, expected: number) {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(Math.abs(expected) * 1e-9);
}
