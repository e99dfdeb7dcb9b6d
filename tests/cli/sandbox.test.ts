import { describe, expect, test } from "vitest";
import { napkin } from "../helpers.js";

/**
 * Payload shapes from mathjs's published security advisories (code execution through the expression
 * parser: constructor chains, import/createUnit/evaluate/parse, property access, function definitions),
 * and the forms the security guide says to disable. napkin must refuse each with exit 2 and one line.
 */
const payloads = [
  'cos.constructor("return process")()',
  '[].map.constructor("return process")()',
  "x = []; x.constructor.constructor(\"return this\")()",
  '(1).constructor.constructor("return 1")()',
  '"".constructor.prototype',
  'x["__proto__"]',
  '{}["constructor"]',
  "a.constructor",
  'import({matrix: 1}, {override: true})',
  "import({}, {})",
  'createUnit("foo")',
  "createUnit('x')",
  'evaluate("1 + 1")',
  'parse("1 + 1").compile().evaluate()',
  'simplify("2x + x")',
  'derivative("x^2", "x")',
  'reviver("{}")',
  'compile("1")',
  'chain(3).done()',
  'typed("f", {})',
  'Function("return this")()',
  "f(x) = x^2",
  "f(x) = x; f.constructor",
  "a = 5",
  "[1, 2, 3]",
  "[1, 2][0]",
  "eval('1')",
  "require('fs')",
  "process.exit(0)",
  "c\\u006fnstructor",
  // mathjs issue #821 (2017): constructor reached through a matrix's data and through import.
  '["//","a/*\\nreturn process.mainModule.require"]._data.map(cos.constructor)[1]()("child_process")',
  'import({matrix:cos.constructor},{override:1});x=["process.exit(1)"];x()',
  // GHSA-5v89-rwgr-qj6g and GHSA-29qv-4j9f-fjw5 (2026): array index getter and property setter.
  "a = [1]; a.length = 2",
  '{length: 1, reduce: cos.constructor}[1]',
];

describe("napkin refuses every expression-injection payload", () => {
  test.each(payloads)("calc %s", (payload) => {
    const run = napkin(["calc", "--", payload]);
    expect(run.code, run.stdout).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
  });
  test.each(payloads.slice(0, 8))("estimate --qps %s", (payload) => expect(napkin(["estimate", "--qps", payload]).code).toBe(2));
  test.each(payloads.slice(0, 8))("check -e stays silent on %s (not a claim)", (payload) => {
    const run = napkin(["check", "-e", `${payload} = 5`]);
    expect([run.code, run.stdout]).toEqual([0, ""]);
  });
});
