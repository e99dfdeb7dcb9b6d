import { filterReference } from "../../core/reference.js";
import type { CommandSpec } from "../command.js";
import { readReferenceTable } from "../reference.js";
import { renderReference } from "../render/reference.js";

export const refCommand: CommandSpec = {
  name: "ref",
  arguments: "[topic]",
  summary: "show the reference tables (throughput, latency, storage rules, conversions)",
  description:
    "Print the reference figures napkin checks against, each with its range, conditions and source.\n" +
    "A topic filters them: postgres, redis, kafka, latency, throughput, storage, conversion, powers, qps.\n" +
    "--reference FILE (before the command) adds or overrides entries by id.",
  options: [{ flags: "--json", description: "print {figures, rules}; figure values also as low/high in base units" }],
  examples: ["napkin ref", "napkin ref postgres", "napkin ref latency", "napkin --reference my-numbers.json ref redis"],
  run([topic], options, { output, global }) {
    const table = filterReference(readReferenceTable(global), topic);
    if (options.json) {
      const figures = table.figures.map(({ quantity, file: _file, ...figure }) => ({ ...figure, low: quantity.low, high: quantity.high }));
      output.out(JSON.stringify({ figures, rules: table.rules }, null, 2));
    } else output.out(renderReference(table, output.color));
    return 0;
  },
};
