import type { ChalkInstance } from "chalk";
import type { CheckSummary, Finding } from "../../core/check/checker.js";
import { formatExact, formatNapkin } from "../../core/notation/index.js";
import { describeNote, describeSlip } from "./words.js";

const verdictColor = { ok: "green", wrong: "red", propagated: "yellow", reference: "magenta" } as const;

/** What a finding says went wrong, in words: the slip, the upstream line, the table's figure, or the name. */
export function diagnosisOf(finding: Finding): string | undefined {
  if (finding.name) {
    const problem = finding.name;
    return problem.kind === "used-before-defined" ? `${problem.name} is used on line ${problem.usedOn} before it is defined here` : `${problem.name} was ${problem.before.value} on line ${problem.before.line}; here it is ${problem.value}`;
  }
  switch (finding.verdict) {
    case "ok":
      return undefined;
    case "wrong":
      return finding.slip ? describeSlip(finding.slip) : undefined;
    case "reference":
      return `over-claims capacity: the table says ${finding.expected}`;
    case "propagated": {
      const up = finding.upstream!;
      const unit = finding.unit ? ` ${finding.unit}` : "";
      const copied = finding.asWritten !== undefined ? `; as written it gives ≈${formatNapkin(finding.asWritten)}${unit}, so the stated value was computed from the right operand but the wrong one was copied` : "";
      return `uses line ${finding.from}'s wrong ${formatNapkin(up.stated)} (should be ${formatNapkin(up.correct)})${copied}`;
    }
  }
}

/** A finding's message without its place or verdict: `200k / 3 = 66 → ≈66,667 (off by 1000×: a dropped K?)`. */
export function messageOf(finding: Finding): string {
  if (finding.name) return diagnosisOf(finding)!;
  const unit = finding.unit ? ` ${finding.unit}` : "";
  const expected = typeof finding.expected === "number" ? `≈${finding.unitBefore ?? ""}${formatExact(finding.expected)}${unit}` : finding.expected;
  if (finding.verdict === "ok") return finding.claim;
  if (finding.verdict === "reference") return `${finding.text} → the table says ${expected}`;
  const diagnosis = diagnosisOf(finding);
  return `${finding.claim} → ${expected}${diagnosis ? ` (${diagnosis})` : ""}`;
}

/** A finding's place, as compilers and linters write it: `notes.md:1219:1`. */
export const placeOf = (finding: Finding) => `${finding.file}:${finding.line}:${finding.column}`;

/**
 * One finding, linter style: `notes.md:1219:1: wrong [arithmetic]: 200k / 3 = 66 → ≈66,667 (off by 1000×: a
 * dropped K?)`; a right claim (with --all) is `notes.md:3:1: ✓ 2 * 3 = 6`; a suppressed one says so first.
 */
export function renderFinding(finding: Finding, color: ChalkInstance | undefined, withReadings: boolean): string {
  const paint = (text: string) => (color ? color[verdictColor[finding.verdict]](text) : text);
  const body = finding.verdict === "ok" ? `${paint("✓")} ${messageOf(finding)}` : `${finding.suppressed ? "suppressed " : ""}${paint(finding.verdict)} [${finding.rule}]: ${messageOf(finding)}`;
  const notes = withReadings ? readingsOf(finding) : [];
  const readings = notes.length ? `\n${notes.map((r) => `    · ${r}`).join("\n")}` : "";
  return `${placeOf(finding)}: ${body}${color ? color.dim(readings) : readings}`;
}

/** How a finding's line was read, in words. */
export function readingsOf(finding: Finding): string[] {
  if (finding.verdict === "reference" || (finding.rule === "capacity" && finding.figure)) return finding.figure ? [`compared with ${finding.figure.id} (${finding.figure.source})`] : [];
  return finding.reading.map(describeNote);
}

/** A finding for `--json`: the core's data, with the diagnosis and readings also in words. */
export function findingJson(finding: Finding): Record<string, unknown> {
  const { reading, slip, ...rest } = finding;
  return {
    ...rest,
    cause: slip?.code,
    ...(slip ? { slip } : {}),
    diagnosis: diagnosisOf(finding),
    reading: readingsOf(finding),
    readings: reading,
  };
}

/** A line of the input with its reported findings after it as `<!-- napkin: … -->` (or as it was). */
export function annotateLine(line: string, findings: readonly Finding[]): string {
  const reported = findings.filter((f) => f.verdict !== "ok" && !f.suppressed);
  if (reported.length === 0) return line;
  // Without the `file:line:` prefix, and with no `--`, which would end the HTML comment.
  const notes = reported.map((f) => `${f.verdict} [${f.rule}]: ${messageOf(f)}`).join("; ").replace(/--/g, "—");
  return `${line} <!-- napkin: ${notes} -->`;
}

/** The closing line: claims checked, ok, wrong, propagated, reference mismatches. */
export function renderSummary(summary: CheckSummary, color: ChalkInstance): string {
  const problems = summary.wrong + summary.propagated + summary.reference;
  const suppressed = summary.suppressed ? `, ${summary.suppressed} suppressed` : "";
  const text = `${summary.claims} claim${summary.claims === 1 ? "" : "s"} checked: ${summary.ok} ok, ${summary.wrong} wrong, ${summary.propagated} propagated, ${summary.reference} reference mismatch${summary.reference === 1 ? "" : "es"}${suppressed}`;
  return problems ? color.bold(text) : color.green(text);
}
