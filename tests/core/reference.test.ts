import { describe, expect, test } from "vitest";
import { builtInReference } from "../../src/core/builtinReference.js";
import { readNotation } from "../../src/core/notation/index.js";

const table = builtInReference();

/** Every rule in the data file holds: its expression equals its stated value, within its tolerance. */
describe("reference rules hold", () => {
  test.each(table.rules.map((r) => [r.id, r]))("%s", (_, rule) => {
    const left = readNotation(rule.expression).quantity;
    const right = readNotation(rule.equals).quantity;
    expect(left.dim).toEqual(right.dim);
    const tolerance = rule.tolerance ? Number(rule.tolerance.replace("%", "")) / 100 : 1e-3;
    expect(Math.abs(left.low - right.low) / Math.abs(right.low)).toBeLessThanOrEqual(tolerance);
  });
});

describe("reference figures", () => {
  test("the notes' figures: Postgres 5–10K inserts/s", () => expect(table.figures.find((f) => f.id === "postgres.inserts")?.quantity).toMatchObject({ low: 5000, high: 10_000 }));
  test("Redis 100–300K ops/s", () => expect(table.figures.find((f) => f.id === "redis.ops")?.quantity).toMatchObject({ low: 100_000, high: 300_000 }));
  test("Kafka 1M+ msgs/s", () => expect(table.figures.find((f) => f.id === "kafka.msgs")).toMatchObject({ openEnded: true, quantity: { low: 1e6 } }));
  test.each(table.figures.map((f) => [f.id, f]))("%s has a source and a positive range", (_, figure) => {
    expect(figure.source.length).toBeGreaterThan(5);
    expect(figure.quantity.low).toBeGreaterThan(0);
    expect(figure.quantity.high).toBeGreaterThanOrEqual(figure.quantity.low);
  });
  test("ids are unique", () => expect(new Set(table.figures.map((f) => f.id)).size).toBe(table.figures.length));
});
