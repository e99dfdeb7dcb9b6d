// The JSON Schema of a preset file, generated from the zod schema napkin validates with (one definition).
// Dev-time only: full zod's toJSONSchema is never part of the CLI bundle.
import { toJSONSchema } from "zod";
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
