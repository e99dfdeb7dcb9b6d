// The JSON Schemas of a preset file and a scenario file, generated from the zod schemas napkin validates with
// (one definition). Dev-time only: full zod's toJSONSchema is never part of the CLI bundle.
import { toJSONSchema } from "zod";
import { scenarioSchema } from "../src/core/estimate/index.js";
import { presetSchema } from "../src/core/exercise.js";
import { configSchema } from "../src/core/config.js";

/** A zod schema as a JSON Schema document, text included (2-space JSON and a final newline). */
function schemaText(schema: ReturnType<typeof presetSchema> | ReturnType<typeof scenarioSchema> | ReturnType<typeof configSchema>, title: string, description: string): string {
  const { $schema, ...rest } = toJSONSchema(schema) as Record<string, unknown>;
  return JSON.stringify({ $schema, title, description, ...rest }, null, 2) + "\n";
}

/** presets/schema.json as it should be. */
export function presetJsonSchemaText(): string {
  return schemaText(presetSchema(), "napkin exercise", "One practice exercise for napkin (exercises, solve, grade, batch, drill). Generated from src/core/exercise.ts by `npm run schema`; do not edit by hand.");
}

/** presets/scenario.schema.json as it should be: the shape of a file `napkin estimate scenario.json` reads. */
export function scenarioJsonSchemaText(): string {
  return schemaText(scenarioSchema(), "napkin scenario", "Several streams of traffic estimated side by side with a total (napkin estimate scenario.json). Generated from src/core/estimate/scenario.ts by `npm run schema`; do not edit by hand.");
}

/** presets/napkinrc.schema.json as it should be: the shape of a `.napkinrc.json` (or `napkin.config.json`) that `napkin check` reads. */
export function configJsonSchemaText(): string {
  return schemaText(configSchema(), "napkin config", "What napkin check assumes for the notes under this file's folder (.napkinrc.json or napkin.config.json); flags override it. Generated from src/core/config.ts by `npm run schema`; do not edit by hand.");
}
