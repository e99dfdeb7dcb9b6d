import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { describe, expect, test } from "vitest";
import { expectClose, expectUsageError, napkin, root } from "../helpers.js";

const K = 1e3;
const pings = (200 * K) / 3;
const presetFiles = (readdirSync(join(root, "presets"), { recursive: true }) as string[]).filter((f) => f.endsWith(".json") && !basename(f).endsWith("schema.json"));
const presetData = presetFiles.map((f) => JSON.parse(readFileSync(join(root, "presets", f), "utf8")));

/** Runs napkin with --json and parses stdout, expecting this exit code. */
function json(args: string[], code = 0) {
  const run = napkin([...args, "--json"]);
  expect(run.code, run.stderr).toBe(code);
  return JSON.parse(run.stdout);
}

describe("napkin exercises", () => {
  const listed = json(["exercises"]);
  test("lists every bundled preset", () => expect(listed.map((e: any) => e.id).sort()).toEqual(presetData.map((p) => p.id).sort()));
  test("--tag notes lists the notes' exercises", () =>
    expect(json(["exercises", "--tag", "notes"]).map((e: any) => e.id).sort()).toEqual(presetData.filter((p) => p.tags.includes("notes")).map((p) => p.id).sort()));
  test("the text table has id, title and tags", () => expect(napkin(["exercises"]).stdout).toMatch(/id\s+title\s+tags[\s\S]*gps-pings\s+GPS pings/));
  test("an unknown tag is an error with a did-you-mean", () => expectUsageError(["exercises", "--tag", "notez"], /no exercise is tagged 'notez' \(did you mean 'notes'\?/));
});

describe("napkin solve", () => {
  const text = napkin(["solve", "gps-pings"]).stdout;
  test("prints the prompt with its numbers", () => expect(text).toMatch(/200K concurrent drivers, each sends a GPS ping every 3s/));
  test("then the worked derivation", () => expect(text).toMatch(/200K ÷ 3s\s+66,667 \/s\s+≈ 66\.7K\/s/));
  test("the capacity verdicts", () => expect(text).toMatch(/Postgres simple inserts .* exceeds/));
  test("napkin's answers beside the expected ones", () => expect(text).toMatch(/pingsPerSec\s+avgQps\s+66\.7K\/s\s+66\.7K\/s/));
  test("and the hints", () => expect(text).toMatch(/Hints[\s\S]*keep the K/i));
  test("--json gives napkin's answers in base units", () => expectClose(json(["solve", "gps-pings"]).answers.pingsPerSec.value, pings));
  test("a file path works as well as an id", () => expectClose(json(["solve", "presets/location/gps-pings.json"]).answers.bandwidth.value, pings * 100));
  test("an unknown id is an error with a did-you-mean", () => expectUsageError(["solve", "gps-pingz"], /no exercise 'gps-pingz' \(did you mean 'gps-pings'\?/));
});

describe("napkin grade", () => {
  const wrong = napkin(["grade", "gps-pings", "--answer", "pingsPerSec=66", "--answer", "bandwidth=6 KB/s"]);
  test("exits 1 when an answer is wrong", () => expect(wrong.code).toBe(1));
  test("says why: a dropped K", () => expect(wrong.stdout).toMatch(/pingsPerSec\s+66\s+66\.7K\/s\s+wrong\s+off by 1000×: a dropped K\?/));
  test("shows the worked step", () => expect(wrong.stdout).toMatch(/pingsPerSec: 200K ÷ 3s = 66,667 \/s/));
  test("and the score", () => expect(wrong.stdout).toMatch(/Score: 0\/2 right/));
  const graded = json(["grade", "gps-pings", "--answer", "pingsPerSec=66", "--answer", "bandwidth=6 KB/s"], 1);
  test("--json: the factor is 66 over 200K/3", () => expectClose(graded.answers[0].factor, 66 / pings));
  test("--json: the cause", () => expect(graded.answers.map((a: any) => a.cause)).toEqual(["scale-1000", "scale-1000"]));
  test("right answers exit 0", () => expect(napkin(["grade", "gps-pings", "--answer", "pingsPerSec=66.7K", "--answer", "bandwidth=53 Mbps"]).code).toBe(0));
  test("a capacity verdict", () => expect(napkin(["grade", "donations-spike", "--answer", "redisOps=fits"]).code).toBe(0));
  test("--answers reads a JSON file", () => {
    const dir = mkdtempSync(join(tmpdir(), "napkin-grade-"));
    const file = join(dir, "answers.json");
    writeFileSync(file, JSON.stringify({ writeQps: 100, storagePerMonth: "150 GB" }));
    const run = napkin(["grade", "messages-storage", "--answers", file]);
    rmSync(dir, { recursive: true, force: true });
    expect([run.code, run.stdout.match(/Score: .*/)?.[0]]).toEqual([0, "Score: 2/4 right (2 not answered)"]);
  });
  test("an unknown quantity is an error with a did-you-mean", () => expectUsageError(["grade", "gps-pings", "--answer", "pingsPerSecond=66"], /does not ask for 'pingsPerSecond' \(did you mean 'pingsPerSec'\?/));
  test("an answer without = is an error", () => expectUsageError(["grade", "gps-pings", "--answer", "66"], /--answer expects name=value/));
  test("no answers is an error naming what is asked", () => expectUsageError(["grade", "gps-pings"], /give answers .*gps-pings asks: pingsPerSec, bandwidth/));
  test("an unreadable answer is an error naming the quantity", () => expectUsageError(["grade", "gps-pings", "--answer", "pingsPerSec=66 bananas"], /pingsPerSec: unknown word 'bananas'/));
});

describe("napkin estimate --preset", () => {
  test("loads the exercise's inputs", () => expectClose(json(["estimate", "--preset", "gps-pings"]).results.avgQps, pings));
  test("flags override them", () => expectClose(json(["estimate", "--preset", "gps-pings", "--interval", "2s"]).results.avgQps, (200 * K) / 2));
  test("an unknown preset is an error", () => expectUsageError(["estimate", "--preset", "nope"], /no exercise 'nope'/));
});
