import type { ChalkInstance } from "chalk";
import type { CheckSummary, Finding } from "../../core/check/checker.js";
import { formatExact } from "../../core/notation/format.js";

const verdictColor = { ok: "green", wrong: "red", propagated: "yellow", reference: "magenta" } as const;

/** One finding, linter style: `notes.md:1219: wrong: 200k / 3 = 66 → ≈66,667 (off by 1K×: a dropped K?)`. */
export function renderFinding(finding: Finding, color: ChalkInstance | undefined, withReadings: boolean): string {
  const paint = (text: string) => (color ? color[verdictColor[finding.verdict]](text) : text);
  const where = `${finding.file}:${finding.line}:`;
  const unit = finding.unit ? ` ${finding.unit}` : "";
  const expected = typeof finding.expected === "number" ? `≈${formatExact(finding.expected)}${unit}` : finding.expected;
  const body =
    finding.verdict === "ok" ? `${paint("✓")} ${finding.claim}` :
    finding.verdict === "reference" ? `${paint("reference")}: ${finding.text} → the table says ${expected}` :
    `${paint(finding.verdict)}: ${finding.claim} → ${expected}${finding.diagnosis ? ` (${finding.diagnosis})` : ""}`;
  const readings = withReadings && finding.reading.length ? `\n${finding.reading.map((r) => `    · ${r}`).join("\n")}` : "";
  return `${where} ${body}${color ? color.dim(readings) : readings}`;
}

/** A line of the input with its reported findings after it as `<!-- napkin: … -->` (or as it was). */
export function annotateLine(line: string, findings: readonly Finding[]): string {
  const reported = findings.filter((f) => f.verdict !== "ok");
  if (reported.length === 0) return line;
  // Without the `file:line:` prefix, and with no `--`, which would end the HTML comment.
  const notes = reported.map((f) => renderFinding(f, undefined, false).replace(/^[^:]*:\d+: /, "")).join("; ").replace(/--/g, "—");
  return `${line} <!-- napkin: ${notes} -->`;
}

/** The closing line: claims checked, ok, wrong, propagated, reference mismatches. */
export function renderSummary(summary: CheckSummary, color: ChalkInstance): string {
  const problems = summary.wrong + summary.propagated + summary.reference;
  const text = `${summary.claims} claim${summary.claims === 1 ? "" : "s"} checked: ${summary.ok} ok, ${summary.wrong} wrong, ${summary.propagated} propagated, ${summary.reference} reference mismatch${summary.reference === 1 ? "" : "es"}`;
  return problems ? color.bold(text) : color.green(text);
}
