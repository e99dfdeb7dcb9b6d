import { describe, expect, test } from "vitest";
import { type SlipContext, everySlip, explainRatio, judgeValue } from "../../src/core/judge/slips.js";

const point = (v: number) => ({ low: v, high: v });
const none: SlipContext = { data: false, time: false, period: false, day: false, month: false, power: false };

/** Expects a wrong answer with this slip. */
const expectSlip = (stated: number, correct: number, code: string, context: SlipContext = everySlip, tolerance?: number) =>
  expect(judgeValue(stated, point(correct), context, tolerance)).toMatchObject({ verdict: "wrong", slip: { code } });
const expectRight = (stated: number, correct: number, tolerance?: number) => expect(judgeValue(stated, point(correct), everySlip, tolerance).verdict).toBe("ok");

describe("judgeValue", () => {
  test("66 for 200K/3 is a dropped K", () => expectSlip(66, 200_000 / 3, "scale-1000"));
  test("the slip's factor is stated ÷ right", () => expect(judgeValue(66, point(200_000 / 3), everySlip).slip!.factor).toBeCloseTo(1 / 1000));
  test("18,000 for 180,000 is a dropped zero", () => expectSlip(18_000, 180_000, "slipped-zero"));
  test("1 GB/s for 1 Gbps is bits vs bytes", () => expectSlip(1e9, 1e9 / 8, "bits-bytes"));
  test("…but not where nothing is data", () => expectSlip(96, 12, "other", none));
  test("6 MB for 6 GB is a dropped K", () => expectSlip(6e6, 6e9, "scale-1000"));
  test("an extra M", () => expectSlip(5e12, 5e6, "scale-1e6"));
  test("100 for 115.7 is right (10⁵ s/day)", () => expectRight(100, 1e7 / 86_400));
  test("100 for 115.7 is wrong at 10%: 10⁵ against 86,400", () => expectSlip(100, 1e7 / 86_400, "interview-day", everySlip, 0.1));
  test("within 25% is right", () => expectRight(6000, 6667));
  test("30% off is wrong", () => expect(judgeValue(130, point(100), everySlip).verdict).toBe("wrong"));
  test("a missing peak factor, when the problem has one", () => expectSlip(100, 300, "missing-peak", { ...everySlip, peak: [3] }));
  test("a missing replication, when the problem has one", () => expectSlip(100, 300, "missing-replication", { ...everySlip, replication: 3 }));
  test("without context a 3× miss has no named cause", () => expectSlip(100, 300, "other"));
  test("7× with no period in sight has no named cause", () => expectSlip(20, 140, "other", none));
  test("GiB for GB at 1% tolerance", () => expectSlip(1.073741824e9, 1e9, "binary-decimal", everySlip, 0.01));
  test("ranges: inside is right", () => expect(judgeValue(7000, { low: 5000, high: 10_000 }, everySlip).verdict).toBe("ok"));
  test("a ratio of 86,400 is per-second for per-day", () => expectSlip(1, 86_400, "day-seconds"));
  test("24 is 3,600 for a day", () => expectSlip(24, 1, "hour-day"));
  test("60 is a minute for an hour", () => expectSlip(60, 1, "minute-hour"));
  test("30 is a month for a day", () => expectSlip(30, 1, "period"));
});

describe("explainRatio", () => {
  test("the nearer slip wins: ×10 is a zero, not bits (×8)", () => expect(explainRatio(10, everySlip)?.slip.code).toBe("slipped-zero"));
  test("×8 is bits", () => expect(explainRatio(8, everySlip)?.slip.code).toBe("bits-bytes"));
  test("no slip explains ×3 by itself", () => expect(explainRatio(3, everySlip)).toBeUndefined());
});
