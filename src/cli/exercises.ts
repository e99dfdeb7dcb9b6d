import { readdirSync, statSync } from "node:fs";
import { basename, isAbsolute, join, relative, resolve } from "node:path";
import { NapkinError } from "../core/errors.js";
import { EstimateError, type EstimateInputs } from "../core/estimate/index.js";
import { type Exercise, type Solution, type SolveOptions, findExercise, readExercise, solveExercise } from "../core/exercise.js";
import type { ReferenceTable } from "../core/reference.js";
import { readJsonFile } from "./files.js";
import { estimateErrorLine } from "./render/estimateWords.js";

/** The exercises napkin ships: `presets/` beside the built `dist/`. */
export function bundledPresetsDir(): string {
  return join(import.meta.dirname, "..", "presets");
}

/** A path as the user sees it: relative to the working directory when inside it. */
export function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith("..") && !isAbsolute(rel) ? rel : file;
}

/** Every preset file under these paths (folders are searched recursively; the *schema.json files are not exercises), in a stable order. */
export function findPresetFiles(paths: readonly string[]): string[] {
  const files: string[] = [];
  for (const path of paths) {
    let isDirectory: boolean;
    try {
      isDirectory = statSync(path).isDirectory();
    } catch {
      throw new NapkinError("io", `cannot read '${path}': no such file or folder`);
    }
    if (!isDirectory) {
      files.push(resolve(path));
      continue;
    }
    const found = (readdirSync(path, { recursive: true }) as string[])
      .filter((f) => f.endsWith(".json") && !basename(f).endsWith("schema.json"))
      .sort()
      .map((f) => resolve(join(path, f)));
    files.push(...found);
  }
  return files;
}

/**
 * Solves an exercise; a problem with its inputs becomes one line naming the file and the field
 * (`presets/x.json: inputs.payload: unknown word 'bites'`).
 */
export function solve(exercise: Exercise, reference: ReferenceTable, options: SolveOptions, inputs?: EstimateInputs): Solution {
  try {
    return solveExercise(exercise, reference, options, inputs);
  } catch (error) {
    if (error instanceof EstimateError) throw new NapkinError(error.code, estimateErrorLine(error));
    throw error;
  }
}

/** Reads and validates one preset file; errors name the file and field. */
export function loadExerciseFile(file: string, reference: ReferenceTable): Exercise {
  const shown = displayPath(file);
  return readExercise(readJsonFile(shown), shown, reference);
}

/** Every exercise in a folder (the bundled presets by default); the first malformed file is an error. */
export function loadExercises(folder: string | undefined, reference: ReferenceTable): Exercise[] {
  return findPresetFiles([folder ?? bundledPresetsDir()]).map((file) => loadExerciseFile(file, reference));
}

/**
 * One exercise by id (or by the path of its file). Files named `<id>.json` are tried first, so a
 * large folder is not read whole to find one exercise.
 */
export function loadExercise(idOrFile: string, folder: string | undefined, reference: ReferenceTable): Exercise {
  if (idOrFile.endsWith(".json")) return loadExerciseFile(idOrFile, reference);
  const files = findPresetFiles([folder ?? bundledPresetsDir()]);
  const named = files.find((f) => basename(f) === `${idOrFile}.json`);
  if (named) {
    const exercise = loadExerciseFile(named, reference);
    if (exercise.id === idOrFile) return exercise;
  }
  return findExercise(files.map((file) => loadExerciseFile(file, reference)), idOrFile);
}

