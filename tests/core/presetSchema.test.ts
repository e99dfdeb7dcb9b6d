import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";
import { configJsonSchemaText, presetJsonSchemaText, scenarioJsonSchemaText } from "../../scripts/presetJsonSchema.js";
import { root } from "../helpers.js";

test("presets/schema.json is generated from the zod schema (npm run schema rewrites it)", () => {
  const onDisk = readFileSync(join(root, "presets/schema.json"), "utf8");
  expect(onDisk === presetJsonSchemaText(), "presets/schema.json is stale: run npm run schema").toBe(true);
});

test("presets/scenario.schema.json is generated from the zod schema too", () => {
  const onDisk = readFileSync(join(root, "presets/scenario.schema.json"), "utf8");
  expect(onDisk === scenarioJsonSchemaText(), "presets/scenario.schema.json is stale: run npm run schema").toBe(true);
});

test("the JSON Schema names every estimate input and requires the fields the issue lists", () => {
  const schema = JSON.parse(presetJsonSchemaText());
  expect(schema.required).toEqual(expect.arrayContaining(["id", "title", "prompt", "source", "tags", "ask", "expected"]));
  // One stream's inputs, or a scenario's shared inputs and streams (readExercise asks for exactly one of the two).
  expect(Object.keys(schema.properties.inputs.properties)).toEqual(expect.arrayContaining(["concurrent", "online", "window", "serverQps", "fanout", "cache"]));
  expect(schema.properties.streams.items.required).toEqual(["name", "inputs"]);
  expect(schema.properties.inputs.additionalProperties).toBe(false);
});

test("presets/napkinrc.schema.json, the config file's JSON Schema, is generated from the zod schema too", () => {
  const onDisk = readFileSync(join(root, "presets/napkinrc.schema.json"), "utf8");
  expect(onDisk === configJsonSchemaText(), "presets/napkinrc.schema.json is stale: run npm run schema").toBe(true);
});
