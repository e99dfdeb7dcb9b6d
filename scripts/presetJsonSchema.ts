// The JSON Schema of a preset file, generated from the zod schema napkin validates with (one definition).
// Dev-time only: full zod's toJSONSchema is never part of the CLI bundle.
import { toJSONSchema } from "zod";
import { scenarioSchema } from "../src/core/estimate/index.js";
import { presetSchema } from "../src/core/exercise.js";

/** presets/schema.json as it should be, text included (2-space JSON and a final newline). */
export function presetJsonSchemaText(): string {
  const { $schema, ...schema } = toJSONSchema(presetSchema()) as Record<string, unknown>;
  const document = {
    $schema,
    title: "napkin exercise",
    description: "One practice exercise for napkin (exercises, solve, grade, batch, drill). Generated from src/core/exercise.ts by `npm run schema`; do not edit by hand.",
    ...schema,
  };
  return JSON.stringify(document, null, 2) + "\n";
}

/** presets/scenario.schema.json as it should be: the shape of a file `napkin estimate scenario.json` reads. */
export function scenarioJsonSchemaText(): string {
  const { $schema, ...schema } = toJSONSchema(scenarioSchema()) as Record<string, unknown>;
  const document = {
    $schema,
    title: "napkin scenario",
    description: "Several streams of traffic estimated side by side with a total (napkin estimate scenario.json). Generated from src/core/estimate/scenario.ts by `npm run schema`; do not edit by hand.",
    ...schema,
  };
  return JSON.stringify(document, null, 2) + "\n";
}
