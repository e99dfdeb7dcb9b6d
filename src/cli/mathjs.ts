import { ceilDependencies, create, floorDependencies, roundDependencies } from "mathjs/number";

/**
 * The mathjs instance behind napkin's rounding functions: these factories only, nothing that parses or
 * evaluates text. The build puts this module in a file of its own (dist/napkin-mathjs.cjs), loaded on the
 * first call, so a run that rounds nothing never loads mathjs.
 */
export function createMathjs() {
  return create({ ceilDependencies, floorDependencies, roundDependencies });
}
