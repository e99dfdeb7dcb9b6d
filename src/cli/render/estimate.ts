import type { ChalkInstance } from "chalk";
import type { CapacityCheck, Estimate, Step } from "../../core/estimate/index.js";
import { chooseUnit, dims, formatNapkin, formatQuantity, quantity } from "../../core/notation/index.js";
import { renderBar } from "./bar.js";
import { renderColumns, visibleLength, wrapWords } from "./columns.js";
import { type Namer, describeEstimateReading, flagNames } from "./estimateWords.js";

export interface EstimateLayout {
  /** Columns the output may use (COLUMNS, the terminal's width, or 80). */
  width: number;
  /** How inputs are named in readings: flags, or a file's keys. */
  name?: Namer;
}

/** The worked answer: steps (each stream's and the total, for a scenario), capacity verdicts with bars, readings. */
export function renderEstimate(estimate: Estimate, color: ChalkInstance, layout: EstimateLayout): string {
  const name = layout.name ?? flagNames;
  const table = (steps: Step[]) => stepsTable(steps, color, layout.width);
  const sections: string[] = [];
  if (estimate.streams) {
    for (const stream of estimate.streams) sections.push(color.bold(`Stream ${stream.name} (${stream.kind})`), table(stream.steps), "");
    sections.push(color.bold("Total"), table(estimate.steps));
  } else sections.push(color.bold("Worked answer"), table(estimate.steps));
  if (estimate.capacity.length) {
    sections.push("", color.bold("Capacity at peak") + color.dim("  (● load, ▓ reference range per node, log scale)"), ...estimate.capacity.map((c) => renderCapacity(c, color, layout.width)));
  }
  const readings = readingWords(estimate, name).map((r) => wrapLines(`· ${r}`, layout.width - 6, "  ").map((line) => color.dim(`  ${line}`)).join("\n"));
  if (readings.length) sections.push("", color.bold("Readings"), ...readings);
  return sections.join("\n");
}

/**
 * The steps as a table of step, formula, exact and napkin values; a terminal too narrow for it gets each step
 * on two lines (the formula, then its value), wrapped at spaces, never inside a number.
 */
function stepsTable(steps: Step[], color: ChalkInstance, width: number): string {
  const table = renderColumns(["step", "formula", "exact", "napkin"], steps.map((s) => [s.label, s.formula, s.display, s.napkin]), (h) => color.bold(h), {
    style: (column, text) => (column === 3 ? color.cyan(text) : text),
  });
  if (table.split("\n").every((line) => visibleLength(line) <= width)) return table;
  const labelWidth = Math.min(24, Math.max(...steps.map((s) => s.label.length)));
  const indent = " ".repeat(labelWidth + 3);
  const lines: string[] = [];
  for (const s of steps) {
    const formula = wrapWords(s.formula, width - indent.length);
    const head = ` ${s.label.padEnd(labelWidth)}  `;
    lines.push(head.length > indent.length ? ` ${s.label}` : `${head}${formula.shift()}`, ...formula.map((f) => indent + f));
    const value = wrapWords(`= ${s.display} ${s.napkin}`, width - indent.length);
    lines.push(...value.map((v) => indent + v.replace(/≈.*$/, (m) => color.cyan(m))));
  }
  return lines.map((l) => l.trimEnd()).join("\n");
}

/** The same answer as markdown, to paste into study notes: tables of the steps, the verdicts, the readings. */
export function renderEstimateMarkdown(estimate: Estimate, name: Namer = flagNames): string {
  const cell = (text: string) => text.replace(/\|/g, "\\|");
  const table = (steps: Step[]) => ["| step | formula | exact | napkin |", "|---|---|---|---|", ...steps.map((s) => `| ${cell(s.label)} | ${cell(s.formula)} | ${cell(s.display)} | ${cell(s.napkin)} |`)].join("\n");
  const out: string[] = [];
  if (estimate.streams) {
    for (const stream of estimate.streams) out.push(`### Stream ${stream.name} (${stream.kind})`, "", table(stream.steps), "");
    out.push("### Total", "", table(estimate.steps));
  } else out.push(table(estimate.steps));
  if (estimate.capacity.length) {
    out.push("", "**Capacity at peak**", "");
    for (const c of estimate.capacity) out.push(`- **${c.metric}**: ${c.verdict}, ${amountOf(c.load, c)} vs ${rangeOf(c)} — “${c.say}”${c.assumption ? ` (${c.assumption})` : ""}`);
  }
  const readings = readingWords(estimate, name);
  if (readings.length) out.push("", "**Readings**", "", ...readings.map((r) => `- ${r}`));
  return out.join("\n");
}

/** Every reading in words: the estimate's, then each stream's, said with its name. */
export function readingWords(estimate: Estimate, name: Namer): string[] {
  return [
    ...estimate.readings.map((r) => describeEstimateReading(r, name)),
    ...(estimate.streams ?? []).flatMap((s) => s.readings.map((r) => (r.kind === "stream-overrides" ? describeEstimateReading(r, name) : `${s.name}: ${describeEstimateReading(r, name)}`))),
  ];
}

const verdictColor = { fits: "green", tight: "yellow", exceeds: "red" } as const;

/** An amount in the check's unit: `66.7K/s`, `2M connections`, `1.25 GB/s`. */
function amountOf(value: number, check: CapacityCheck): string {
  if (check.unit === "bytes/s") return formatQuantity(quantity(value, dims.dataRate), chooseUnit(dims.dataRate, value), "napkin");
  return `${formatNapkin(value)}${check.unit === "/s" ? "/s" : ""}`;
}

const rangeOf = (check: CapacityCheck) => {
  const ends = (format: (n: number) => string) => (check.openEnded ? `${format(check.low)}+` : check.low === check.high ? format(check.high) : `${format(check.low)}–${format(check.high)}`);
  if (check.unit === "/s") return `${ends(formatNapkin)}/s`;
  return check.unit === "connections" ? `${ends(formatNapkin)} connections` : ends((n) => amountOf(n, check));
};

function renderCapacity(check: CapacityCheck, color: ChalkInstance, width: number): string {
  const paint = color[verdictColor[check.verdict]];
  const numbers = `${amountOf(check.load, check)} vs ${rangeOf(check)}`;
  const bar = renderBar(check.load, check.low, check.high);
  const oneLine = 2 + Math.max(26, check.metric.length) + 1 + bar.length + 1 + 7 + 1 + numbers.length;
  // A narrow terminal takes the numbers onto a line of their own rather than cutting them.
  const head = oneLine <= width
    ? `  ${check.metric.padEnd(26)} ${paint(bar)} ${paint(check.verdict.padEnd(7))} ${numbers}`
    : `  ${check.metric.padEnd(26)} ${paint(bar)} ${paint(check.verdict)}\n      ${numbers}`;
  const say = wrapLines(`“${check.say}”${check.assumption ? ` (${check.assumption})` : ""}`, width - 6, "").map((line) => color.dim(`      ${line}`)).join("\n");
  return `${head.trimEnd()}\n${say}`;
}

/** A sentence wrapped at spaces to a width, later lines indented. */
function wrapLines(text: string, width: number, indent: string): string[] {
  const [first, ...rest] = wrapWords(text, Math.max(20, width));
  return [first, ...rest.map((line) => indent + line)];
}
