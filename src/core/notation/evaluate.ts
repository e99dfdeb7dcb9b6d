import { NapkinError } from "../errors.js";
import type { Node } from "./parser.js";
import { type Quantity, add, divide, isDimensionless, multiply, negate, power } from "./quantity.js";

/** Plain-number functions (sqrt, log2, ceil, …), supplied by the shell: JavaScript's Math, and mathjs for rounding. */
export type MathFunctions = Record<string, (...args: number[]) => number>;

/** How to evaluate: functions to call, sub-trees to replace, and the notes' convention for sums. */
export interface EvaluateOptions {
  functions?: MathFunctions;
  /** Values that replace sub-trees (a corrected operand, a conversion literal read as 1). */
  replace?: ReadonlyMap<Node, Quantity>;
  /** A unit on one term of a sum applies to its bare neighbours (`1000 + 16 + 8 bytes`). */
  sumsShareUnits?: boolean;
}

/** Evaluates a parsed expression to a quantity in base units. */
export function evaluateNode(node: Node, options: EvaluateOptions = {}): Quantity {
  const replaced = options.replace?.get(node);
  if (replaced) return replaced;
  const { functions } = options;
  const evaluate = (child: Node) => evaluateNode(child, options);
  switch (node.type) {
    case "literal":
      return { low: node.low, high: node.high, dim: node.dim };
    case "negate":
      return negate(evaluate(node.arg));
    case "power":
      return power(evaluate(node.base), evaluate(node.exponent));
    case "binary": {
      let left = evaluate(node.left);
      let right = evaluate(node.right);
      if (options.sumsShareUnits && (node.op === "+" || node.op === "-")) {
        if (isDimensionless(left)) left = { ...left, dim: right.dim };
        if (isDimensionless(right)) right = { ...right, dim: left.dim };
      }
      if (node.op === "+") return add(left, right, 1);
      if (node.op === "-") return add(left, right, -1);
      return node.op === "*" ? multiply(left, right) : divide(left, right);
    }
    case "call":
      return callFunction(node, functions, node.args.map(evaluate));
  }
}

function callFunction(node: Extract<Node, { type: "call" }>, functions: MathFunctions | undefined, args: Quantity[]): Quantity {
  const fn = functions?.[node.name];
  if (!fn) throw new NapkinError("math", `function '${node.name}' is not available here`);
  if (args.some((a) => !isDimensionless(a))) {
    throw new NapkinError("dimension", `${node.name}() takes plain numbers; convert first (e.g. '… in s')`);
  }
  // Monotone functions map range ends to range ends; evaluate both and order them.
  const ends = [fn(...args.map((a) => a.low)), fn(...args.map((a) => a.high))];
  if (ends.some((e) => !Number.isFinite(e))) throw new NapkinError("math", `${node.name}() has no finite value here`);
  return { low: Math.min(...ends), high: Math.max(...ends), dim: args[0]?.dim ?? { t: 0, d: 0 } };
}
