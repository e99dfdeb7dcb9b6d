import data from "../data/reference.json" with { type: "json" };
import { type ReferenceTable, loadReference } from "./reference.js";

/** The reference table napkin ships (src/data/reference.json), validated as any user file is. */
export function builtInReference(): ReferenceTable {
  return loadReference(data, "built-in reference (src/data/reference.json)", { readRules: false });
}
