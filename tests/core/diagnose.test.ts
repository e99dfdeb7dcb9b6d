import { describe, expect, test } from "vitest";
import { diagnoseAnswer } from "../../src/core/diagnose.js";

const point = (v: number) => ({ low: v, high: v });

/** Expects a wrong answer with this cause. */
const expectSlip = (stated: number, correct: number, cause: string, context = {}) =>
  expect(diagnoseAnswer(stated, point(correct), context)).toMatchObject({ verdict: "wrong", cause });
const expectRight = (stated: number, correct: number, tolerance?: number) =>
  expect(diagnoseAnswer(stated, point(correct), { tolerance }).verdict).toBe("ok");

describe("diagnoseAnswer", () => {
  test("66 for 200K/3 is a dropped K", () => expectSlip(66, 200_000 / 3, "scale-1000"));
  test("the diagnosis says so", () => expect(diagnoseAnswer(66, point(200_000 / 3)).diagnosis).toMatch(/1K×.*dropped K|1000×.*dropped K/));
  test("18,000 for 180,000 is a dropped zero", () => expectSlip(18_000, 180_000, "slipped-zero"));
  test("1 GB/s for 1 Gbps is bits vs bytes", () => expectSlip(1e9, 1e9 / 8, "bits-bytes"));
  test("6 MB for 6 GB is a dropped K", () => expectSlip(6e6, 6e9, "scale-1000"));
  test("an extra M", () => expectSlip(5e12, 5e6, "scale-1e6"));
  test("100 for 115.7 is right (10⁵ s/day)", () => expectRight(100, 1e7 / 86_400));
  test("…and says which convention", () => expect(diagnoseAnswer(100, point(1e7 / 86_400)).diagnosis).toMatch(/10⁵/));
  test("100 for 115.7 is wrong at 10%", () => expectSlip(100, 1e7 / 86_400, "day-seconds", { tolerance: 0.1 }));
  test("within 25% is right", () => expectRight(6000, 6667));
  test("30% off is wrong", () => expect(diagnoseAnswer(130, point(100)).verdict).toBe("wrong"));
  test("a missing peak factor, when the problem has one", () => expectSlip(100, 300, "missing-peak", { peak: [3] }));
  test("a missing replication, when the problem has one", () => expectSlip(100, 300, "missing-replication", { replication: 3 }));
  test("without context a 3× miss has no named cause", () => expectSlip(100, 300, "other"));
  test("GiB for GB at 1% tolerance", () => expectSlip(1.073741824e9, 1e9, "binary-decimal", { tolerance: 0.01 }));
  test("ranges: inside is right", () => expect(diagnoseAnswer(7000, { low: 5000, high: 10_000 }).verdict).toBe("ok"));
});
