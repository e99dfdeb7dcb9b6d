import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { expectUsageError, napkin } from "../helpers.js";

const dir = mkdtempSync(join(tmpdir(), "napkin-ref-"));
const file = (name: string, content: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content));
  return path;
};
const figure = { id: "postgres.inserts", topics: ["postgres"], name: "Postgres inserts (tuned)", value: "20K-40K/s", per: "primary", conditions: "tuned, batched", load: "writes", source: "my benchmark", asOf: "2026-11-01" };

describe("napkin ref", () => {
  test("prints every table", () => expect(napkin(["ref"]).stdout).toMatch(/Throughput[\s\S]*Latency[\s\S]*Rules/));
  test("shows the notes' Postgres figure with its source", () => expect(napkin(["ref", "postgres"]).stdout).toMatch(/5,000-10,000\/s[\s\S]*study notes/));
  test("each source says as of when", () => expect(napkin(["ref", "postgres", "--wide"]).stdout).toMatch(/study notes[^\n]*\(as of \d{4}-\d{2}-\d{2}\)/));
  test("a --reference file's date is shown with its source", () =>
    expect(napkin(["--reference", file("dated.json", { figures: [figure] }), "ref", "postgres", "--wide"]).stdout).toMatch(/my benchmark \(as of 2026-11-01\)/));
  test("postgres filters out Redis", () => expect(napkin(["ref", "postgres"]).stdout).not.toMatch(/Redis/));
  test("latency", () => expect(napkin(["ref", "latency"]).stdout).toMatch(/L1 cache[\s\S]*0\.5 ns/));
  test("--json gives base-unit ranges", () => {
    const inserts = JSON.parse(napkin(["ref", "postgres", "--json"]).stdout).figures.find((f: any) => f.id === "postgres.inserts");
    expect([inserts.low, inserts.high]).toEqual([5000, 10_000]);
  });
  test("unknown topic suggests", () => expectUsageError(["ref", "latncy"], /no reference topic 'latncy'.*latency/));
});

describe("--reference FILE", () => {
  test("overrides a figure by id", () => {
    const path = file("tuned.json", { figures: [figure] });
    const r = JSON.parse(napkin(["--reference", path, "estimate", "--qps", "5K", "--json"]).stdout);
    expect(r.capacity.find((c: any) => c.figure === "postgres.inserts").verdict).toBe("fits");
  });
  test("adds a figure", () => {
    const path = file("extra.json", { figures: [{ ...figure, id: "cassandra.writes", name: "Cassandra writes", topics: ["cassandra"] }] });
    expect(napkin(["--reference", path, "ref", "cassandra"]).stdout).toMatch(/Cassandra writes/);
  });
  test("missing file", () => expectUsageError(["--reference", join(dir, "nope.json"), "ref"], /cannot read '.*nope\.json': no such file/));
  test("a directory", () => expectUsageError(["--reference", dir, "ref"], /is a directory/));
  test("bad JSON", () => expectUsageError(["--reference", file("bad.json", "{ nope"), "ref"], /bad\.json: not valid JSON/));
  test("missing field names file and path", () => {
    const { source: _source, ...noSource } = figure;
    expectUsageError(["--reference", file("nosource.json", { figures: [noSource] }), "ref"], /nosource\.json: figures\.0\.source: .*expected string/);
  });
  test("wrong type", () => expectUsageError(["--reference", file("type.json", { figures: [{ ...figure, topics: "postgres" }] }), "ref"], /type\.json: figures\.0\.topics: .*expected array/));
  test("unknown unit in a value", () => expectUsageError(["--reference", file("unit.json", { figures: [{ ...figure, value: "5 zorks/s" }] }), "ref"], /unit\.json: figures\.0\.value: unknown word 'zorks'/));
});
