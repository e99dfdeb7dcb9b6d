import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { builtInReference } from "../../src/core/builtinReference.js";
import { NotesChecker } from "../../src/core/check/checker.js";
import { root } from "../helpers.js";

/** One corpus line: what the checker must say of it, worked out by hand (tests/fixtures/check-corpus.json). */
interface Case {
  text: string;
  verdict: "ok" | "wrong" | "reference" | "none";
  expected?: number | string;
  diagnosis?: string;
  tolerance?: string;
  reading?: string;
}

const corpus: Case[] = JSON.parse(readFileSync(`${root}/tests/fixtures/check-corpus.json`, "utf8"));
const reference = builtInReference();
const mathFunctions = { sqrt: Math.sqrt, cbrt: Math.cbrt, log: Math.log, log2: Math.log2, log10: Math.log10, ceil: Math.ceil, floor: Math.floor, round: Math.round, min: Math.min, max: Math.max };

function check(c: Case) {
  const tolerance = c.tolerance ? Number(c.tolerance.replace("%", "")) / 100 : undefined;
  return new NotesChecker("corpus", { reference, tolerance, functions: mathFunctions }).checkLine(c.text, 1);
}

const sameCause = (cause: string | undefined, expected: string) => cause === expected;

describe("claim corpus: 168 lines in the notes' style, verdicts worked by hand", () => {
  test.each(corpus.filter((c) => c.verdict === "wrong").map((c) => [c.text, c]))("wrong: %s", (_, c) => {
    const findings = check(c);
    const wrong = findings.find((f) => f.verdict === "wrong");
    expect(wrong, JSON.stringify(findings)).toBeDefined();
    expect(Math.abs(Number(wrong!.expected) - Number(c.expected)) / Math.abs(Number(c.expected)), `expected ${c.expected}, got ${wrong!.expected}`).toBeLessThan(0.01);
    expect(sameCause(wrong!.slip?.code, c.diagnosis!), `cause ${wrong!.slip?.code} for ${c.diagnosis}`).toBe(true);
  });
  test.each(corpus.filter((c) => c.verdict === "ok").map((c) => [c.text, c]))("ok: %s", (_, c) => {
    const findings = check(c);
    expect(findings.filter((f) => f.verdict !== "ok"), JSON.stringify(findings)).toEqual([]);
    expect(findings.length, "a claim was found and checked").toBeGreaterThan(0);
    if (c.reading) expect(findings.flatMap((f) => f.reading)).toContainEqual(expect.objectContaining({ kind: "sense", text: "30m", chosen: "minutes" }));
  });
  test.each(corpus.filter((c) => c.verdict === "reference").map((c) => [c.text, c]))("reference: %s", (_, c) => {
    const findings = check(c);
    expect(findings.map((f) => f.verdict), JSON.stringify(findings)).toEqual(["reference"]);
  });
  test.each(corpus.filter((c) => c.verdict === "none").map((c) => [c.text, c]))("not a claim: %s", (_, c) => {
    expect(check(c)).toEqual([]);
  });
});
