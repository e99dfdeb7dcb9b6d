import path from "node:path";
import { pathToFileURL } from "node:url";
import { type Finding, type FindingRule, findingRules } from "../../core/check/checker.js";
import { version } from "../version.js";
import { messageOf } from "./findings.js";

/** Each rule in words, with how serious its findings are: what SARIF, GitHub and the README say about it. */
export const ruleWords: Record<FindingRule, { level: "error" | "warning"; summary: string; help: string }> = {
  arithmetic: {
    level: "error",
    summary: "The stated value is not what the expression gives.",
    help: "A line's `expression = value` (also ≈, ~, →, chains, table rows) was recomputed under every likely reading of its notation, and none gives the stated value within the tolerance. The message names the likeliest slip (a dropped K, minutes read as months, a missing bracket).",
  },
  propagated: {
    level: "warning",
    summary: "The line is right as written but uses an earlier line's wrong result.",
    help: "The value this line builds on was stated wrong on an earlier line of the same block; the message says which line and what the value should have been, and what this line then gives.",
  },
  capacity: {
    level: "error",
    summary: "A claim about what one component handles is beyond the reference table.",
    help: "The line says one Postgres primary, Redis node, Kafka broker (and so on) handles more than the sourced reference figure; `napkin ref` shows the figures and their sources.",
  },
  name: {
    level: "warning",
    summary: "A name is used before its definition, or defined again with another value after a line used it.",
    help: "Within a block (up to a heading or two blank lines), `NAME = … = value` or `NAME: value` defines NAME for the lines after it. Using it before, or defining it again with another value, is reported where it is defined.",
  },
};

/** Escapes for a GitHub workflow command's message (`%`, CR, LF) and its properties (also `:` and `,`). */
const escapeData = (text: string) => text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
const escapeProperty = (text: string) => escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");

/** A finding as a GitHub Actions workflow command: an annotation on the file and line in the pull request. */
export function githubCommand(finding: Finding): string {
  const level = ruleWords[finding.rule].level;
  const file = finding.file.split(path.sep).join("/");
  return `::${level} file=${escapeProperty(file)},line=${finding.line},col=${finding.column},title=${escapeProperty(`napkin ${finding.rule}`)}::${escapeData(`${finding.verdict}: ${messageOf(finding)}`)}`;
}

/** The opening of a SARIF 2.1.0 log, up to its results array: the tool and its rules. */
export function sarifHeader(): string {
  const driver = {
    name: "napkin",
    version,
    rules: findingRules.map((id) => ({
      id,
      name: id,
      shortDescription: { text: ruleWords[id].summary },
      fullDescription: { text: ruleWords[id].help },
      help: { text: ruleWords[id].help },
      defaultConfiguration: { level: ruleWords[id].level },
    })),
  };
  const head = JSON.stringify({ $schema: "https://json.schemastore.org/sarif-2.1.0.json", version: "2.1.0", runs: [{ tool: { driver }, columnKind: "unicodeCodePoints", results: [] }] }, null, 2);
  // Cut before the empty results array closes: results are streamed in, then `sarifFooter` closes it.
  return head.slice(0, head.lastIndexOf("[]") + 1);
}

/** One result of the SARIF log, indented to sit in the results array. */
export function sarifResult(finding: Finding): string {
  const result = {
    ruleId: finding.rule,
    ruleIndex: findingRules.indexOf(finding.rule),
    level: ruleWords[finding.rule].level,
    message: { text: `${finding.verdict}: ${messageOf(finding)}` },
    locations: [
      {
        physicalLocation: {
          artifactLocation: artifactOf(finding.file),
          region: { startLine: finding.line, startColumn: finding.column, snippet: { text: finding.text } },
        },
      },
    ],
    ...(finding.suppressed ? { suppressions: [{ kind: "inSource" }] } : {}),
  };
  return `        ${JSON.stringify(result, null, 2).replace(/\n/g, "\n        ")}`;
}

/** The close of the SARIF log: whether the run read everything (an unreadable input makes it fail), and where relative paths start. */
export function sarifFooter(cwd: string, succeeded: boolean): string {
  const base = { "%SRCROOT%": { uri: pathToFileURL(cwd.endsWith(path.sep) ? cwd : cwd + path.sep).href } };
  const indent = (value: unknown) => JSON.stringify(value, null, 2).replace(/\n/g, "\n      ");
  return `      ],\n      "invocations": ${indent([{ executionSuccessful: succeeded }])},\n      "originalUriBaseIds": ${indent(base)}\n    }\n  ]\n}`;
}

/** Where a finding's file is, as SARIF says it: a relative path from %SRCROOT% (the working folder), or a file URI. */
function artifactOf(file: string): { uri: string; uriBaseId?: string } {
  // Standard input and -e are no files: their names stand as they are.
  if (file === "<stdin>" || file.startsWith("-e")) return { uri: encodeURIComponent(file) };
  if (path.isAbsolute(file)) return { uri: pathToFileURL(file).href };
  return { uri: file.split(path.sep).map(encodeURIComponent).join("/"), uriBaseId: "%SRCROOT%" };
}
