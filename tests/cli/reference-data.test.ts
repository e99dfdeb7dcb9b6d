import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { expectUsageError, napkin } from "../helpers.js";

// The reference data a whole interview needs (issue 16): sourced figures over many components, used by check's
// capacity over-claims and by estimate --against and --cost, and a `ref` that fits a terminal.

interface FigureJson {
  id: string;
  component?: string;
  topics: string[];
  name: string;
  value: string;
  per?: string;
  conditions: string;
  load?: string;
  match?: { component: string[]; operation: string[] };
  scalesOut?: boolean;
  openEnded?: boolean;
  source: string;
  asOf: string;
  low: number;
  high: number;
}
const figures: FigureJson[] = JSON.parse(napkin(["ref", "--json"]).stdout).figures;
const dir = mkdtempSync(join(tmpdir(), "napkin-reference-"));
const file = (name: string, content: unknown) => {
  writeFileSync(join(dir, name), JSON.stringify(content));
  return join(dir, name);
};
/** The longest line, in characters (not bytes: `›` and `–` are one column). */
const widest = (text: string) => Math.max(...text.split("\n").map((line) => [...line].length));

describe("the data", () => {
  test("at least 40 figures over at least 15 components", () => {
    expect(figures.length).toBeGreaterThanOrEqual(40);
    expect(new Set(figures.map((f) => f.component).filter(Boolean)).size).toBeGreaterThanOrEqual(15);
  });
  test.each(figures.map((f) => [f.id, f]))("%s has a source, an as-of date and its conditions", (_, f) => {
    expect(f.source.trim().length).toBeGreaterThan(10);
    expect(f.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(f.conditions.trim()).not.toBe("");
    // A figure a load is compared with says what it is per: a node, a partition, a prefix, a link.
    if (f.load || f.match) expect(f.per).toBeTruthy();
  });
  test("the user's notes' figures stay, with their source", () =>
    expect(figures.filter((f) => ["postgres.inserts", "postgres.indexed-reads", "redis.ops", "kafka.msgs"].includes(f.id)).map((f) => [f.value, /study notes/.test(f.source)])).toEqual([
      ["5,000-10,000/s", true], ["10,000-50,000/s", true], ["100K-300K/s", true], ["1M/s", true],
    ]));
  test.each([
    ["source", { source: undefined }],
    ["asOf", { asOf: undefined }],
    ["conditions", { conditions: undefined }],
  ])("a figure without its %s is refused, naming the field", (field, change) => {
    const figure = { id: "x.y", topics: ["x"], name: "X", value: "5K/s", per: "node", conditions: "c", source: "s", asOf: "2026-01-01", ...change };
    expectUsageError(["--reference", file(`no-${field}.json`, { figures: [figure] }), "ref"], new RegExp(`figures\\.0\\.${field}: `));
  });
});

describe("check: capacity over-claims for every component and operation in the table", () => {
  // From the data: one unit of the component handling ten times the figure's high end, in the figure's own unit.
  const claimable = figures.filter((f) => f.match && !f.openEnded);
  const amount = (f: FigureJson, times: number) =>
    f.load === "connections" ? `${f.high * times} connections` : f.load === "bandwidth" ? `${(f.high * times) / 1e6} MB/s of ${f.match!.operation[0]}` : `${f.high * times} ${f.match!.operation[0]}/s`;
  test.each(claimable.map((f) => [f.id, f]))("%s: one unit claimed at 10× the table is a reference finding", (_, f) => {
    const claim = `one ${f.match!.component[0]} ${f.per} handles ${amount(f, 10)}`;
    const found = JSON.parse(napkin(["check", "--json", "-e", claim]).stdout).findings;
    expect(found, claim).toEqual([expect.objectContaining({ verdict: "reference", rule: "capacity", figure: expect.objectContaining({ id: f.id }) })]);
  });
  test.each(claimable.map((f) => [f.id, f]))("%s: a total spread over several nodes is not", (_, f) => {
    const claim = `${f.match!.component[0]} ${f.match!.operation[0]} (6 nodes): ${amount(f, 10)} in total`;
    expect(napkin(["check", "-e", claim]).code, claim).toBe(0);
  });
  test("the issue's example: one MySQL primary does 200K inserts/s", () => expect(napkin(["check", "-e", "one MySQL primary does 200K inserts/s"]).stdout).toMatch(/reference \[capacity\].*1K–50K\/s \(MySQL inserts, per primary\)/));
  test("Redis requests (6 nodes): 1.25M/s is a cluster's total", () => expect(napkin(["check", "-e", "Redis requests (6 nodes): 1.25M/s"]).code).toBe(0));
  test("a component that scales out is over-claimed only per unit: Cassandra handles 1M writes/s is about the cluster", () => {
    expect(napkin(["check", "-e", "Cassandra handles 1M writes/s"]).code).toBe(0);
    expect(napkin(["check", "-e", "a single Cassandra node handles 1M writes/s"]).code).toBe(1);
  });
  test("Portuguese: um nó do Cassandra aguenta 1M escritas/s", () => expect(napkin(["check", "-e", "um nó do Cassandra aguenta 1M escritas/s"]).code).toBe(1));
  test("a load inside the range is fine", () => expect(napkin(["check", "-e", "one DynamoDB partition handles 800 writes/s"]).code).toBe(0));
});

describe("estimate --against and --cost", () => {
  const estimate = (...args: string[]) => JSON.parse(napkin(["estimate", "--dau", "10M", "--per-user", "20", "--reads-per-write", "10", "--payload", "2KB", "--retention", "1y", "--json", ...args]).stdout);
  test("the default set stays the notes' four figures", () => expect(estimate().capacity.map((c: { figure: string }) => c.figure)).toEqual(["postgres.inserts", "postgres.indexed-reads", "redis.ops", "kafka.msgs"]));
  test("--against cassandra,s3 compares with those components' figures", () =>
    expect(estimate("--against", "cassandra,s3").capacity.map((c: { figure: string }) => c.figure)).toEqual(["cassandra.writes", "s3.writes", "s3.reads"]));
  test("--against a figure's id compares with that figure only", () => expect(estimate("--against", "dynamodb.partition-writes").capacity.map((c: { figure: string }) => c.figure)).toEqual(["dynamodb.partition-writes"]));
  test("the verdict counts the units: 6.94K writes/s over 1K per DynamoDB partition is 7 partitions", () => {
    const peak = ((10e6 * 20) / 86_400) * 3;
    const check = estimate("--against", "dynamodb.partition-writes").capacity[0];
    expect([check.verdict, check.nodes.high]).toEqual(["exceeds", Math.ceil(peak / 1000)]);
  });
  test("connections are compared with a connection server's figure", () => {
    const r = JSON.parse(napkin(["estimate", "--concurrent", "5M", "--interval", "30s", "--against", "websocket", "--json"]).stdout);
    expect(r.capacity[0]).toMatchObject({ figure: "websocket.connections", unit: "connections", load: 5e6, verdict: "exceeds", nodes: { low: Math.ceil(5e6 / 2e6), high: Math.ceil(5e6 / 1e5) } });
  });
  test("an unknown component exits 2 with a suggestion", () => expectUsageError(["estimate", "--qps", "5K", "--against", "cassndra"], /--against: no figure to compare a load with for 'cassndra'.*did you mean 'cassandra'/));
  test("--cost prices storage kept and egress per month, with the rate used", () => {
    const r = estimate("--cost");
    const stored = 10e6 * 20 * 2000 * 365; // bytes kept over one year
    const egress = ((10e6 * 20 * 10) / 86_400) * 2000 * 30 * 86_400; // bytes served in a 30-day month
    expect(r.ranges.storageCostPerMonth).toEqual({ low: (stored / 1e9) * 0.02, high: expect.closeTo((stored / 1e9) * 0.023, 6) });
    expect(r.ranges.egressCostPerMonth).toEqual({ low: expect.closeTo((egress / 1e9) * 0.09, 6), high: expect.closeTo((egress / 1e9) * 0.1, 6) });
    expect(r.steps.find((s: { result: string }) => s.result === "storageCostPerMonth").formula).toMatch(/146 TB × \$0\.02-0\.023\/GB\/month \(Object storage\)/);
  });
  test("--reference overrides a cost figure", () => {
    const cheap = { id: "cost.storage-gb-month", topics: ["cost"], name: "Cold storage", value: "$0.001/GB/month", per: "GB-month", conditions: "archive tier", source: "my bill", asOf: "2026-11-01" };
    const r = JSON.parse(napkin(["--reference", file("cheap.json", { figures: [cheap] }), "estimate", "--dau", "10M", "--per-user", "20", "--payload", "2KB", "--retention", "1y", "--cost", "--json"]).stdout);
    expect(r.results.storageCostPerMonth).toBeCloseTo(((10e6 * 20 * 2000 * 365) / 1e9) * 0.001, 6);
  });
  test("--cost with nothing to price exits 2 naming what it needs", () => expectUsageError(["estimate", "--qps", "5K", "--cost"], /--cost prices storage and egress: it needs --payload/));
});

describe("ref fits the terminal", () => {
  test("COLUMNS=80 napkin ref prints no line over 80 characters", () => expect(widest(napkin(["ref"], { env: { COLUMNS: "80" } }).stdout)).toBeLessThanOrEqual(80));
  test("nor at 70", () => expect(widest(napkin(["ref"], { env: { COLUMNS: "70" } }).stdout)).toBeLessThanOrEqual(70));
  test("without COLUMNS, off a terminal, it is 80", () => expect(widest(napkin(["ref"], { env: { COLUMNS: "" } }).stdout)).toBeLessThanOrEqual(80));
  test("--wide keeps one row per line", () => {
    const wide = napkin(["ref", "--wide"]).stdout;
    for (const f of figures) expect(wide.split("\n").some((line) => line.includes(f.name) && line.includes(`(as of ${f.asOf})`)), f.id).toBe(true);
  });
  test("ref <component> as today", () => expect(napkin(["ref", "cassandra", "--wide"]).stdout).toMatch(/Cassandra writes\s+4K-50K\/s\s+node/));
  test("ref cost lists the cost figures and nothing else", () => {
    const costs = JSON.parse(napkin(["ref", "cost", "--json"]).stdout).figures.map((f: FigureJson) => f.id);
    expect(costs).toEqual(figures.filter((f) => f.topics.includes("cost")).map((f) => f.id));
    expect(costs).toEqual(expect.arrayContaining(["cost.storage-gb-month", "cost.egress-gb", "cost.server-month"]));
    expect(napkin(["ref", "cost"]).stdout).toMatch(/^Costs\n/);
  });
  test.each([
    ["the design card", ["--dau", "10M", "--online", "30min", "--interval", "30s", "--payload", "200B", "--peak", "3x"]],
    ["every input", ["--users", "20M", "--dau-ratio", "5%", "--per-user", "10", "--payload", "300B", "--retention", "5y", "--replication", "3", "--reads-per-write", "10", "--cache", "20%", "--fanout", "50", "--server-qps", "1000", "--headroom", "70%", "--cost"]],
    ["against many components", ["--dau", "10M", "--per-user", "20", "--reads-per-write", "10", "--payload", "2KB", "--against", "cassandra,s3,dynamodb,network,ssd,hdd,memcached,cdn,kafka", "--cost"]],
    ["a scenario", ["--preset", "pastebin-streams", "--cost"]],
  ])("COLUMNS=80 napkin estimate (%s) prints no line over 80 characters", (_, args) => expect(widest(napkin(["estimate", ...args], { env: { COLUMNS: "80" } }).stdout)).toBeLessThanOrEqual(80));
});
