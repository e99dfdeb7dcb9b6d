import { describe, expect, test } from "vitest";
import { expectClose, expectUsageError, napkin } from "../helpers.js";

/** Runs `napkin estimate --json` with these flags. */
function estimate(...args: string[]) {
  const run = napkin(["estimate", ...args, "--json"]);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout);
}

const capacity = (result: { capacity: { figure: string }[] }, figure: string) => result.capacity.find((c) => c.figure === figure) as any;

/** The verdict a reference range implies for a load: the test's own statement of the rule. */
const verdictFor = (load: number, low: number, high: number) => (load <= low ? "fits" : load <= high ? "tight" : "exceeds");

const K = 1e3, M = 1e6, day = 86_400;

describe("GPS pings: 200K drivers every 3 s, 100 bytes each", () => {
  const r = estimate("--concurrent", "200K", "--interval", "3s", "--payload", "100B");
  const pings = (200 * K) / 3;
  const peak = pings * 3;
  test("66,667 pings/s", () => expectClose(r.results.avgQps, pings, 1e-9));
  test("6.67 MB/s ingress", () => expectClose(r.results.bandwidthBytesPerSec, pings * 100, 1e-9));
  test("53.3 Mbps", () => expectClose(r.results.bandwidthBitsPerSec, pings * 800, 1e-9));
  test("peak at the default 3x", () => expectClose(r.results.peakQps, peak, 1e-9));
  test("Postgres inserts exceed", () => expect(capacity(r, "postgres.inserts").verdict).toBe("exceeds"));
  test("…by 20–40 primaries' worth", () => expect(capacity(r, "postgres.inserts").nodes).toEqual({ low: Math.ceil(peak / 10_000), high: Math.ceil(peak / 5_000) }));
  test("the verdict says it", () => expect(capacity(r, "postgres.inserts").say).toMatch(/20–40 primaries' worth/));
  test("Kafka fits", () => expect(capacity(r, "kafka.msgs").verdict).toBe("fits"));
  test("Redis gets the verdict its 100–300K range implies", () => expect(capacity(r, "redis.ops").verdict).toBe(verdictFor(peak, 100 * K, 300 * K)));
  test("storage per day", () => expectClose(r.results.storageBytesPerDay, pings * day * 100, 1e-9));
  test("text shows the step with the user's numbers", () => expect(napkin(["estimate", "--concurrent", "200K", "--interval", "3s"]).stdout).toMatch(/200K ÷ 3s\s+66,667 \/s\s+≈ 66\.7K\/s/));
});

describe("messages: 20M users, 5% DAU, 10 messages/day, 500 bytes", () => {
  const r = estimate("--users", "20M", "--dau-ratio", "5%", "--per-user", "10", "--payload", "500B");
  const dau = 20 * M * 0.05;
  const perDay = dau * 10;
  test("1M DAU", () => expectClose(r.results.dau, dau));
  test("10M messages/day", () => expectClose(r.results.eventsPerDay, perDay));
  test("≈115.7/s", () => expectClose(r.results.avgQps, perDay / day));
  test("≈100/s with 10⁵ s/day", () => expect(r.steps.find((s: any) => s.label === "avg writes/s").napkin).toMatch(new RegExp(`≈ ${perDay / 1e5}/s with 10⁵`)));
  test("both divisors are shown", () => expect(r.steps.find((s: any) => s.label === "avg writes/s").formula).toMatch(/86,400/));
  test("5 GB/day", () => expectClose(r.results.storageBytesPerDay, perDay * 500));
  test("150 GB/month", () => expectClose(r.results.storageBytesPerMonth, perDay * 500 * 30));
  test("per-user accepts 10/day", () => expectClose(estimate("--users", "20M", "--dau-ratio", "5%", "--per-user", "10/day").results.eventsPerDay, perDay));
});

describe("Kafka events: 3M orders/day, 2 events each, 1 KB", () => {
  const r = estimate("--dau", "3M", "--per-user", "1", "--events-per-action", "2", "--payload", "1KB");
  const events = 3 * M * 2;
  test("6M events/day", () => expectClose(r.results.eventsPerDay, events));
  test("≈69.4/s", () => expectClose(r.results.avgQps, events / day));
  test("6 GB/day", () => expectClose(r.results.storageBytesPerDay, events * K));
  test("42 GB/week", () => expectClose(r.results.storageBytesPerWeek, events * K * 7));
  test("1 TB/year is 365 days", () => expectClose(r.results.storageBytesPerYear, events * K * 365));
});

describe("Little's law: 100 arrivals/s, 30-minute sessions, a ping every 2 s", () => {
  const r = estimate("--arrivals", "100/s", "--session", "30min", "--interval", "2s", "--peak", "3");
  const concurrent = 100 * 30 * 60;
  test("180,000 concurrent", () => expectClose(r.results.concurrent, concurrent));
  test("90,000 writes/s", () => expectClose(r.results.avgQps, concurrent / 2));
  test("270,000/s at peak", () => expectClose(r.results.peakQps, (concurrent / 2) * 3));
});

describe("--qps 400", () => {
  const r = estimate("--qps", "400");
  test.each(["postgres.inserts", "redis.ops"])("%s fits", (figure) => expect(capacity(r, figure).verdict).toBe("fits"));
  test("one node", () => expect(capacity(r, "postgres.inserts").nodes).toEqual({ low: 1, high: 1 }));
  test("no payload: no bandwidth key", () => expect(r.results).not.toHaveProperty("bandwidthBytesPerSec"));
  test("no read ratio: no read rows and no read capacity", () => {
    expect(r.results).not.toHaveProperty("readQps");
    expect(capacity(r, "postgres.indexed-reads")).toBeUndefined();
  });
  test("a write-only load is not told to add read replicas", () => expect(JSON.stringify(r.capacity)).not.toMatch(/read replicas/));
});

describe("reads, retention and replication", () => {
  const r = estimate("--qps", "400", "--reads-per-write", "10", "--payload", "1KB", "--retention", "5y", "--replication", "3");
  test("reads/s", () => expectClose(r.results.readQps, 4000));
  test("peak reads", () => expectClose(r.results.peakReadQps, 12_000));
  test("egress", () => expectClose(r.results.egressBytesPerSec, 4000 * K));
  test("retention × replication", () => expectClose(r.results.storageBytesRetention, 400 * K * day * 365 * 5 * 3));
  test("--read-ratio 100:1", () => expectClose(estimate("--qps", "400", "--read-ratio", "100:1").results.readQps, 40_000));
  test("reads load Postgres reads", () => expectClose(capacity(r, "postgres.indexed-reads").load, 12_000));
  test("reads and writes load Redis", () => expectClose(capacity(r, "redis.ops").load, 12_000 + 1_200));
});

describe("ranges flow through", () => {
  const r = estimate("--concurrent", "200K", "--interval", "2-3s", "--peak", "3-5x");
  test("avg range low", () => expectClose(r.ranges.avgQps.low, (200 * K) / 3));
  test("avg range high", () => expectClose(r.ranges.avgQps.high, 100 * K));
  test("peak range low", () => expectClose(r.ranges.peakQps.low, 200 * K));
  test("peak range high", () => expectClose(r.ranges.peakQps.high, 500 * K));
});

describe("--month changes the month", () => {
  test("30.44 days", () => expectClose(JSON.parse(napkin(["--month", "30.44d", "estimate", "--qps", "1", "--payload", "1B", "--json"]).stdout).results.storageBytesPerMonth, day * 30.44));
});

describe("bad estimate input exits 2 with one line", () => {
  test("no traffic", () => expectUsageError(["estimate"], /no traffic to estimate/));
  test("two sources", () => expectUsageError(["estimate", "--dau", "1M", "--qps", "5"], /one traffic source/));
  test("negative DAU", () => expectUsageError(["estimate", "--dau", "-5"], /--dau: must be above zero/));
  test("zero interval", () => expectUsageError(["estimate", "--concurrent", "5", "--interval", "0s"], /--interval: must be above zero/));
  test("zero payload", () => expectUsageError(["estimate", "--qps", "5", "--payload", "0B"], /--payload: must be above zero/));
  test("payload in seconds", () => expectUsageError(["estimate", "--qps", "5", "--payload", "5s"], /--payload: expected a size/));
  test("unknown word", () => expectUsageError(["estimate", "--dau", "5 zorks"], /--dau: unknown word 'zorks'/));
  test("users without ratio", () => expectUsageError(["estimate", "--users", "5M"], /--dau-ratio/));
  test("concurrent without interval", () => expectUsageError(["estimate", "--concurrent", "5"], /--interval/));
  test("ratio above 100%", () => expectUsageError(["estimate", "--users", "5M", "--dau-ratio", "150%"], /at most 100%/));
  test("bad read ratio", () => expectUsageError(["estimate", "--qps", "5", "--read-ratio", "lots"], /--read-ratio/));
});

describe("flags as a user types them", () => {
  test("an unquoted value with a space names the stray word", () => expectUsageError(["estimate", "--dau", "1M", "--payload", "500", "bytes"], /unexpected 'bytes': a value with spaces needs quotes/));
  test("--session 30m is thirty minutes", () => expectClose(estimate("--arrivals", "100/s", "--session", "30m", "--interval", "2s").results.concurrent, 100 * 30 * 60));
  test("a peak below the average is refused", () => expectUsageError(["estimate", "--dau", "1M", "--peak", "0.5x"], /--peak: a peak is at least the average/));
  test("a flag's traffic source replaces the preset's", () => expectClose(estimate("--preset", "gps-pings", "--qps", "5").results.avgQps, 5));
  test("Little's law from a daily volume shows the 10⁵ s/day figure too", () =>
    expect(estimate("--arrivals", "10M/day", "--session", "30min", "--interval", "2s").steps[0].napkin).toMatch(new RegExp(`≈ ${(10e6 / 1e5) * 1800 / 1000}K with 10⁵ s/day`)));
});
