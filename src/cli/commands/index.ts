import type { CommandSpec } from "../command.js";
import { batchCommand } from "./batch.js";
import { calcCommand } from "./calc.js";
import { checkCommand } from "./check.js";
import { drillCommand } from "./drill.js";
import { estimateCommand } from "./estimate.js";
import { exercisesCommand } from "./exercises.js";
import { gradeCommand } from "./grade.js";
import { refCommand } from "./ref.js";
import { solveCommand } from "./solve.js";

/**
 * Every command, in the order `--help` lists them. The build makes one bundle with all of them (dist/napkin.cjs:
 * help, --version, an unknown word) and one per command (dist/commands/<name>.cjs) holding only its code.
 */
export const commands: readonly CommandSpec[] = [
  estimateCommand, checkCommand, calcCommand, refCommand, exercisesCommand, solveCommand, gradeCommand, batchCommand, drillCommand,
];
