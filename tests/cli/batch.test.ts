import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { expectClose, expectUsageError, napkin, root } from "../helpers.js";

const K = 1e3, M = 1e6, day = 86_400;
const presetPath = (path: string) => join(root, "presets", path);
const row = (rows: any[], id: string, quantity: string) => rows.find((r) => r.id === id && r.quantity === quantity);

describe("napkin batch over the bundled presets", () => {
  const run = napkin(["batch", "--json"]);
  const { rows, summary, malformed } = JSON.parse(run.stdout);
  test("exits 1: the notes' recorded attempts include wrong ones", () => expect(run.code).toBe(1));
  test("no preset is malformed", () => expect(malformed).toEqual([]));
  test("flags the notes' 66 pings/s as wrong: 1000× too small", () => {
    const pings = row(rows, "gps-pings", "pingsPerSec");
    expect([pings.attempt, pings.verdict, pings.cause]).toEqual(["66", "wrong", "scale-1000"]);
    expectClose(pings.correct.value, (200 * K) / 3);
    expectClose(pings.factor, 66 / ((200 * K) / 3));
  });
  test("flags the notes' 6k/sec bandwidth as a dropped K", () => expect(row(rows, "gps-pings", "bandwidth")).toMatchObject({ verdict: "wrong", cause: "scale-1000" }));
  test("flags the notes' 18,000 deliveries as a dropped zero", () => expect(row(rows, "driver-location", "activeDeliveries")).toMatchObject({ verdict: "wrong", cause: "slipped-zero" }));
  test("passes the notes' 100 writes/s (10M/day with a 10⁵ s day)", () => {
    const qps = row(rows, "messages-storage", "writeQps");
    expect(qps.verdict).toBe("ok");
    expectClose(qps.correct.value, (20 * M * 0.05 * 10) / day);
  });
  test("passes the notes' 150 GB/month", () => expect(row(rows, "messages-storage", "storagePerMonth").verdict).toBe("ok"));
  test("passes the notes' 60 events/s (6M/day with a 10⁵ s day)", () => expect(row(rows, "kafka-order-events", "eventsPerSec").verdict).toBe("ok"));
  test("passes the notes' 90K pings/s for driver tracking", () => expect(row(rows, "driver-location", "pingsPerSec").verdict).toBe("ok"));
  test("passes the notes' donations verdicts (400/s fits everywhere)", () =>
    expect(rows.filter((r: any) => r.id === "donations-spike").map((r: any) => r.verdict)).toEqual(["ok", "ok", "ok", "ok"]));
  test("exactly three recorded attempts are wrong", () => expect(summary.wrong).toBe(3));
  test("a row for every asked quantity, attempted or not", () => expect(row(rows, "url-shortener", "writeQps")).toMatchObject({ attempt: null, verdict: null }));
  const text = napkin(["batch"]).stdout;
  test("the table: id, quantity, attempt, correct, verdict, diagnosis", () => expect(text).toMatch(/gps-pings\s+pingsPerSec\s+66\s+66\.7K\/s\s+wrong\s+off by 1000×: a dropped K\?/));
  test("the summary line", () => expect(text).toMatch(/25 exercises solved, \d+ quantities; 16 recorded attempts: 13 right, 3 wrong/));
});

describe("napkin batch over a folder", () => {
  const dir = mkdtempSync(join(tmpdir(), "napkin-batch-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, "good"));
  copyFileSync(presetPath("messaging/messages-storage.json"), join(dir, "good/messages-storage.json"));
  copyFileSync(presetPath("payments/donations-spike.json"), join(dir, "good/donations-spike.json"));
  test("all attempts right: exit 0", () => expect(napkin(["batch", join(dir, "good")]).code).toBe(0));

  const bad = join(dir, "bad");
  mkdirSync(bad);
  const gps = JSON.parse(readFileSync(presetPath("location/gps-pings.json"), "utf8"));
  const write = (name: string, data: unknown) => writeFileSync(join(bad, name), typeof data === "string" ? data : JSON.stringify(data));
  write("gps-pings.json", gps);
  write("missing-field.json", { ...gps, id: "missing-field", title: undefined });
  write("wrong-type.json", { ...gps, id: "wrong-type", tags: "location" });
  write("unknown-unit.json", { ...gps, id: "unknown-unit", inputs: { ...gps.inputs, payload: "100 bites" } });
  write("bad-expected.json", { ...gps, id: "bad-expected", expected: { ...gps.expected, pingsPerSec: { value: "66/s", tolerance: "5%" } } });
  write("not-json.json", "{ nope");
  write("duplicate.json", gps);
  const run = napkin(["batch", bad]);
  const errors = run.stderr.trimEnd().split("\n");
  const file = (name: string) => join(bad, name);
  test("exits 2 when a preset is malformed", () => expect(run.code).toBe(2));
  test("a missing field: file: path: message", () => expect(errors).toContain(`napkin: error: ${file("missing-field.json")}: title: Invalid input: expected string, received undefined`));
  test("a wrong type", () => expect(errors).toContain(`napkin: error: ${file("wrong-type.json")}: tags: Invalid input: expected array, received string`));
  test("an unknown unit, with a did-you-mean", () => expect(errors.find((e) => e.includes("unknown-unit.json"))).toMatch(/unknown-unit\.json: inputs\.payload: unknown word 'bites'.*did you mean 'bytes'/));
  test("an expected answer napkin disagrees with", () => expect(errors.find((e) => e.includes("bad-expected.json"))).toMatch(/bad-expected\.json: expected\.pingsPerSec\.value: '66\/s' disagrees with napkin's 66\.7K\/s/));
  test("invalid JSON", () => expect(errors.find((e) => e.includes("not-json.json"))).toMatch(/not-json\.json: not valid JSON/));
  test("a duplicate id (files run in name order)", () => expect(errors.find((e) => e.includes(file("gps-pings.json")))).toMatch(/gps-pings\.json: id: 'gps-pings' is already the id of .*duplicate\.json/));
  test("one line per problem, nothing else on stderr", () => expect(errors).toHaveLength(6));
  test("the good preset is still reported", () => expect(run.stdout).toMatch(/gps-pings\s+pingsPerSec\s+66\s+66\.7K\/s\s+wrong/));
  test("the summary counts the malformed files", () => expect(run.stdout).toMatch(/6 malformed files/));
  test("a path that does not exist is an error", () => expectUsageError(["batch", join(dir, "nope")], /cannot read '.*nope': no such file or folder/));
  test("a folder without exercises is an error", () => {
    mkdirSync(join(dir, "empty"));
    expectUsageError(["batch", join(dir, "empty")], /no exercise files/);
  });
});
