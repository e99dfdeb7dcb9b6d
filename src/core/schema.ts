import { array, boolean, config, enum as oneOf, minLength, number, optional, regex, strictObject, string, union, type ZodMiniType } from "zod/mini";
import en from "zod/v4/locales/en.js";
import { NapkinError } from "./errors.js";

/** The zod/mini builders napkin's data schemas use (named imports keep the bundle small). */
export const z = { array, boolean, enum: oneOf, minLength, number, optional, regex, strictObject, string, union };
export type { infer } from "zod/mini";

let configured = false;

/** Validates data against a schema; each issue becomes a `file: path.to.field: message` line. */
export function validate<T>(schema: ZodMiniType<T>, data: unknown, file: string): T {
  if (!configured) {
    // English messages ("expected string, received number") instead of zod/mini's bare "Invalid input".
    config(en());
    configured = true;
  }
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  throw new NapkinError("data", result.error.issues.map((issue) => `${file}: ${issue.path.join(".") || "(top level)"}: ${issue.message}`).join("\n"));
}
