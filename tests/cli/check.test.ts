import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { expectClose, expectUsageError, napkin, root } from "../helpers.js";

const notes = join(root, "tests/fixtures/study-notes.md");
/** The findings and the silence expected of each line, worked by hand (tests/fixtures/study-notes-expected.json). */
const expectations: { findings: { line: number; verdict: string; expected: number | string }[]; silent: { line: number; text: string }[] } = JSON.parse(
  readFileSync(join(root, "tests/fixtures/study-notes-expected.json"), "utf8"),
);
const notesLines = readFileSync(notes, "utf8").split("\n");

/** `napkin check --json --all` on the notes: every claim it read, right or not. */
const all = JSON.parse(napkin(["check", "--json", "--all", notes]).stdout);
const reported = all.findings.filter((f: any) => f.verdict !== "ok");
const lineOf = (text: string) => notesLines.findIndex((l) => l.includes(text)) + 1;

describe("napkin check on the study notes", () => {
  test("exits 1: there are slips", () => expect(napkin(["check", notes]).code).toBe(1));
  test("reports exactly the expected lines", () =>
    expect(reported.map((f: any) => [f.line, f.verdict])).toEqual(expectations.findings.map((f) => [f.line, f.verdict])));
  test.each(expectations.findings.map((f) => [f.line, f.verdict, f] as const))("line %i: %s", (line, _verdict, expected) => {
    const finding = reported.find((f: any) => f.line === line);
    if (typeof expected.expected === "number") expectClose(finding.expected, expected.expected, 0.01);
    else expect(finding.expected).toMatch(/10K–50K/);
  });
  test("200k / 3 = 66 is a dropped K", () => expect(reported.find((f: any) => f.line === lineOf("200k / 3 = 66"))).toMatchObject({ verdict: "wrong", cause: "scale-1000" }));
  test("66 * 100 = 6k propagates from the line before", () => expect(reported.find((f: any) => f.line === lineOf("66 * 100 = 6k"))).toMatchObject({ verdict: "propagated", from: lineOf("200k / 3 = 66") }));
  test("100 * 1800 = 18000 is a dropped zero", () => expect(reported.find((f: any) => f.line === lineOf("100 * 1800 = 18000"))).toMatchObject({ verdict: "wrong", cause: "slipped-zero", expected: 100 * 1800 }));
  test.each(expectations.silent.map((s) => [s.line, s.text] as const))("line %i stays silent: %s", (line) => {
    expect(reported.filter((f: any) => f.line === line)).toEqual([]);
  });
  test.each([
    ["200 × 5ms = **1 segundo**"],
    ["30M orders/day = ~350 QPS avg"],
    ["1M keys × 1KB = ~1GB"],
    ["6m / 100k = 60qps"],
    ["peak = 90000 * 3 = 270000"],
    ["| 1B rows × 1KB | 1 TB |"],
  ])("%s is read and right, not skipped", (text) => {
    const line = lineOf(text);
    expect(all.findings.filter((f: any) => f.line === line).map((f: any) => f.verdict)).toContain("ok");
  });
  test("the summary counts", () => expect(all.summary).toMatchObject({ wrong: 3, propagated: 2, reference: 1 }));
  test("text output is linter style", () => expect(napkin(["check", notes]).stdout).toMatch(/study-notes\.md:\d+:\d+: wrong \[arithmetic\]: 200k \/ 3 = 66pings\/sec → ≈66,667 pings\/sec \(off by 1000×: a dropped K\?\)/));
  test("one claim is a claim, not claims", () => expect(napkin(["check", "-e", "2 * 3 = 6"]).stderr).toMatch(/^1 claim checked: 1 ok, 0 wrong/));
  test("the summary goes to stderr", () => expect(napkin(["check", notes]).stderr).toMatch(/claims checked: \d+ ok, 3 wrong, 2 propagated, 1 reference mismatch/));
});

describe("napkin check -e", () => {
  const one = (claim: string, ...flags: string[]) => JSON.parse(napkin(["check", "--json", "--all", ...flags, "-e", claim]).stdout).findings[0];
  test("1 Gbps = 1 GB/s is wrong by 8×, bits vs bytes", () => expect(one("1 Gbps = 1 GB/s")).toMatchObject({ verdict: "wrong", cause: "bits-bytes", factor: 8 }));
  test("86,400 * 30 = 2.5M is right, and names no convention it did not need", () => {
    const finding = one("86,400 * 30 = 2.5M");
    expect(finding.verdict).toBe("ok");
    expect(finding.reading).toEqual([]);
  });
  test("200K / 3 = 66 exits 1", () => expect(napkin(["check", "-e", "200K / 3 = 66"]).code).toBe(1));
  test("a right claim exits 0 and prints nothing", () => {
    const run = napkin(["check", "-e", "6m / 100k = 60qps"]);
    expect([run.code, run.stdout]).toEqual([0, ""]);
  });
  test("--tolerance 10% flags 10⁵ s/day rounding", () => expect(one("10M / 86,400 = 100 writes/s", "--tolerance", "10%")).toMatchObject({ verdict: "wrong", cause: "interview-day" }));
  test("30m read as minutes when that makes the line consistent", () => expect(one("30m active order * 60 = 1800sec").reading.join(" ")).toMatch(/'30m' read as minutes/));
  test("a reference over-claim", () => expect(one("Redis single node: ~1M ops/sec")).toMatchObject({ verdict: "reference" }));
  test("a load inside the range is fine", () => expect(one("Redis can handle 400qps").verdict).toBe("ok"));
  test("functions load mathjs", () => expect(one("log2(1B) ≈ 30").verdict).toBe("ok"));
});

describe("napkin check input", () => {
  const dir = mkdtempSync(join(tmpdir(), "napkin-check-"));
  const file = (name: string, content: string | Buffer) => {
    writeFileSync(join(dir, name), content);
    return join(dir, name);
  };
  test("stdin with -", () => expect(napkin(["check", "-"], { input: "x = 200K / 3 = 66\n" }).stdout).toMatch(/<stdin>:1:\d+: wrong/));
  test("CRLF line endings", () => expect(napkin(["check", file("crlf.md", "ok line\r\n200K / 3 = 66\r\n")]).stdout).toMatch(/crlf\.md:2:\d+: wrong \[arithmetic\]: 200K \/ 3 = 66 →/));
  test("several files, each named", () => {
    const run = napkin(["check", file("a.md", "100 * 1800 = 18000\n"), file("b.md", "1 + 1 = 2\n200K / 3 = 66\n")]);
    expect(run.stdout).toMatch(/a\.md:1:\d+: wrong[\s\S]*b\.md:2:\d+: wrong/);
  });
  test("in code, a comment's working is checked and the code is not", () => {
    const code = "```python\nbatch = 1000 * 100  # = 5000\n# 1000 uploads / 100 threads = 15 s\n// 2 * 3 = 9\n```\n";
    expect(napkin(["check", "-"], { input: code }).stdout).toMatch(new RegExp(`^<stdin>:3:\\d+: wrong \\[arithmetic\\]: .* → ≈${1000 / 100} s .*\n<stdin>:4:\\d+: wrong \\[arithmetic\\]: 2 \\* 3 = 9 → ≈${2 * 3} `));
  });
  test("an empty file is clean", () => expect(napkin(["check", file("empty.md", "")]).code).toBe(0));
  test("a missing file", () => expectUsageError(["check", join(dir, "nope.md")], /cannot read '.*nope\.md': no such file/));
  test("a folder without notes", () => expectUsageError(["check", mkdtempSync(join(tmpdir(), "napkin-empty-"))], /no notes in '.*napkin-empty-\w+': napkin reads \.md, \.markdown, \.txt files/));
  test("a binary file", () => expectUsageError(["check", file("bin.md", Buffer.from([0x31, 0x00, 0x32, 0x0a]))], /bin\.md:1: binary data/));
  test("nothing to check", () => expectUsageError(["check"], /nothing to check/));
  test("bad tolerance", () => expectUsageError(["check", "--tolerance", "lots", "-e", "1 = 1"], /--tolerance/));
});

describe("napkin check --annotate", () => {
  const dir = mkdtempSync(join(tmpdir(), "napkin-annotate-"));
  const input = join(dir, "answer.md");
  const text = "# answer\n200k / 3 = 66pings/sec\n6m / 100k = 60qps\n";
  writeFileSync(input, text);
  test("prints an annotated copy to stdout", () => {
    const run = napkin(["check", "--annotate", input]);
    expect(run.stdout).toBe("# answer\n200k / 3 = 66pings/sec <!-- napkin: wrong [arithmetic]: 200k / 3 = 66pings/sec → ≈66,667 pings/sec (off by 1000×: a dropped K?) -->\n6m / 100k = 60qps\n");
  });
  test("-o writes the copy and leaves the input alone", () => {
    const out = join(dir, "checked.md");
    napkin(["check", "--annotate", input, "-o", out]);
    expect(readFileSync(out, "utf8")).toMatch(/<!-- napkin: wrong/);
    expect(readFileSync(input, "utf8")).toBe(text);
  });
  test("refuses to overwrite its input", () => {
    expectUsageError(["check", "--annotate", input, "-o", input], /refusing to overwrite the input/);
    expect(readFileSync(input, "utf8")).toBe(text);
  });
  test("-o without --annotate", () => expectUsageError(["check", input, "-o", join(dir, "x.md")], /-o\/--output goes with --annotate/));
  test("no temporary file is left behind", () => expect(existsSync(join(dir, `.checked.md.napkin-${process.pid}.tmp`))).toBe(false));
});

describe("lines a learner really writes", () => {
  const findings = (claim: string) => JSON.parse(napkin(["check", "--json", "--all", "-e", claim]).stdout).findings;
  const verdicts = (claim: string) => findings(claim).map((f: any) => f.verdict);
  test.each([
    "Postgres can't handle 200K inserts/s",
    "Postgres não aguenta 200K writes/s, precisa shard",
    "we need 500K Redis ops/s at peak, so 2-5 nodes",
    "Redis cluster handles 1M ops/s with 5 nodes",
  ])("a load or a fleet is not an over-claim: %s", (claim) => expect(verdicts(claim)).not.toContain("reference"));
  test("one node's capacity still is", () => expect(verdicts("Redis aguenta 500K-1M ops/s em um nó")).toEqual(["reference"]));
  test("chained hand conversions: 40/s × 86,400 × 30 per month", () => expectClose(findings("40/s * 86400 * 30 = 10M/mês")[0].expected, 40 * 86_400 * 30, 1e-9));
  test("…and by year", () => expectClose(findings("115 writes/s * 86400 * 365 = 36B/year")[0].expected, 115 * 86_400 * 365, 1e-9));
  test("86.400 is read as Portuguese thousands when that is what makes sense", () => expect(verdicts("2 milhões / 86.400 ≈ 23/s")).toEqual(["ok"]));
  test("6,7 is a decimal comma", () => expect(verdicts("66.7k/s * 100 B ≈ 6,7 MB/s")).toEqual(["ok"]));
  test("a spaced ~ is a relation", () => expect(verdicts("200K / 3 ~ 66")).toEqual(["wrong"]));
  test("3x 116 multiplies", () => expect(verdicts("pico: 3x 116 = 350 qps")).toEqual(["ok"]));
  test("a near-miss rounding names no convention", () => expect(findings("5.8K * 3 ≈ 17K/s")[0].reading.join(" ")).not.toMatch(/month/));
});

describe("readings of notes nobody here wrote", () => {
  const findings = (...lines: string[]) => JSON.parse(napkin(["check", "--json", "--all", "-"], { input: `${lines.join("\n")}\n` }).stdout).findings;
  const only = (...lines: string[]) => findings(...lines).map((f: any) => [f.line, f.verdict, f.slip?.code ?? null]);
  test("in a Portuguese line, mil is a thousand", () => expect(only("Total de Requisições Diárias: 4.3M * 5 = 21.5 Mil de Requests/Dia")).toEqual([[1, "wrong", "scale-1000"]]));
  test("…and in an English line, a million", () => expect(only("we have 10 mil users * 2 = 20M users")).toEqual([[1, "ok", null]]));
  test("in a Portuguese line, 200.000 is two hundred thousand", () => expect(findings("200.000 visitas/mês ≈ 28.600 por dia")[0]).toMatchObject({ verdict: "wrong", expected: expect.closeTo(200_000 / 30, 6), unit: "por dia" }));
  test("working written down the page", () => expect(findings("100K usuários online", "÷ 30s entre ações", "= 55 req/s")[0]).toMatchObject({ line: 3, verdict: "wrong", expected: expect.closeTo(100_000 / 30, 6) }));
  test("LaTeX's \\approx family separates", () => expect(findings("$4 \\times 10^6 \\times 50 \\thickapprox 2 \\times 10^9$")[0]).toMatchObject({ verdict: "wrong", expected: 4e6 * 50 }));
  test("a separator written as words", () => expect(findings("TTL - 2 years approximating to 1000days")[0]).toMatchObject({ verdict: "wrong", expected: 2 * 365 }));
  test("a restatement in brackets after a value with spaces and per", () =>
    expect(findings("172 800 * 2736 = 472 780 800 bytes per day(~3.8 GB);").map((f: any) => f.verdict)).toEqual(["ok", "wrong"]));
  test("a price written without its per-unit", () => expect(only("70 TB × $0.023 = $1,610", "730 h × $0.0116 = $8.47")).toEqual([[1, "ok", null], [2, "ok", null]]));
  test("…is still checked", () => expect(findings("70 TB × $0.023 = $16,100")[0]).toMatchObject({ verdict: "wrong", expected: 70_000 * 0.023, unitBefore: "$", slip: { code: "slipped-zero" } }));
  test("a price is never a dollar-terabyte", () => expect(findings("1 TB * 0.023 = $23")).toEqual([]));
  test("a range set equal to a range is a name, not a claim", () => expect(findings("- Peak hours: 3-5x = 350,000-500,000")).toEqual([]));
  test("a space-grouped number with a short last group", () => expect(findings("8 640 000 * 0.9 = 7 776 00 read requests per day")[0]).toMatchObject({ verdict: "wrong", stated: 777_600, slip: { code: "slipped-zero" } }));
  test("tiny values in base units are compared by ratio", () => expect(findings("5 * 1024 = 282.60 per TB per Month")[0]).toMatchObject({ verdict: "wrong", expected: 5 * 1024 }));
  test("the rest of the line corroborates a sense: 75B are bytes beside .7 TB", () =>
    expect(findings("Metadata  = 75B x 10 Billion = 750 Billion  = .7 TB").map((f: any) => [f.verdict, f.reading])).toEqual([
      ["ok", ["'75B' read as bytes"]],
      ["ok", ["'750 Billion' read as base units (the unit written on the other side)"]],
    ]));
  test("a year converts nothing", () => expect(findings("> snaps sent per day in 2018 = 4 Billion. Assumed in 2021 = 10 Billion")).toEqual([]));
  test("a line's Portuguese numbers make its dotted numbers thousands", () =>
    expect(findings("7.424 × 10^12 bits/dia ÷ 86.400s/dia = 85.925.925,93 bits/s")[0]).toMatchObject({ verdict: "wrong", expected: expect.closeTo((7424e12 / 86_400), 0), slip: { code: "scale-1000" } }));
  test("units as labels still read 86.400 the Portuguese way", () => expect(only("80M posts/dia ÷ 86.400s ≈ 925,93 posts/segundo")).toEqual([[1, "ok", null]]));
  test("a factor alone is no claim", () => expect(findings("Peak upload traffic (2x) = 100 uploads/sec")).toEqual([]));
  test("a price is not restated as a bill", () => expect(findings("at ~$0.05/GB CDN ≈ $27,000/yr")).toEqual([]));
  test("brackets missing around a sum", () =>
    expect(findings("860800 + 510 * 365 * 3 + 15984 = 943182402 bytes")[0]).toMatchObject({ verdict: "wrong", slip: { code: "missing-brackets", form: "sum" } }));
  test("a power of ten wrong where it is written", () => expect(findings("4*10^6*50*10^6 ≈ 20*10^12")[0]).toMatchObject({ slip: { code: "wrong-exponent", factor: 0.1 } }));
  test("a factor of 1000 is a K, powers or not", () => expect(findings("1 KB ≈ 10⁶ bytes")[0]).toMatchObject({ slip: { code: "scale-1000" } }));
  test("machines come whole: a fraction rounds up", () =>
    expect(findings("Trip service: 60 / 1k = 1 server (minimal)")[0]).toMatchObject({ verdict: "ok", reading: [`'1 server' is ${60 / 1000} rounded up (machines and shards come whole)`] }));
  test("…but not any count", () => expect(findings("60 / 1k = 1 request")[0]).toMatchObject({ verdict: "wrong" }));
  test("a line that ends in = is completed by the next", () =>
    expect(only("7.424 × 10^12 bits/dia ÷ 86.400s/dia =", "85.925.925,93 bits/s =")).toEqual([[2, "wrong", "scale-1000"]]));
  test("a bracket of prose is no working", () => expect(only("Peak QPS = 115 × 24 / 5 = 552 QPS (assuming peak is 1/5 of day)")).toEqual([[1, "ok", null]]));
  test("words before a value after × label it", () => expect(only("23 writes × peak multiplier (10x) = 230 writes/second")).toEqual([[1, "ok", null]]));
  test("…but not after +", () => expect(findings("10M active users + update every 30 seconds = 334k QPS")).toEqual([]));
  test("a bracketed remark ends a chain's restatements", () => expect(only("61,6M posts × 50KB ≈ 3,08TB (mas apenas thumbnails mais acessados) ≈ 50GB")).toEqual([[1, "ok", null]]));
  test("petabits", () => expect(findings("12M viewers × 5 Mbps = 60 Petabits/sec")[0]).toMatchObject({ verdict: "wrong", expected: (12e6 * 5e6) / 1e15, slip: { code: "scale-1000" } }));
  test("=~ is ≈ written backwards", () => expect(findings("999*20% * 16 * 2 =~ 640")[0]).toMatchObject({ verdict: "wrong", expected: expect.closeTo(999 * 0.2 * 16 * 2, 6) }));
  test("a hyphen between numbers in decreasing order subtracts", () =>
    expect(findings("[ 999*20% * (24-8) * 2 =~ 640 ]")[0]).toMatchObject({ expected: expect.closeTo(999 * 0.2 * (24 - 8) * 2, 6), reading: ["'24-8' read as a subtraction (a range runs low to high)"] }));
  test("in a Portuguese line $1,008 may be a decimal comma", () => expect(only("- **Instância**: $1,008/hora ≈ $730/mês")).toEqual([[1, "ok", null]]));
  test("…and $0,052 always is", () => expect(findings("$0,052/hora x 730 horas ≈ $38/mês")[0]).toMatchObject({ verdict: "ok", expected: expect.closeTo(0.052 * 730, 6) }));
  test("…but 2,500 in an English line is two thousand five hundred", () => expect(findings("we have 2,500 users * 2 = 5 users")[0]).toMatchObject({ verdict: "wrong", expected: 5000 }));
  test("a scale after / divides", () => expect(findings("$0.40/million * 4.32M = $1.73")[0]).toMatchObject({ verdict: "ok", expected: expect.closeTo((0.4 / 1e6) * 4.32e6, 6) }));
  test("a value, then the working that gives it", () => expect(findings("- Machines: 22 TB = 128 GB * 172 servers")[0]).toMatchObject({ verdict: "ok", claim: "128 GB * 172 servers = 22 TB" }));
  test("…but not a scope named first", () => expect(only("1 day = 4M x 200KB = 800 GB")).toEqual([[1, "ok", null]]));
  test("an assumption in brackets, then other working", () => expect(only("Read (100 tweets/user/day) = 200M × 100 / 100K = 200,000 QPS")).toEqual([[1, "ok", null]]));
  test("an arrow converts within one dimension", () => expect(findings("[10B req/day → 100 req/sec]")[0]).toMatchObject({ verdict: "wrong", expected: expect.closeTo(10e9 / 86_400, 3) }));
  test("…and is a before and after otherwise", () => expect(findings("- EC2: $60.74 → $38/mês (-37%)")).toEqual([]));
  test("exponents raised onto the line above", () =>
    expect(only("      7                   7           2           9", "1 * 10   *  365  ~  1 * 10   *  4 * 10   =  4 * 10   links = 4 billion links")).toEqual([[2, "ok", null], [2, "ok", null], [2, "ok", null]]));
  test("a fraction drawn with a bar is not read", () => expect(findings("-------------    ~    --------------- = 1 * 10   =  100 write RPS")).toEqual([]));
  test("a stated value cut by the end of a line is read with the next", () =>
    expect(findings("4M x 50KB =~ 2 x", "10^11 bytes =~ 200 GB").map((f: any) => [f.line, f.verdict, f.claim])).toEqual([
      [2, "ok", "4M x 50KB ≈ 2 x 10^11 bytes"],
      [2, "ok", "2 x 10^11 bytes ≈ 200 GB"],
    ]));
  test("a capacity stated as a load is not an over-claim", () => expect(findings("par jab 1 Million writes per second aate hain, MySQL/PostgreSQL tables lock")).toEqual([]));
  test("requests per minute", () => expect(only("~22-50 RPM = ~0.4-0.8 requisições/segundo")).toEqual([[1, "ok", null]]));
  test("a factor written 10x never takes a nearby unit", () => expect(only("storage for 10 years", "10B/day ÷ 86,400 sec × 10x = 1.16M req/sec")).toEqual([[2, "ok", null]]));
});
