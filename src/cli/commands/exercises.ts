import { filterByTag } from "../../core/exercise.js";
import type { CommandSpec } from "../command.js";
import { loadExercises } from "../exercises.js";
import { readReferenceTable } from "../reference.js";
import { renderExerciseList } from "../render/exercise.js";

/** `--presets <dir>`: shared by every command that reads the exercise bank. */
export const presetsOption = { flags: "--presets <dir>", description: "a folder of exercise files (default: the bundled presets)" };

export const exercisesCommand: CommandSpec = {
  name: "exercises",
  summary: "list the practice exercises (id, title, tags)",
  description:
    "List the exercises napkin ships (presets/, grouped by domain) or those in\n" +
    "--presets <dir>. Each has a prompt, its inputs, the quantities it asks, and\n" +
    "where its numbers come from. Practise with `napkin drill`, see the working\n" +
    "with `napkin solve <id>`, grade yourself with `napkin grade <id>`.",
  options: [
    { flags: "--tag <tag>", description: "only exercises with this tag (notes, qps, storage, capacity, location, …)" },
    presetsOption,
    { flags: "--json", description: "print [{id, title, tags, file, asks}]" },
  ],
  examples: ["napkin exercises", "napkin exercises --tag notes", "napkin exercises --presets ./my-exercises"],
  run(_args, options, { output, global }) {
    const exercises = filterByTag(loadExercises(options.presets as string | undefined, readReferenceTable(global)), options.tag as string | undefined);
    if (options.json) {
      output.out(JSON.stringify(exercises.map((e) => ({ id: e.id, title: e.title, tags: e.tags, file: e.file, asks: e.ask })), null, 2));
    } else output.out(renderExerciseList(exercises, output.color));
    return 0;
  },
};
