import { type infer as infer_, z } from "../schema.js";

/**
 * The schema of src/data/vocabulary.json. napkin reads the file as bundled; tests/core/vocabulary.test.ts
 * validates it with this schema, and the types below are inferred from it: one definition.
 */
export function buildVocabularySchema() {
  const text = z.string().check(z.minLength(1));
  const cost = z.optional(z.number());
  const note = z.optional(text);
  /** The notes a sense belongs to: in a line of the other language it costs more (src/data/readings.json). */
  const lang = z.optional(z.enum(["en", "pt"]));
  const sense = z.union([
    z.strictObject({ scale: z.number(), cost, lang, note }),
    /** `whole`: a noun counted in whole things (servers, shards): a stated count may round a fraction up. */
    z.strictObject({ unit: z.optional(text), per: z.optional(text), noun: z.optional(text), whole: z.optional(z.boolean()), cost, lang, note }),
    z.strictObject({ marker: z.enum(["per", "per-before-time", "of", "in", "times", "pow"]), cost, note }),
  ]);
  const unit = z.strictObject({
    id: text,
    dim: z.enum(["time", "data", "money"]),
    size: z.number(),
    name: text,
    symbol: z.optional(text),
    /** The binary unit a decimal one is sometimes written for (KB for KiB): the 1024-for-1000 reading. */
    binary: z.optional(text),
    source: text,
  });
  const word = z.strictObject({ spell: z.array(text).check(z.minLength(1)), exact: z.optional(z.boolean()), senses: z.array(sense).check(z.minLength(1)) });
  const languages = z.strictObject({ en: z.array(text), pt: z.array(text) });
  return z.strictObject({ about: text, units: z.array(unit), languagesAbout: text, languages, words: z.array(word) });
}

export type VocabularyData = infer_<ReturnType<typeof buildVocabularySchema>>;
export type UnitData = VocabularyData["units"][number];
export type Language = keyof VocabularyData["languages"];
export type SenseData = VocabularyData["words"][number]["senses"][number];
