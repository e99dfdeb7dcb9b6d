import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { expectClose, expectUsageError, napkin } from "../helpers.js";

// Issue 13: every input honoured or refused, the design card's DAU + time online + interval, and the questions
// published problems ask. Expected values are worked here from the problem's inputs; published ones are cited.

function estimate(...args: string[]) {
  const run = napkin(["estimate", ...args, "--json"]);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout);
}
/** The Readings section, its wrapped lines joined. */
const readings = (...args: string[]) => (napkin(["estimate", ...args]).stdout.split("Readings")[1] ?? "").replace(/\n\s{3,}/g, " ");
const capacity = (result: { capacity: { figure: string }[] }, figure: string) => result.capacity.find((c) => c.figure === figure) as any;
const day = 86_400, K = 1e3, M = 1e6, B = 1e9;
const dir = mkdtempSync(join(tmpdir(), "napkin-estimate-"));
const file = (name: string, data: unknown) => {
  writeFileSync(join(dir, name), JSON.stringify(data));
  return join(dir, name);
};

describe("no silent input: each input is used, or refused naming what it needs", () => {
  test("--interval with --dau needs the connections", () =>
    expectUsageError(["estimate", "--dau", "10M", "--interval", "30s", "--payload", "200B", "--peak", "3x"], /--interval needs how many are connected at once: --concurrent, --online with --dau, --arrivals with --session/));
  test("--per-user with --concurrent", () => expectUsageError(["estimate", "--concurrent", "1K", "--interval", "1s", "--per-user", "10"], /--per-user needs the daily users it applies to: --dau/));
  test("--session with --concurrent", () => expectUsageError(["estimate", "--concurrent", "1K", "--interval", "1s", "--session", "30min"], /--session needs the sessions starting per second: --arrivals/));
  test("--session with --qps", () => expectUsageError(["estimate", "--qps", "10", "--session", "30min"], /--session needs .*--arrivals/));
  test("--users next to --dau without a ratio", () => expectUsageError(["estimate", "--dau", "1M", "--users", "20M"], /--users needs the share of them active each day: --dau-ratio/));
  test("--dau contradicting --users × --dau-ratio names both values", () => expectUsageError(["estimate", "--dau", "2M", "--users", "20M", "--dau-ratio", "5%"], /--dau \(2M\) disagrees with --users × --dau-ratio \(1M\)/));
  test("…and agreeing, a reading says so", () => expect(readings("--dau", "1M", "--users", "20M", "--dau-ratio", "5%")).toMatch(/--dau and --users × --dau-ratio agree \(1M\)/));
  test("--read-ratio contradicting --reads-per-write", () => expectUsageError(["estimate", "--qps", "100", "--read-ratio", "100:1", "--reads-per-write", "10"], /--reads-per-write \(10\) disagrees with --read-ratio \(100\)/));
  test("…and agreeing, a reading says so", () => expect(readings("--qps", "100", "--read-ratio", "10:1", "--reads-per-write", "10")).toMatch(/--reads-per-write and --read-ratio agree \(10\)/));
  test("--replication needs a payload", () => expectUsageError(["estimate", "--qps", "100", "--replication", "3"], /--replication needs a payload \(it multiplies storage\): --payload/));
  test("--headroom needs --server-qps", () => expectUsageError(["estimate", "--qps", "100", "--headroom", "70%"], /--headroom needs the rate one server handles: --server-qps/));
  test("--cache needs reads and a payload", () => expectUsageError(["estimate", "--qps", "100", "--cache", "20%"], /--cache needs the reads it keeps and their payload/));
  test("--per-user and an interval both give the traffic", () => expectUsageError(["estimate", "--dau", "1M", "--per-user", "2", "--online", "1h", "--interval", "30s"], /--per-user and --interval both give the daily users' traffic/));
  test("--per-user 35min/week is time online, not actions", () => expectUsageError(["estimate", "--dau", "1M", "--per-user", "35min/week"], /--per-user: '35min\/week' is time spent \(5 min a day\), not a count of actions; time online goes in --online/));
  test("--payload 100b is bits, and says how to write bytes", () => expect(readings("--dau", "1M", "--payload", "100b")).toMatch(/--payload: '100b' read as bits \(12\.5 bytes\); write 100B for bytes/));
  test("…and is used as 12.5 bytes", () => expectClose(estimate("--qps", "1", "--payload", "100b").results.storageBytesPerDay, day * 12.5));
  test("a preset's --interval that --dau replaces is said", () => expect(readings("--preset", "gps-pings", "--dau", "1M")).toMatch(/the preset's --interval 3s is not used: --dau replaces its traffic source/));
  test("…and kept when --online uses it", () => expectClose(estimate("--preset", "gps-pings", "--dau", "1M", "--online", "24h").results.avgQps, (1 * M) / 3));
  test("--retention without a payload keeps records", () => {
    const r = estimate("--qps", "100", "--retention", "5y");
    expect([r.results.recordsRetention, r.results.storageBytesRetention]).toEqual([100 * day * 365 * 5, undefined]);
  });
  test("every default is a reading", () =>
    expect(readings("--dau", "1M", "--payload", "1KB")).toMatch(/1 action per user per day \(default[\s\S]*peak = 3x average \(default[\s\S]*one copy of each byte stored \(default/));
});

describe("the design card: --dau 10M --online 30min --interval 30s --payload 200B --peak 3x", () => {
  const r = estimate("--dau", "10M", "--online", "30min", "--interval", "30s", "--payload", "200B", "--peak", "3x");
  const connected = (10 * M * 30 * 60) / day;
  test("208,333 connected", () => expectClose(r.results.concurrent, connected));
  test("6,944 pings/s", () => expectClose(r.results.avgQps, connected / 30));
  test("20,833 at peak", () => expectClose(r.results.peakQps, (connected / 30) * 3));
  test("1.39 MB/s in", () => expectClose(r.results.bandwidthBytesPerSec, (connected / 30) * 200));
  test("a share of the day works too", () => expectClose(estimate("--dau", "10M", "--online", "10%", "--interval", "30s").results.concurrent, 10 * M * 0.1));
  test("…and a time per day", () => expectClose(estimate("--dau", "10M", "--online", "2h/day", "--interval", "30s").results.concurrent, (10 * M * 2) / 24));
});

describe("the questions published problems ask", () => {
  // Alex Xu, System Design Interview vol. 2, ch. 13 'Stock Exchange': 1 billion orders a day in a 6.5-hour
  // trading day, QPS ≈ 43,000, peak 5× (docs/published-problems.md §1.1).
  test("--window: orders inside a 6.5 h trading day", () => expectClose(estimate("--qps", "1B/day", "--window", "6.5h", "--peak", "5x").results.avgQps, B / (6.5 * 3600)));
  test("…the peak over the window", () => expectClose(estimate("--qps", "1B/day", "--window", "6.5h", "--peak", "5x").results.peakQps, (5 * B) / (6.5 * 3600)));
  test("…the day's total stays a day's", () => expectClose(estimate("--dau", "100M", "--per-user", "10", "--window", "6.5h").results.eventsPerDay, 100 * M * 10));
  test("…and DAU traffic arrives within it", () => expectClose(estimate("--dau", "100M", "--per-user", "10", "--window", "6.5h").results.avgQps, (100 * M * 10) / (6.5 * 3600)));
  test("a window longer than a day is refused", () => expectUsageError(["estimate", "--qps", "1", "--window", "2d"], /--window: the day's traffic arrives within a window of at most a day/));
  // Grokking Modern, 'Examples of Resource Estimation': 500M DAU × 20 ÷ 86,400 = 115K RPS; 8,000 RPS a server:
  // 15 servers (§2.1). With 70% headroom (our assumption): 115,741 ÷ 5,600.
  test("--server-qps: servers at full use", () => expect(estimate("--dau", "500M", "--per-user", "20", "--server-qps", "8000", "--peak", "1x").results.servers).toBe(Math.ceil((500 * M * 20) / day / 8000)));
  test("…kept at 70% busy", () => expect(estimate("--dau", "500M", "--per-user", "20", "--server-qps", "8000", "--headroom", "70%", "--peak", "1x").results.servers).toBe(Math.ceil((500 * M * 20) / day / (8000 * 0.7))));
  test("…at the peak, reads included", () => expect(estimate("--qps", "1000", "--reads-per-write", "10", "--server-qps", "5000").results.servers).toBe(Math.ceil((1000 * 3 + 10_000 * 3) / 5000)));
  // Grokking, 'Designing Facebook Messenger': 500 million connections, 50K a server: 10K servers (§3.1).
  test("--connections-per-server", () => expect(estimate("--dau", "500M", "--online", "24h", "--connections-per-server", "50K", "--per-user", "40").results.connectionServers).toBe((500 * M) / (50 * K)));
  test("…from concurrent devices too", () => expect(estimate("--concurrent", "200K", "--interval", "3s", "--connections-per-server", "64K").results.connectionServers).toBe(Math.ceil(200 / 64)));
  // Grokking, 'Designing a URL Shortening service': 500M new URLs a month, 100:1, 500 bytes, 5 years:
  // 30 billion objects, 15 TB; 20% of a day's redirects × 500 bytes ≈ 170 GB (§4.1, §5.1).
  const urls = estimate("--qps", "500M/month", "--reads-per-write", "100", "--payload", "500B", "--retention", "5y", "--cache", "20%");
  test("records kept over the retention", () => expectClose(urls.results.recordsRetention, 500 * M * 12 * 5));
  test("…per year", () => expectClose(urls.results.recordsPerYear, 500 * M * 12));
  test("storage over the retention", () => expectClose(urls.results.storageBytesRetention, 500 * M * 12 * 5 * 500));
  test("--cache: a share of a day's reads × payload", () => expectClose(urls.results.cacheBytes, 0.2 * ((500 * M) / 30) * 100 * 500));
  // System Design Primer, 'Design the Twitter timeline': 15 billion tweets a month, fan-out 10, 2.5M s a month:
  // 6,000 tweets/s, 60 thousand deliveries/s; 10 KB a tweet, 150 TB a month, 5.4 PB in 3 years (§6.1).
  const tweets = JSON.parse(napkin(["--month", "2.5M s", "estimate", "--qps", "15B/month", "--fanout", "10", "--payload", "10KB", "--retention", "3y", "--json"]).stdout);
  test("--fanout: deliveries per second", () => expectClose(tweets.results.deliveriesPerSec, ((15 * B) / 2.5e6) * 10));
  test("…the tweets are stored once", () => expectClose(tweets.results.storageBytesPerMonth, 15 * B * 10 * K));
  test("a year of months: 3 years of a monthly figure are 36 months", () => expectClose(tweets.results.storageBytesRetention, 15 * B * 10 * K * 36));
  // Alex Xu vol. 1, ch. 2: 150M DAU × 2 tweets, 10% carry 1 MB of media: 30 TB a day, ≈ 55 PB in 5 years (§7.1).
  const media = estimate("--users", "300M", "--dau-ratio", "50%", "--per-user", "2", "--payload", "10% × 1MB", "--retention", "5y", "--peak", "2x");
  test("a share of events with a payload", () => expectClose(media.results.storageBytesPerDay, 150 * M * 2 * 0.1 * M));
  test("…over five years", () => expectClose(media.results.storageBytesRetention, 150 * M * 2 * 0.1 * M * 365 * 5));
  test("two payloads per write", () => expectClose(estimate("--qps", "10", "--payload", "300B + 2 × 1KB").results.bandwidthBytesPerSec, 10 * (300 + 2000)));
  test("--reads-per-write 0 is honoured", () => expect(estimate("--qps", "10", "--reads-per-write", "0").results.readQps).toBe(0));
  test("no read ratio: no read rows, no read-capacity advice", () => {
    const gps = estimate("--concurrent", "200K", "--interval", "3s", "--payload", "100B");
    expect([gps.results.readQps, capacity(gps, "postgres.indexed-reads")]).toEqual([undefined, undefined]);
  });
});

describe("replication on every storage row", () => {
  const r = estimate("--qps", "100", "--payload", "1KB", "--replication", "3", "--retention", "1y");
  test("storage/day counts each copy", () => expectClose(r.results.storageBytesPerDay, 100 * day * K * 3));
  test("a year kept is the year's storage", () => expectClose(r.results.storageBytesRetention, r.results.storageBytesPerYear));
  test("…without --retention too", () => expectClose(estimate("--qps", "100", "--payload", "1KB", "--replication", "3").results.storageBytesPerYear, 100 * day * K * 3 * 365));
});

describe("several streams in one run: a scenario file", () => {
  // System Design Primer, 'Design Pastebin.com': 10 million writes and 100 million reads a month, 1.27 KB a
  // paste, 2.5M s a month: 4 writes/s, 40 reads/s, 12.7 GB a month (§8.3).
  const scenario = file("pastebin.json", {
    shared: { peak: "3x", retention: "3 years" },
    streams: [
      { name: "writes", inputs: { qps: "10M/month", payload: "1.27KB" } },
      { name: "reads", kind: "reads", inputs: { qps: "100M/month", payload: "1.27KB", cache: "20%" } },
    ],
  });
  const r = JSON.parse(napkin(["--month", "2.5M s", "estimate", scenario, "--json"]).stdout);
  const stream = (name: string) => r.streams.find((s: any) => s.name === name);
  test("each stream is worked on its own", () => expect([stream("writes").results.avgQps, stream("reads").results.readQps]).toEqual([(10 * M) / 2.5e6, (100 * M) / 2.5e6]));
  test("the total adds them", () => expectClose(r.results.readQps, (100 * M) / 2.5e6));
  test("storage comes from the writes", () => expectClose(r.results.storageBytesPerMonth, 10 * M * 1270));
  test("capacity is checked on the total", () => expectClose(capacity(r, "redis.ops").load, ((10 * M) / 2.5e6) * 3 + ((100 * M) / 2.5e6) * 3));
  test("a shared input no stream takes is refused", () =>
    expectUsageError(["estimate", file("unused.json", { shared: { replication: "3" }, streams: [{ name: "r", kind: "reads", inputs: { qps: "10" } }] })], /unused\.json: shared\.replication: no stream takes it/));
  test("a stream's problem names its field", () =>
    expectUsageError(["estimate", file("bad.json", { streams: [{ name: "w", inputs: { qps: "10" } }, { name: "r", kind: "reads", inputs: { qps: "10", cache: "20%" } }] })], /bad\.json: streams\[1\]\.inputs\.cache: cache needs the reads it keeps and their payload: payload/));
  test("a malformed scenario names the field", () => expectUsageError(["estimate", file("typo.json", { streams: [{ name: "w", inputs: { qpss: "10" } }] })], /typo\.json: streams\.0\.inputs: Unrecognized key: "qpss"/));
  test("a preset may be a scenario (its month is 2.5M s)", () => expectClose(estimate("--preset", "pastebin-streams").results.storageBytesPerMonth, 10 * M * 1270));
});

describe("errors name the input where it was written", () => {
  const preset = file("bad-preset.json", { id: "bad-preset", title: "t", prompt: "{qps} {payload}", source: "this test", tags: ["test"], inputs: { qps: "10", payload: "100 bites" }, ask: { q: "avgQps" }, expected: { q: { value: "10/s", tolerance: "1%" } } });
  test("a flag by its flag", () => expectUsageError(["estimate", "--qps", "10", "--payload", "100 bites"], /--payload: unknown word 'bites'/));
  test("a preset's input by its field", () => expectUsageError(["estimate", "--preset", preset], /bad-preset\.json: inputs\.payload: unknown word 'bites' \(did you mean 'bytes'\?\)/));
  test("…in solve too", () => expectUsageError(["solve", preset], /bad-preset\.json: inputs\.payload: unknown word 'bites'/));
});

describe("output a user can paste and read", () => {
  const runs = [
    ["--concurrent", "200K", "--interval", "3s", "--payload", "100B"],
    ["--users", "20M", "--dau-ratio", "5%", "--per-user", "10", "--payload", "500B", "--retention", "5y", "--replication", "3", "--reads-per-write", "10", "--cache", "20%", "--server-qps", "1000", "--headroom", "70%"],
    ["--dau", "500M", "--online", "24h", "--connections-per-server", "50K", "--per-user", "40", "--payload", "100B", "--fanout", "20"],
  ];
  const at80 = (args: string[]) => napkin(args, { env: { COLUMNS: "80" } }).stdout.split("\n");
  test.each(runs)("no line over 80 columns at COLUMNS=80: estimate %s …", (...args) => expect(at80(["estimate", ...args]).filter((l) => [...l].length > 80)).toEqual([]));
  test.each(["gps-pings", "food-review-votes", "pastebin-streams"])("…nor in solve %s", (id) => expect(at80(["solve", id]).filter((l) => [...l].length > 80)).toEqual([]));
  test("no trailing spaces", () => expect(at80(["estimate", ...runs[1]]).filter((l) => / $/.test(l))).toEqual([]));
  test("a wide terminal gets the table on one line a step", () => expect(napkin(["estimate", ...runs[0]], { env: { COLUMNS: "160" } }).stdout).toMatch(/ events\/s\s+200K ÷ 3s\s+66,667 \/s\s+≈ 66\.7K\/s/));
  test("--format md: a markdown table and the verdicts", () => expect(napkin(["estimate", ...runs[0], "--format", "md"]).stdout).toMatch(/^\| step \| formula \| exact \| napkin \|\n\|---\|---\|---\|---\|\n\| events\/s \| 200K ÷ 3s \| 66,667 \/s \| ≈ 66\.7K\/s \|[\s\S]*\*\*Capacity at peak\*\*\n\n- \*\*Postgres simple inserts\*\*: exceeds/));
  test("solve --format md", () => expect(napkin(["solve", "gps-pings", "--format", "md"]).stdout).toMatch(/^## [\s\S]*\| step \| formula \|[\s\S]*\*\*Answers\*\*\n\n\| quantity \| is \| napkin \|/));
  test("--json and --format md together are refused", () => expectUsageError(["estimate", ...runs[0], "--json", "--format", "md"], /--json and --format md: give one/));
});
