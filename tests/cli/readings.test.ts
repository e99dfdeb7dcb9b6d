import { describe, expect, test } from "vitest";
import { expectClose, napkin } from "../helpers.js";

// Every example of issue 12 ("Readings with costs"), through the built napkin. Expected values are worked out here.

const K = 1e3, M = 1e6, G = 1e9, T = 1e12;
const day = 86_400, month = 30 * day;

/** Checks several claims in one run; each `-e` is its own input (`-e#1`, `-e#2`, …), so they do not propagate into each other. */
function check(claims: string[], ...flags: string[]) {
  const run = napkin(["check", "--json", "--all", ...flags, ...claims.flatMap((c) => ["-e", c])]);
  const findings = JSON.parse(run.stdout).findings as any[];
  return claims.map((_, i) => findings.filter((f) => f.file === (claims.length > 1 ? `-e#${i + 1}` : "-e")));
}
const one = (claim: string) => check([claim])[0];
const calc = (expression: string) => JSON.parse(napkin(["calc", "--json", expression]).stdout);

describe("quantities keep their units: the period a side is written in counts", () => {
  const right = [
    "40M * 2 KB = 80 GB/day",
    "3M orders/day * 2 = 6M events/day",
    "5 GB/day * 30 = 150 GB",
    "2 years * 12 * 10M * 30 = 7.2B",
    "1M requests/day = 12/s",
    "30% of 2M req/s = 600K req/s",
    "- Reads - 3B reads a day - 3B / (24 * 60 * 60) = 35K QPS",
    "4 TB * $0.023/GB = $92",
    "(6,7 MB/s) * 2 = 13.4 MB/s",
    "5B-10B = 7.5B",
    "10m-30m = 20m",
    "50 MB/s * 86,400 = 4.3 TB/day",
    "3M pedidos por dia / 86,400 = 35/s",
    "10M writes a day / 86,400 = 116/s",
    "2M eventos/dia = 23/s",
  ];
  const results = check(right);
  test.each(right.map((claim, i) => [claim, i] as const))("right: %s", (_, i) => {
    expect(results[i].map((f) => f.verdict)).toContain("ok");
    expect(results[i].filter((f) => f.verdict !== "ok")).toEqual([]);
  });
  test("1M requests/day = 12/s names no month-length convention", () => expect(results[4].flatMap((f) => f.reading).join(" ")).not.toMatch(/month/));
  test("40M * 2 KB = 80 GB/day: the 40M are per day", () => expectClose(results[0][0].expected, (40 * M * 2 * K) / G, 1e-9));
  test("the label's dash is not a minus", () => expect(results[6][0].reading.join(" ")).toMatch(/read as a label/));
  test("money is its own dimension", () => expectClose(results[7][0].expected, (4 * T * 0.023) / G, 1e-9));
});

describe("a reading is a hypothesis with a cost: the first that works no longer wins", () => {
  const wrong: [string, number, string][] = [
    // [claim, expected (in the stated unit), slip]
    ["5 GB * 730 = 0.004 TB", (5 * G * 730) / T, "scale-1000"],
    ["2M / (24 * 3600) = 555/s", (2 * M) / day, "hour-day"],
    ["30m users * 60 = 1800", 30 * M * 60, "scale-1e6"],
    ["1 TB / 100 MB/s = 10 s", T / (100 * M), "scale-1000"],
    ["200k / 3 = 66pings/sec", (200 * K) / 3, "scale-1000"],
    ["1 Gbps = 1 GB/s", 1 / 8, "bits-bytes"],
    ["3M orders/day * 2 = 60M events/day", 6 * M, "slipped-zero"],
  ];
  const results = check(wrong.map(([c]) => c));
  test.each(wrong.map(([claim, expected, slip], i) => [claim, expected, slip, i] as const))("%s is wrong: ≈%d, %s", (_, expected, slip, i) => {
    const finding = results[i].find((f) => f.verdict === "wrong");
    expect(finding, JSON.stringify(results[i])).toBeDefined();
    expectClose(finding.expected, expected, 1e-6);
    expect(finding.cause).toBe(slip);
  });
  test("0.004 is not a Portuguese thousands group (a leading zero)", () => expect(results[0].flatMap((f) => f.reading).join(" ")).not.toMatch(/thousands/));
  test("a bare /(24 * 3600) converts nothing the units show: the 24 is not read away", () => expect(results[1].flatMap((f) => f.reading).join(" ")).not.toMatch(/hand conversion/));
  test("30m users is not minutes: nothing else in the line is time", () => expect(results[2].flatMap((f) => f.reading).join(" ")).toMatch(/'30m' read as million/));
  test("the notes' 30m active order * 60 = 1800sec is minutes: sec is time", () => {
    const [finding] = one("30m active order * 60 = 1800sec");
    expect(finding.verdict).toBe("ok");
    expect(finding.reading.join(" ")).toMatch(/'30m' read as minutes/);
  });
  test("20 * 7 = 20 names the factor, not bits or bytes", () => {
    const [finding] = one("20 * 7 = 20");
    expect([finding.verdict, finding.cause]).toEqual(["wrong", "other"]);
    expectClose(finding.factor, 20 / (20 * 7), 1e-9);
    expect(finding.diagnosis).toBe("7× too small");
  });
  test("86.400 as thousands only when that is the reading that works", () => {
    expect(one("2 milhões / 86.400 ≈ 23/s")[0].reading.join(" ")).toMatch(/'86\.400' read as 86,400/);
    expect(one("86.400 * 2 = 172.8")[0]).toMatchObject({ verdict: "ok" });
  });
});

describe("grouping as people write: a number with its unit binds first", () => {
  test("3 GiB / 12 GiB/s in ms is 250 ms", () => expect(calc("3 GiB / 12 GiB/s in ms")).toMatchObject({ value: 250, unit: "ms" }));
  test("20B/month / 2.5M s/month is 8,000 /s", () => {
    const result = calc("20B/month / 2.5M s/month");
    expect(result.unit).toBe("/s");
    expectClose(result.value, (20 * G) / month / ((2.5 * M) / month), 1e-9);
  });
  test("300K req/s / 6K req/s is 50, no unit", () => expect(calc("300K req/s / 6K req/s")).toMatchObject({ value: 50, unit: "" }));
  test("1 TB / 100 MB/s in s is 10,000 s", () => expect(calc("1 TB / 100 MB/s in s")).toMatchObject({ value: 10_000, unit: "s" }));
  test.each(["3 GiB / 12 GiB/s", "300K req/s / 6K req/s", "20B/month / 2.5M s/month", "1 TB / 100 MB/s"])("%s prints no compound nobody wrote", (e) =>
    expect(napkin(["calc", e]).stdout).not.toMatch(/\/s\/s/));
  test("1 h 30 min is 90 minutes", () => expect(calc("1 h 30 min in min")).toMatchObject({ value: 90, unit: "min" }));
  test("$0.023/GB is money per byte", () => expectClose(calc("$0.023/GB * 1 TB").value, 0.023 * 1000, 1e-9));
  test.each(["10M per day", "10M a day", "10M por dia", "10M daily"])("%s is per day", (e) => expectClose(calc(`${e} in /s`).value, (10 * M) / day, 1e-9));
});

describe("propagation means reuse", () => {
  const checkFile = (text: string) => JSON.parse(napkin(["check", "--json", "-"], { input: text }).stdout).findings as any[];
  test("a later, unrelated 11 + 4 = 15 servers is not propagated from an earlier wrong 11", () => {
    const findings = checkFile("Writes per shard = 300 / 20 = 11\nnotes about the schema\nmore notes\nand more\n11 + 4 = 15 servers\n");
    expect(findings.map((f) => [f.line, f.verdict])).toEqual([[1, "wrong"]]);
  });
  test("a distinctive value reused is propagated, and the chain carries on", () => {
    const findings = checkFile("100 * 1800 = 18000 sessions\nwrite qps = 18000 * 0.5 = 9000\npeak = 9000 * 3 = 27000\n");
    expect(findings.map((f) => [f.line, f.verdict, f.from ?? null])).toEqual([[1, "wrong", null], [2, "propagated", 1], [3, "propagated", 2]]);
  });
  test("a line right once the correction is carried through ends the chain: its value is right", () => {
    const findings = checkFile("100 * 1800 = 18000 sessions\nwrite qps = 18000 * 0.5 = 90000\npeak = 90000 * 3 = 270000\n");
    expect(findings.map((f) => [f.line, f.verdict])).toEqual([[1, "wrong"], [2, "propagated"]]);
  });
  test("a two-digit value reused with its unit right after is propagated: the notes' 66 * 100", () => {
    const findings = checkFile("200k / 3 = 66pings/sec\n66 * 100 = 6k/sec bandwidth\n");
    expect(findings.map((f) => [f.line, f.verdict])).toEqual([[1, "wrong"], [2, "propagated"]]);
  });
  test("a chain's later step carries the first step's error: a = b = c", () => {
    const findings = checkFile("1 * 10^9 / (30 * 24 * 60 * 60) = 10^9 / 86400 = 10^4\n");
    expect(findings.map((f) => f.verdict)).toEqual(["wrong", "propagated"]);
  });
});

describe("claims as they are written in notes", () => {
  const checkFile = (text: string) => JSON.parse(napkin(["check", "--json", "--all", "-"], { input: text }).stdout).findings as any[];
  test("a continuation line that starts with = is read with the line before", () => {
    const findings = checkFile("storage = 500M * 1KB * 365\n        = 18.25 TB\n");
    expect(findings.map((f) => [f.line, f.verdict])).toEqual([[2, "wrong"]]);
    expectClose(findings[0].expected, (500 * M * K * 365) / T, 1e-9);
  });
  test("…and a right one is right", () => expect(checkFile("storage = 500M * 1KB * 365\n        ≈ 182.5 TB\n").map((f) => f.verdict)).toEqual(["ok"]));
  test("a range claim never stops the file", () => {
    const findings = checkFile("5B-10B = 7.5B\n200—1B = 209K\n200k / 3 = 66\n");
    expect(findings.find((f) => f.line === 3)).toMatchObject({ verdict: "wrong" });
  });
  test("a value, then its working in brackets", () => expect(checkFile("Pageviews: 1,540 (7 pageviews/dia * 22 dias/mês)\n").map((f) => f.verdict)).toEqual(["wrong"]));
  test("10B / 24 * 60 * 60 = 1.1 * 100,000 is brackets missing", () => expect(checkFile("10B / 24 * 60 * 60 = 1.1 * 100,000\n")[0]).toMatchObject({ verdict: "wrong", cause: "missing-brackets" }));
  test("a bare number written with its scale nearby: 7 x 0.6 = 4.2 Billion under 7 Billion", () =>
    expect(checkFile("| 7 Billion users | 7 x 0.6 = 4.2 Billion | 4.2 x 0.01 = 42 Million |\n").map((f) => f.verdict)).toEqual(["ok", "ok"]));
  test("…and a slip there is still caught", () => expect(checkFile("| 7 Billion users | 7 x 0.6 = 4.2 Million |\n").map((f) => f.verdict)).toEqual(["wrong"]));
});

describe("the capacity over-claims read the vocabulary", () => {
  test.each(["Redis handles 2 millions ops/s", "Redis handles 2 million ops/s", "Redis aguenta 2 milhões de ops/s"])("%s over-claims", (claim) =>
    expect(one(claim).map((f) => f.verdict)).toEqual(["reference"]));
});

describe("grade and drill judge as check does", () => {
  const grade = (answer: string) => JSON.parse(napkin(["grade", "gps-pings", "--json", "--answer", `pingsPerSec=${answer}`]).stdout).answers[0];
  test("64K is right, with no invented cause", () => {
    const answer = grade("64K");
    expect(answer.verdict).toBe("ok");
    expect([answer.diagnosis ?? "", answer.cause ?? null]).toEqual(["", null]);
  });
  test("1 names the real factor, 66,667× too small", () => {
    const answer = grade("1");
    expect([answer.verdict, answer.cause]).toEqual(["wrong", "other"]);
    expect(answer.diagnosis).toBe(`${Math.round(200_000 / 3).toLocaleString("en-US")}× too small`);
  });
});
