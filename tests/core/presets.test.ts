import { readFileSync, readdirSync } from "node:fs";
import { basename, join, relative } from "node:path";
import { describe, expect, test } from "vitest";
import { builtInReference } from "../../src/core/builtinReference.js";
import { type Estimate, type ResultName, estimateScenario, estimateTraffic } from "../../src/core/estimate/index.js";
import { checkExercise, readExercise, solveExercise } from "../../src/core/exercise.js";
import { readNotation } from "../../src/core/notation/index.js";
import { expectClose, root } from "../helpers.js";

const presetsDir = join(root, "presets");
const presetFiles = (readdirSync(presetsDir, { recursive: true }) as string[])
  .filter((f) => f.endsWith(".json") && !basename(f).endsWith("schema.json"))
  .map((f) => join(presetsDir, f))
  .sort();
const reference = builtInReference();
const load = (file: string) => JSON.parse(readFileSync(file, "utf8"));

/** napkin's answer (from the estimate) agrees with the preset's hand-worked one, read here independently. */
function expectAgrees(estimate: Estimate, of: string, expected: { value: string; tolerance?: string }): void {
  if (of.startsWith("capacity:")) {
    expect(estimate.capacity.find((c) => c.figure === of.slice("capacity:".length))?.verdict).toBe(expected.value);
    return;
  }
  const { low, high } = readNotation(expected.value).quantity;
  const stated = Math.sqrt(low * high);
  const tolerance = Number(expected.tolerance!.replace("%", "")) / 100;
  // `writes.avgQps`: one stream of a scenario.
  const [stream, key] = of.includes(".") ? of.split(".") : [undefined, of];
  const results = stream ? estimate.streams!.find((s) => s.name === stream)!.results : estimate.results;
  const actual = results[key as ResultName]!;
  expect(actual, `${of} is derived`).toBeDefined();
  expect(Math.abs(actual - stated) / stated, `napkin ${actual} vs expected ${expected.value}`).toBeLessThanOrEqual(tolerance);
}

test("at least 15 exercises, grouped in folders by domain", () => {
  expect(presetFiles.length).toBeGreaterThanOrEqual(15);
  for (const file of presetFiles) expect(relative(presetsDir, file)).toMatch(/^[a-z-]+\/[a-z0-9-]+\.json$/);
});

test("ids are unique", () => {
  const ids = presetFiles.map((f) => load(f).id);
  expect(new Set(ids).size).toBe(ids.length);
});

describe.each(presetFiles.map((f) => [relative(root, f), f]))("%s", (_, file) => {
  const data = load(file);
  const exercise = readExercise(data, file, reference);
  const options = { monthSeconds: exercise.monthSeconds };
  const estimate = exercise.streams ? estimateScenario({ shared: exercise.inputs, streams: exercise.streams }, reference, options) : estimateTraffic(exercise.inputs, reference, options);

  test("is named after its id and points editors at the schema", () => {
    expect(basename(file)).toBe(`${exercise.id}.json`);
    expect(data.$schema).toBe("../schema.json");
  });
  test("says where its numbers come from", () => expect(exercise.source.length).toBeGreaterThan(20));
  test.each(Object.entries(exercise.ask))("%s: napkin agrees with the expected answer", (name, of) => expectAgrees(estimate, of, exercise.expected[name]));
  test("passes the checks batch runs (expected within tolerance, attempts readable)", () => {
    expect(checkExercise(exercise, solveExercise(exercise, reference))).toEqual([]);
  });
  test("every input is in the prompt, so --randomize can show it", () => {
    for (const name of Object.keys(exercise.inputs)) expect(exercise.prompt).toContain(`{${name}}`);
  });
});

test("the GPS question's expected pings are 200K / 3 s", () => {
  const file = presetFiles.find((f) => f.endsWith("gps-pings.json"))!;
  const exercise = readExercise(load(file), file, reference);
  const solution = solveExercise(exercise, reference);
  const answer = solution.answers.pingsPerSec;
  expect(answer.kind).toBe("number");
  if (answer.kind === "number") expectClose(answer.value, 200_000 / 3);
});
