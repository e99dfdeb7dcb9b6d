import type { ChalkInstance } from "chalk";
import type { CapacityCheck, Estimate } from "../../core/estimate.js";
import { formatNapkin } from "../../core/notation/index.js";
import { renderBar } from "./bar.js";
import { renderTable } from "./table.js";
import { describeEstimateReading } from "./words.js";

/** The worked answer: steps, capacity verdicts with bars, and the readings taken. */
export function renderEstimate(estimate: Estimate, color: ChalkInstance): string {
  const steps = renderTable(
    ["step", "formula", "exact", "napkin"],
    estimate.steps.map((s) => [s.label, s.formula, s.display, color.cyan(s.napkin)]),
    color,
  );
  const capacity = estimate.capacity.map((c) => renderCapacity(c, color));
  const notes = estimate.readings.map((r) => color.dim(`  · ${describeEstimateReading(r)}`));
  return [
    color.bold("Worked answer"),
    steps,
    "",
    color.bold("Capacity at peak") + color.dim("  (● load, ▓ reference range per node, log scale)"),
    ...capacity,
    ...(notes.length ? ["", color.bold("Readings"), ...notes] : []),
  ].join("\n");
}

const verdictColor = { fits: "green", tight: "yellow", exceeds: "red" } as const;

function renderCapacity(check: CapacityCheck, color: ChalkInstance): string {
  const paint = color[verdictColor[check.verdict]];
  const range = `${formatNapkin(check.low)}${check.openEnded ? "+" : `–${formatNapkin(check.high)}`}/s`;
  const head = `  ${check.metric.padEnd(26)} ${paint(renderBar(check.load, check.low, check.high))} ${paint(check.verdict.padEnd(7))} ${formatNapkin(check.load)}/s vs ${range}`;
  const say = color.dim(`      “${check.say}”${check.assumption ? ` (${check.assumption})` : ""}`);
  return `${head}\n${say}`;
}
