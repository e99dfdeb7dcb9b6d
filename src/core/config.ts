import { array, describe, enum as oneOf, minLength, optional, regex, strictObject, string } from "zod/mini";
import { type FindingRule, findingRules } from "./check/checker.js";
import { type infer as infer_, validate } from "./schema.js";

/** The names napkin looks for, nearest first in each folder, walking up from each checked file. */
export const configFileNames = [".napkinrc.json", "napkin.config.json"] as const;

/**
 * A `.napkinrc.json` (or `napkin.config.json`): what `napkin check` assumes for the notes under its folder.
 * Flags on the command line override it. Built on first use: zod schemas cost start-up time.
 */
const onOff = () => optional(oneOf(["on", "off"]));

export const configSchema = () =>
  strictObject({
    $schema: optional(string().check(describe("The JSON Schema of this file (presets/napkinrc.schema.json in napkin's package)."))),
    tolerance: optional(string().check(regex(/^\d+(\.\d+)?%$/, "must be a percentage like 10%"), describe('How far a stated value may be from the exact one ("25%", the default). Overridden by --tolerance.'))),
    month: optional(string().check(minLength(1), describe('The length of a month: "30d" (the default), "30.44d", or the interview "2.5M s". Overridden by --month.'))),
    reference: optional(string().check(minLength(1), describe("A reference table (JSON) that overrides or extends the built-in one; a path relative to this file. Overridden by --reference."))),
    ignore: optional(array(string().check(minLength(1))).check(describe('Globs of files not to check when a folder or a glob is checked, relative to this file\'s folder ("drafts/**", "**/ANTES-*.md").'))),
    rules: optional(strictObject(Object.fromEntries(findingRules.map((rule) => [rule, onOff()])) as Record<FindingRule, ReturnType<typeof onOff>>).check(describe('Rules turned off or on: { "capacity": "off" }.'))),
  });

export type NapkinConfig = infer_<ReturnType<typeof configSchema>>;

/** A config file's data, validated: each problem is a `file: path.to.field: message` line. */
export function readConfig(data: unknown, file: string): NapkinConfig {
  return validate(configSchema(), data, file);
}

/** The rules a config turns off. */
export function rulesOff(config: NapkinConfig): ReadonlySet<FindingRule> {
  return new Set(findingRules.filter((rule) => config.rules?.[rule] === "off"));
}
