import { builtInReference } from "../core/builtinReference.js";
import { type ReferenceTable, loadReference, mergeReference } from "../core/reference.js";
import type { GlobalOptions } from "./command.js";
import { readJsonFile } from "./files.js";

/** The built-in reference table, extended or overridden by `--reference FILE`. */
export function readReferenceTable(global: GlobalOptions): ReferenceTable {
  const builtIn = builtInReference();
  if (!global.reference) return builtIn;
  return mergeReference(builtIn, loadReference(readJsonFile(global.reference), global.reference));
}
