import { filterReference } from "../../core/reference.js";
import type { CommandSpec } from "../command.js";
import { readReferenceTable } from "../reference.js";
import { renderReference } from "../render/reference.js";

export const refCommand: CommandSpec = {
  name: "ref",
  arguments: "[topic]",
  summary: "show the reference tables (throughput, latency, storage rules, conversions)",
  description:
    "Print the reference figures napkin checks against, each with its range, what it is per, the conditions it\n" +
    "holds under and its source. A topic filters them: a component (postgres, mysql, cassandra, dynamodb, s3,\n" +
    "kafka, websocket, network, ssd…), or latency, throughput, cost, storage, conversion, powers, qps. Tables fit\n" +
    "the terminal (COLUMNS, else 80), wrapping conditions and sources inside their cells; --wide keeps one row per\n" +
    "line. --reference FILE (before the command) adds or overrides entries by id.",
  options: [
    { flags: "--json", description: "print {figures, rules}; figure values also as low/high in base units" },
    { flags: "--wide", description: "one row per line, however wide (for grep and wide terminals)" },
  ],
  examples: ["napkin ref", "napkin ref postgres", "napkin ref cost", "napkin ref latency --wide", "napkin --reference my-numbers.json ref redis"],
  run([topic], options, { output, global }) {
    const table = filterReference(readReferenceTable(global), topic);
    if (options.json) {
      const figures = table.figures.map(({ quantity, file: _file, ...figure }) => ({ ...figure, low: quantity.low, high: quantity.high }));
      output.out(JSON.stringify({ figures, rules: table.rules }, null, 2));
    } else output.out(renderReference(table, output.color, options.wide ? undefined : output.width()));
    return 0;
  },
};
