import { describe, expect, test } from "vitest";
import { expectClose } from "../helpers.js";
import { expectCorrect, expectGradeError, expectInputProblem, expectInvalid, expectRight, expectWrong, exerciseFrom, grade, preset } from "../exerciseHelpers.js";

const K = 1e3, M = 1e6, day = 86_400;

describe("GPS pings (notes, question 3)", () => {
  const gps = preset("location/gps-pings.json");
  const pings = (200 * K) / 3;
  test("napkin's pings/s is 200K / 3", () => expectCorrect(gps, "pingsPerSec", pings));
  test("napkin's bandwidth is pings × 100 B", () => expectCorrect(gps, "bandwidth", pings * 100));
  test("66 is a dropped K", () => expectWrong(gps, "pingsPerSec", "66", "scale-1000"));
  test("6 KB/s is a dropped K", () => expectWrong(gps, "bandwidth", "6 KB/s", "scale-1000"));
  test("the notes' 6k/sec is read as bytes/s, and a dropped K", () => expectWrong(gps, "bandwidth", "6k/sec", "scale-1000"));
  test("66.7K is right", () => expectRight(gps, "pingsPerSec", "66.7K"));
  test("66,667 pings/sec is right", () => expectRight(gps, "pingsPerSec", "66,667 pings/sec"));
  test("67K is right (napkin rounding)", () => expectRight(gps, "pingsPerSec", "67K"));
  test("53 Mbps is right (bits read as bytes ÷ 8)", () => expectRight(gps, "bandwidth", "53 Mbps"));
  test("6.67 MB/s in bits would be 8× off", () => expectWrong(gps, "bandwidth", "6.67 Mbps", "bits-bytes"));
  test("the result key works as a name", () => expectRight(gps, "avgQps", "66.7K/s"));
  test("'66' says how it was read", () => expect(grade(gps, "pingsPerSec", "66").readings).toEqual([{ kind: "bare", text: "66", as: "per-second" }]));
  test("64K is right, with no cause named", () => {
    const graded = grade(gps, "pingsPerSec", "64K");
    expect([graded.verdict, graded.slip, graded.cause, graded.convention]).toEqual(["ok", undefined, undefined, undefined]);
  });
  test("1 names the real factor: 1 ÷ (200K/3)", () => {
    const graded = grade(gps, "pingsPerSec", "1");
    expect([graded.verdict, graded.cause]).toEqual(["wrong", "other"]);
    expectClose(graded.slip!.factor, 1 / (200_000 / 3));
  });
  test("a size is not a bandwidth", () => expectGradeError(gps, { bandwidth: "6.67 MB" }, /bandwidth: expected a data rate/));
  test("unknown names get a did-you-mean", () => expectGradeError(gps, { pingsPerSecond: "66" }, /does not ask for 'pingsPerSecond'/));
  test("…naming the close one", () => expectGradeError(gps, { pingsPerSecond: "66" }, /did you mean 'pingsPerSec'/));
  test("unreadable notation names the quantity", () => expectGradeError(gps, { pingsPerSec: "66 bananas" }, /pingsPerSec: unknown word 'bananas'/));
  test("an unanswered quantity is neither right nor wrong", () => expect(grade(gps, "bandwidth", "")).toMatchObject({ verdict: "unanswered" }));
});

describe("messages (notes, question 1)", () => {
  const messages = preset("messaging/messages-storage.json");
  const perDay = 20 * M * 0.05 * 10;
  test("napkin's QPS is 10M / 86,400", () => expectCorrect(messages, "writeQps", perDay / day));
  test("napkin's month is 30 days of 5 GB", () => expectCorrect(messages, "storagePerMonth", perDay * 500 * 30));
  test("100 (a 10⁵ s day) is right", () => expectRight(messages, "writeQps", "100"));
  test("…and says so", () => expect(grade(messages, "writeQps", "100").convention).toBe("day-1e5"));
  test("150 GB is right", () => expectRight(messages, "storagePerMonth", "150 GB"));
  test("5 GB/day for the month is taken over a month", () => expectRight(messages, "storagePerMonth", "5 GB/day"));
  test("10m messages/day reads m as million", () => expectRight(messages, "messagesPerDay", "10m"));
  test("150 MB is a dropped K", () => expectWrong(messages, "storagePerMonth", "150 MB", "scale-1000"));
  test("150 GiB is right at 25%", () => expectRight(messages, "storagePerMonth", "150 GiB"));
});

describe("driver location (notes)", () => {
  const drivers = preset("location/driver-location.json");
  const inFlight = (10 * M / day) * 1800;
  test("napkin's deliveries in flight are 10M/day × 30 min", () => expectCorrect(drivers, "activeDeliveries", inFlight));
  test("napkin's pings are that ÷ 2 s", () => expectCorrect(drivers, "pingsPerSec", inFlight / 2));
  test("the notes' 18,000 is a dropped zero (from 10⁵ s/day's 180K)", () => expectWrong(drivers, "activeDeliveries", "18000", "slipped-zero"));
  test("the notes' 90,000 pings/s is right with a 10⁵ s day", () => expectRight(drivers, "pingsPerSec", "90000"));
  test("a peak answered with the average is a missing peak", () => expectWrong(drivers, "peakPingsPerSec", "104K", "missing-peak"));
  test("Postgres exceeds", () => expectRight(drivers, "postgresInserts", "exceeds"));
  test("'fits' for Postgres is wrong", () => expectWrong(drivers, "postgresInserts", "fits", "verdict"));
});

describe("capacity verdicts", () => {
  const spike = preset("payments/donations-spike.json");
  test("8 × 50 = 400/s", () => expectCorrect(spike, "peakQps", 8 * 50));
  test("fit is fits", () => expectRight(spike, "redisOps", "fit"));
  test("Fits, capitalised", () => expectRight(spike, "redisOps", "Fits"));
  test("a misspelt verdict gets a did-you-mean", () => expectGradeError(spike, { redisOps: "fitz" }, /did you mean 'fits'/));
  test("a wrong verdict is a verdict slip, said out loud by the solution", () => {
    expect(grade(spike, "redisOps", "exceeds").cause).toBe("verdict");
    expect(spike.solution.answers.redisOps).toMatchObject({ kind: "verdict", check: { say: expect.stringMatching(/one Redis node is enough/) } });
  });
});

describe("food-review votes: a missing peak factor (5×)", () => {
  const votes = preset("counters/food-review-votes.json");
  test("347/s for the peak is the average", () => expectWrong(votes, "peakVotesPerSec", "347", "missing-peak"));
});

describe("worked steps", () => {
  const pastebin = preset("storage/pastebin.json");
  test("a rate given as an input is shown as given", () => expect(pastebin.solution.answers.writeQps).toMatchObject({ step: { formula: "qps 1M/day" } }));
  test("a derived one shows its formula", () => expect(pastebin.solution.answers.readQps).toMatchObject({ step: { formula: "11.6/s × 5" } }));
});

describe("conventions", () => {
  const kafka = { inputs: { qps: "6M/day" }, ask: { perSec: "avgQps" }, expected: { perSec: { value: "69.4/s", tolerance: "1%" } } };
  test("a 5% tolerance rejects the 10⁵ s day", () => expectWrong(exerciseFrom({ ...kafka, conventions: { tolerance: "5%" } }), "perSec", "60", "interview-day"));
  test("…unless the exercise allows it", () => expectRight(exerciseFrom({ ...kafka, conventions: { tolerance: "5%", allow: ["day-1e5"] } }), "perSec", "60"));
  const month = { inputs: { qps: "1/s", payload: "1MB" }, ask: { month: "storageBytesPerMonth" }, expected: { month: { value: "2.59 TB", tolerance: "1%" } } };
  test("a 2.5M s month at 1% is wrong", () => expectWrong(exerciseFrom({ ...month, conventions: { tolerance: "1%" } }), "month", "2.5 TB", "month-length"));
  test("…unless allowed", () => expectRight(exerciseFrom({ ...month, conventions: { tolerance: "1%", allow: ["month-2.5M"] } }), "month", "2.5 TB"));
  test("conventions.month sets the month", () => expectCorrect(exerciseFrom({ ...month, expected: { month: { value: "2.5 TB", tolerance: "1%" } }, conventions: { month: "2.5M s" } }), "month", 2.5e6 * 1e6));
});

describe("what the schema cannot say", () => {
  const base = { inputs: { qps: "100/s" }, ask: { q: "avgQps" }, expected: { q: { value: "100/s", tolerance: "1%" } } };
  test("a valid exercise loads", () => expect(exerciseFrom(base).exercise.asks).toHaveLength(1));
  test("an unknown result key, with a did-you-mean", () => expectInvalid({ ...base, ask: { q: "avgQPS" } }, /test\.json: ask\.q: 'avgQPS' is not an estimate result \(did you mean 'avgQps'/));
  test("an unknown capacity figure", () => expectInvalid({ ...base, ask: { q: "capacity:redis" } }, /test\.json: ask\.q: no capacity figure 'redis'/));
  test("an expected answer for something not asked", () => expectInvalid({ ...base, expected: { ...base.expected, r: { value: "1", tolerance: "1%" } } }, /expected\.r: 'r' is not asked/));
  test("an asked quantity without an expected answer", () => expectInvalid({ ...base, expected: {} }, /expected\.q: every asked quantity needs an expected answer/));
  test("a number without a tolerance", () => expectInvalid({ ...base, expected: { q: { value: "100/s" } } }, /expected\.q\.tolerance: a number needs a tolerance/));
  test("a prompt placeholder naming no input", () => expectInvalid({ ...base, prompt: "{dau} users" }, /test\.json: prompt: placeholder \{dau\} names no input/));
  test("an unknown unit in an input names the input", () =>
    expectInputProblem({ ...base, inputs: { qps: "100/s", payload: "100 bites" } }, "inputs.payload", { kind: "notation", input: "payload", text: "100 bites" }));
  test("inputs with no traffic", () => expectInputProblem({ ...base, inputs: { payload: "100B" } }, undefined, { kind: "no-traffic" }));
  test("an ask the inputs cannot answer", () => expectInvalid({ ...base, ask: { q: "storageBytesPerDay" }, expected: { q: { value: "1 GB", tolerance: "1%" } } }, /ask\.q: these inputs do not give storageBytesPerDay \(add a payload input\)/));
  test("a missing field", () => expect(() => exerciseFrom({ ...base, title: undefined })).toThrow(/test\.json: title: Invalid input: expected string, received undefined/));
  test("a wrong type", () => expectInvalid({ ...base, tags: "qps" }, /test\.json: tags: Invalid input: expected array, received string/));
  test("an unknown input name", () => expectInvalid({ ...base, inputs: { qps: "1/s", dauu: "1M" } }, /test\.json: inputs: Unrecognized key: "dauu"/));
});
