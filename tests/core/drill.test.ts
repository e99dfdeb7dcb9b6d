import { describe, expect, test } from "vitest";
import { napkinFriendly, planDrill, randomizeInputs, seededRandom, summarizeDrill } from "../../src/core/drill.js";
import { solveExercise } from "../../src/core/exercise.js";
import { readNotation } from "../../src/core/notation/index.js";
import { preset, reference } from "../exerciseHelpers.js";

const draws = (seed: number, n = 5) => Array.from({ length: n }, seededRandom(seed));
const value = (text: string) => readNotation(text).quantity.low;
const mantissa = (n: number) => Number((n / 10 ** Math.floor(Math.log10(n))).toPrecision(3));

const presets = [
  "location/gps-pings.json", "location/driver-location.json", "messaging/messages-storage.json", "events/kafka-order-events.json",
  "payments/donations-spike.json", "social/twitter-estimate.json", "storage/url-shortener.json", "media/video-upload.json",
].map((path) => preset(path).exercise);

describe("seededRandom", () => {
  test("the same seed gives the same numbers", () => expect(draws(42)).toEqual(draws(42)));
  test("another seed gives others", () => expect(draws(42)).not.toEqual(draws(43)));
  test("numbers lie in [0, 1)", () => expect(draws(7, 1000).every((x) => x >= 0 && x < 1)).toBe(true));
});

describe("napkinFriendly", () => {
  test("7 → 8 (nearer in ratio than 6)", () => expect(napkinFriendly(7)).toBe(8));
  test("270K → 250K", () => expect(napkinFriendly(270_000)).toBe(250_000));
  test("1.2M → 1M", () => expect(napkinFriendly(1_200_000)).toBe(1_000_000));
  test("0.13 → 0.15", () => expect(napkinFriendly(0.13)).toBe(0.15));
  test("9.5 → 10", () => expect(napkinFriendly(9.5)).toBe(10));
});

describe("randomizeInputs", () => {
  const gps = presets[0];
  const { inputs, changed } = randomizeInputs(gps.inputs, seededRandom(1));
  test("changes the count and the size", () => expect(changed.map((c) => c.name).sort()).toEqual(["concurrent", "payload"]));
  test("keeps the interval (a duration)", () => expect(inputs.interval).toBe(gps.inputs.interval));
  test("keeps the peak factor and ratios", () => {
    const twitter = presets[5];
    const varied = randomizeInputs(twitter.inputs, seededRandom(3)).inputs;
    expect([varied.peak, varied.dauRatio, varied.retention]).toEqual([twitter.inputs.peak, twitter.inputs.dauRatio, twitter.inputs.retention]);
  });
  test("keeps ranges as written", () => expect(randomizeInputs({ concurrent: "100-200K", interval: "3s" }, seededRandom(1)).inputs.concurrent).toBe("100-200K"));
  test("keeps the words after the number", () => expect(randomizeInputs({ qps: "3M orders/day" }, seededRandom(2)).inputs.qps).toMatch(/^[\d.]+[KMB]? orders\/day$/));

  // Over many seeds and presets: every varied number is napkin-friendly as written, ×/÷ 2–10 give or take the rounding, and solvable.
  for (const exercise of presets) {
    test(`${exercise.id}: varied values are friendly, 2–10× away, and solve`, () => {
      for (let seed = 1; seed <= 40; seed++) {
        const varied = randomizeInputs(exercise.inputs, seededRandom(seed));
        for (const { from, to } of varied.changed) {
          const ratio = Math.max(value(to) / value(from), value(from) / value(to));
          expect(ratio, `${from} → ${to}`).toBeGreaterThanOrEqual(2 / 1.25);
          expect(ratio, `${from} → ${to}`).toBeLessThanOrEqual(10 * 1.25);
          expect([1, 1.5, 2, 2.5, 3, 4, 5, 6, 8], to).toContain(mantissa(Number(/^[\d.]+/.exec(to)![0])));
        }
        expect(() => solveExercise(exercise, reference, {}, varied.inputs), JSON.stringify(varied.inputs)).not.toThrow();
      }
    });
  }
});

describe("planDrill", () => {
  const plan = (seed: number, count = 3, randomize = false) => planDrill(presets, { count, randomize, random: seededRandom(seed) });
  test("takes count exercises", () => expect(plan(1)).toHaveLength(3));
  test("never more than there are", () => expect(plan(1, 50)).toHaveLength(presets.length));
  test("no exercise twice", () => expect(new Set(plan(5, 8).map((i) => i.exercise.id)).size).toBe(8));
  test("the same seed, the same drill", () => expect(plan(9, 4, true).map((i) => i.inputs)).toEqual(plan(9, 4, true).map((i) => i.inputs)));
  test("another seed, another order", () => expect(plan(9, 8).map((i) => i.exercise.id)).not.toEqual(plan(10, 8).map((i) => i.exercise.id)));
  test("without randomize the inputs are the exercise's", () => expect(plan(2).every((i) => i.inputs === i.exercise.inputs && i.changed.length === 0)).toBe(true));
});

describe("summarizeDrill", () => {
  const answer = (verdict: "ok" | "wrong" | "unanswered") => ({ name: "q", of: "avgQps", verdict, readings: [], correct: { kind: "number" as const, value: 1, low: 1, high: 1, display: "1/s" } });
  const summary = summarizeDrill([
    { id: "a", title: "A", answers: [answer("ok"), answer("wrong")], ms: 3000 },
    { id: "b", title: "B", answers: [answer("unanswered")], ms: 5000 },
  ]);
  test("counts right answers over all asked", () => expect([summary.right, summary.asked]).toEqual([1, 3]));
  test("adds the time", () => expect(summary.ms).toBe(8000));
  test("lists wrong and skipped answers", () => expect(summary.missed.map((m) => m.id)).toEqual(["a", "b"]));
  test("names the slowest exercise", () => expect(summary.slowest).toEqual({ id: "b", ms: 5000 }));
});
