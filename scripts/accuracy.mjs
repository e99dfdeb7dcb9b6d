#!/usr/bin/env node
// `npm run accuracy`: scores `napkin check` on text nobody here wrote (tests/accuracy/README.md).
// Every label is checked against the calculation written beside it before napkin is run at all.
//   node scripts/accuracy.mjs              validate the labels, run the built napkin, print the scores
//   node scripts/accuracy.mjs --validate   only validate the labels
//   node scripts/accuracy.mjs --list       also list every miss, false alarm and wrong cause
//   node scripts/accuracy.mjs --json       the scores as JSON
//   node scripts/accuracy.mjs --holdout    score the holdout set (tests/accuracy/holdout/) instead: text collected
//                                          after the reading rules were written
//   node scripts/accuracy.mjs --final      score the final set (tests/accuracy/final/)
//   node scripts/accuracy.mjs --blind      score the blind set (tests/accuracy/blind/); --blind2 the second one
//                                          when collected; see tests/accuracy/README.md for how each set was used
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const corpusDir = join(root, "tests/accuracy/corpus");
const tolerance = 0.25;
export const targets = { recall: 0.95, falseAlarmsRight: 0.02, falseAlarmsProse: 0.005, rightCause: 0.85 };
export const causes = [
  "scale-1000", "scale-1e6", "scale-1e9", "slipped-zero", "bits-bytes", "binary-decimal", "day-seconds", "hour-day",
  "minute-hour", "period", "interview-day", "month-length", "wrong-exponent", "missing-brackets", "missing-peak", "missing-replication", "other",
];
const labels = ["right", "wrong", "propagated", "capacity", "unclear"];

/** A calc is arithmetic only: numbers, operators, brackets and Math's functions. */
const calcPattern = /^(?:[\d\s.eE+\-*/(),_]|Math\.(?:sqrt|cbrt|log|log2|log10|ceil|floor|round|min|max|pow|abs|PI))*$/;

export function evaluateCalc(calc) {
  if (typeof calc !== "string" || !calcPattern.test(calc)) throw new Error(`calc is not plain arithmetic: ${JSON.stringify(calc)}`);
  const value = Function(`"use strict"; return (${calc.replace(/_/g, "")});`)();
  if (typeof value !== "number" || !Number.isFinite(value)) throw new Error(`calc has no finite value: ${calc}`);
  return value;
}

/** Whether a stated value (a number or [low, high]) is within the tolerance of the right one. */
export function within(stated, value, tol = tolerance) {
  const close = (s, v) => (v === 0 ? s === 0 : Math.abs(s / v - 1) <= tol + 1e-9);
  if (Array.isArray(stated)) return close(stated[0], value) || close(stated[1], value) || (stated[0] <= value && value <= stated[1]);
  return close(stated, value);
}

/** Reads and checks every corpus file; returns the files and a list of problems. */
export function loadCorpus(dir = corpusDir) {
  const problems = [];
  const files = [];
  const names = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".json")).sort() : [];
  for (const name of names) {
    const where = `${dir.slice(root.length)}/${name}`;
    let data;
    try {
      data = JSON.parse(readFileSync(join(dir, name), "utf8"));
    } catch (error) {
      problems.push(`${where}: not JSON: ${error.message}`);
      continue;
    }
    const id = name.replace(/\.json$/, "");
    const mdPath = join(dir, `${id}.md`);
    if (!existsSync(mdPath)) {
      problems.push(`${where}: no ${id}.md beside it`);
      continue;
    }
    const text = readFileSync(mdPath, "utf8");
    const lines = text.split("\n");
    const fail = (message) => problems.push(`${where}: ${message}`);
    if (data.id !== id) fail(`id '${data.id}' is not the file name '${id}'`);
    if (!["verbatim", "slips"].includes(data.kind)) fail(`kind must be verbatim or slips`);
    if (data.kind === "slips" && (!data.derivedFrom || !data.slip)) fail("a slips file needs derivedFrom and slip");
    if (!Array.isArray(data.sources) || data.sources.length === 0) fail("no sources");
    for (const source of data.sources ?? []) {
      const repo = source.repo && source.path && /^[0-9a-f]{40}$/.test(source.commit ?? "");
      if (!repo && !/^https?:\/\//.test(source.url ?? "")) fail(`a source needs repo + path + commit (40 hex) or url: ${JSON.stringify(source)}`);
    }
    const labelled = new Map();
    for (const [key, entry] of Object.entries(data.lines ?? {})) {
      const n = Number(key);
      const at = `line ${key}`;
      if (!Number.isInteger(n) || n < 1 || n > lines.length) {
        fail(`${at}: no such line`);
        continue;
      }
      if (lines[n - 1].replace(/\r$/, "") !== entry.text) fail(`${at}: text does not match the .md file:\n  label: ${JSON.stringify(entry.text)}\n  file:  ${JSON.stringify(lines[n - 1])}`);
      if (!labels.includes(entry.label)) fail(`${at}: label must be one of ${labels.join(", ")}`);
      if (entry.label === "wrong" && !causes.includes(entry.cause)) fail(`${at}: a wrong line needs a cause, one of ${causes.join(", ")}`);
      if (entry.label === "propagated" && !(Number.isInteger(entry.from) && entry.from < n && data.lines[String(entry.from)])) fail(`${at}: propagated needs from: an earlier labelled line`);
      if (["right", "wrong", "propagated"].includes(entry.label)) {
        if (!Array.isArray(entry.claims) || entry.claims.length === 0) fail(`${at}: a ${entry.label} line needs claims`);
        const verdicts = [];
        for (const claim of entry.claims ?? []) {
          try {
            const value = evaluateCalc(claim.calc);
            verdicts.push(within(claim.stated, value) || (claim.correct !== undefined && within(claim.stated, evaluateCalc(claim.correct))));
          } catch (error) {
            fail(`${at}: ${error.message}`);
          }
        }
        if (entry.label === "right" && verdicts.includes(false)) fail(`${at}: labelled right, but a claim is more than 25% from its calc`);
        if (entry.label === "wrong" && !verdicts.includes(false)) fail(`${at}: labelled wrong, but every claim is within 25% of its calc`);
        if (entry.label === "propagated" && verdicts.includes(false)) fail(`${at}: labelled propagated, but a claim is wrong as written and with the correction`);
      }
      labelled.set(n, entry);
    }
    files.push({ id, kind: data.kind, mdPath, lines, labelled, sources: data.sources ?? [] });
  }
  return { files, problems };
}

/** The team's own material, kept in the harness: the user's notes and the 168-line claim corpus. */
function teamCorpus(scratch) {
  const notesPath = join(root, "tests/fixtures/study-notes.md");
  const expected = JSON.parse(readFileSync(join(root, "tests/fixtures/study-notes-expected.json"), "utf8"));
  const notesLines = readFileSync(notesPath, "utf8").split("\n");
  const notesLabels = new Map();
  for (const f of expected.findings) {
    const label = f.verdict === "reference" ? "capacity-wrong" : f.verdict;
    notesLabels.set(f.line, { label, cause: f.diagnosis, from: f.from_line, text: f.text });
  }
  const corpus = JSON.parse(readFileSync(join(root, "tests/fixtures/check-corpus.json"), "utf8"));
  const caseLines = [];
  const caseLabels = new Map();
  // Cases that need another tolerance are the claim-corpus test's (tests/core/check-corpus.test.ts); the harness runs at 25%.
  corpus.filter((c) => !c.tolerance).forEach((c, i) => {
    caseLines.push(`## case ${"abcdefghijklmnopqrstuvwxyz"[i % 26]}${Math.floor(i / 26)}`, c.text, "");
    const label = c.verdict === "ok" ? "right" : c.verdict === "wrong" ? "wrong" : c.verdict === "reference" ? "capacity-wrong" : undefined;
    if (label) caseLabels.set(caseLines.length - 1, { label, cause: c.diagnosis, text: c.text });
  });
  const casesPath = join(scratch, "team-claim-corpus.md");
  writeFileSync(casesPath, caseLines.join("\n"));
  return [
    { id: "team-study-notes", kind: "team", mdPath: notesPath, lines: notesLines, labelled: notesLabels },
    { id: "team-claim-corpus", kind: "team", mdPath: casesPath, lines: caseLines, labelled: caseLabels },
  ];
}

/** Runs the built napkin once over every file: findings by file and line. */
function runNapkin(files) {
  const run = spawnSync(process.execPath, [join(root, "bin/napkin"), "check", "--json", "--all", ...files.map((f) => f.mdPath)], {
    encoding: "utf8",
    maxBuffer: 1 << 28,
    env: { ...process.env, NO_COLOR: "1" },
  });
  if (run.status !== 0 && run.status !== 1) throw new Error(`napkin check exited ${run.status}: ${run.stderr.trim()}`);
  const byFile = new Map();
  for (const finding of JSON.parse(run.stdout).findings) {
    const lines = byFile.get(finding.file) ?? new Map();
    lines.set(finding.line, [...(lines.get(finding.line) ?? []), finding]);
    byFile.set(finding.file, lines);
  }
  return byFile;
}

const flagged = (findings) => findings.filter((f) => f.verdict !== "ok");

/** The slip a propagated line's chain of `from` lines starts at. */
function rootOf(file, line) {
  const seen = new Set();
  let at = line;
  while (file.labelled.get(at)?.label === "propagated" && file.labelled.get(at).from !== undefined && !seen.has(at)) {
    seen.add(at);
    at = file.labelled.get(at).from;
  }
  return at;
}

/** A propagated line whose chain of `from` lines starts at a slip only earlier lines reveal: its slip cannot be seen either. */
function rootIsContext(file, label) {
  const seen = new Set();
  for (let at = label; at?.label === "propagated" && at.from !== undefined && !seen.has(at.from); at = file.labelled.get(at.from)) {
    seen.add(at.from);
    if (file.labelled.get(at.from)?.context) return true;
  }
  return false;
}

/** Scores one group of files; `events` collects what went wrong, for --list. */
function score(files, byFile, events) {
  const s = { slips: 0, caught: 0, contextSlips: 0, contextCaught: 0, causeKnown: 0, causeRight: 0, right: 0, rightFlagged: 0, rightRead: 0, prose: 0, proseFlagged: 0, capacity: 0, capacityFlagged: 0 };
  for (const file of files) {
    const found = byFile.get(file.mdPath) ?? new Map();
    file.lines.forEach((text, i) => {
      const n = i + 1;
      const label = file.labelled.get(n);
      const findings = found.get(n) ?? [];
      const bad = flagged(findings);
      const where = `${file.id}:${n}`;
      if (!label) {
        if (!text.trim() || text.trim().startsWith("## ") && file.kind !== "team") return;
        s.prose++;
        if (bad.length) {
          s.proseFlagged++;
          events.push(`false alarm (prose)  ${where}: ${text.trim()}\n    → ${bad.map(describe).join("; ")}`);
        }
        return;
      }
      if (label.label === "unclear") return;
      if (label.label === "capacity" || label.label === "capacity-wrong") {
        s.capacity++;
        if (bad.length && label.label === "capacity") s.capacityFlagged++;
        return;
      }
      if (label.label === "right") {
        s.right++;
        if (findings.length) s.rightRead++;
        if (bad.length) {
          s.rightFlagged++;
          events.push(`false alarm (right)  ${where}: ${text.trim()}\n    → ${bad.map(describe).join("; ")}`);
        }
        return;
      }
      if (label.context || rootIsContext(file, label)) {
        // The slip is not on the line itself: scored apart.
        s.contextSlips++;
        if (bad.length) s.contextCaught++;
        return;
      }
      s.slips++;
      if (!bad.length) {
        events.push(`missed ${label.label.padEnd(10)}   ${where}: ${text.trim()}${findings.length ? `\n    → read as ${findings.map(describe).join("; ")}` : ""}`);
        return;
      }
      s.caught++;
      const expectCause = label.label === "wrong" ? label.cause : undefined;
      if (label.label === "propagated") {
        s.causeKnown++;
        // A chain's lines may name the line whose value they copied or the slip that started it: both are right.
        const root = (n) => rootOf(file, n);
        const ok = bad.some((f) => f.verdict === "propagated" && (label.from === undefined || f.from === label.from || root(f.from) === root(label.from)));
        if (ok) s.causeRight++;
        else events.push(`wrong cause          ${where}: ${text.trim()}\n    → want propagated from ${label.from}, got ${bad.map(describe).join("; ")}`);
      } else if (expectCause && expectCause !== "other") {
        s.causeKnown++;
        if (bad.some((f) => f.cause === expectCause)) s.causeRight++;
        else events.push(`wrong cause          ${where}: ${text.trim()}\n    → want ${expectCause}, got ${bad.map(describe).join("; ")}`);
      }
    });
  }
  return s;
}

function describe(f) {
  return `${f.verdict}${f.cause ? ` ${f.cause}` : ""}${f.from ? ` from ${f.from}` : ""} (expected ${f.expected}${f.unit ? ` ${f.unit}` : ""})`;
}

const ratio = (a, b) => (b === 0 ? NaN : a / b);
const percent = (x) => (Number.isNaN(x) ? "–" : `${(x * 100).toFixed(1)}%`);

function summarise(s) {
  return {
    slips: s.slips,
    recall: ratio(s.caught, s.slips),
    rightClaims: s.right,
    falseAlarmsRight: ratio(s.rightFlagged, s.right),
    readRight: ratio(s.rightRead, s.right),
    proseLines: s.prose,
    falseAlarmsProse: ratio(s.proseFlagged, s.prose),
    rightCause: ratio(s.causeRight, s.causeKnown),
    contextSlips: s.contextSlips,
    contextRecall: ratio(s.contextCaught, s.contextSlips),
    capacityLines: s.capacity,
  };
}

function main(argv) {
  const set = ["holdout", "final", "blind", "blind2"].find((name) => argv.includes(`--${name}`)) ?? "corpus";
  const holdout = set !== "corpus";
  const loaded = loadCorpus(join(root, "tests/accuracy", set));
  const only = argv.find((a) => a.startsWith("--only="))?.slice("--only=".length);
  const files = only ? loaded.files.filter((f) => f.id.startsWith(only)) : loaded.files;
  const problems = loaded.problems;
  if (problems.length) {
    process.stderr.write(`accuracy: ${problems.length} label problem${problems.length === 1 ? "" : "s"}:\n${problems.map((p) => `  ${p}`).join("\n")}\n`);
    return 2;
  }
  const sources = new Set(files.flatMap((f) => f.sources.map((s) => s.url ?? `${s.repo}/${s.path}`)));
  const verbatimLines = files.filter((f) => f.kind === "verbatim").reduce((n, f) => n + f.lines.filter((l) => l.trim()).length, 0);
  if (argv.includes("--validate")) {
    process.stdout.write(`${files.length} files, ${sources.size} public sources, ${verbatimLines} non-blank verbatim lines: labels agree with their calculations\n`);
    return 0;
  }
  const scratch = mkdtempSync(join(tmpdir(), "napkin-accuracy-"));
  try {
    const team = holdout ? [] : teamCorpus(scratch);
    const byFile = runNapkin([...files, ...team]);
    const events = [];
    const groups = {
      "public, verbatim": files.filter((f) => f.kind === "verbatim"),
      "public, slips carried forward": files.filter((f) => f.kind === "slips"),
      "team (study notes, claim corpus)": team,
    };
    const scores = Object.fromEntries(Object.entries(groups).map(([name, group]) => [name, score(group, byFile, events)]));
    const total = Object.values(scores).reduce((a, s) => Object.fromEntries(Object.keys(a).map((k) => [k, a[k] + s[k]])));
    const result = { ...Object.fromEntries(Object.entries(scores).map(([k, v]) => [k, summarise(v)])), all: summarise(total) };
    if (argv.includes("--json")) {
      process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    } else {
      const rows = Object.entries(result).map(([name, r]) => [name, `${r.slips}`, percent(r.recall), `${r.rightClaims}`, percent(r.falseAlarmsRight), `${r.proseLines}`, percent(r.falseAlarmsProse), percent(r.rightCause), `${r.contextSlips}`, percent(r.contextRecall)]);
      const head = ["", "slips", "recall", "right", "false alarms", "prose", "false alarms", "right cause", "context", "recall"];
      const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
      const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
      process.stdout.write(`${files.length} corpus files from ${sources.size} public sources (${verbatimLines} verbatim lines), plus the team's notes and claim corpus\n\n`);
      process.stdout.write(`${[line(head), ...rows.map(line)].join("\n")}\n`);
      process.stdout.write("slips: wrong or propagated lines whose slip shows on the line; context: slips only earlier lines reveal (not in the target)\n\n");
      const all = result.all;
      const met = (ok) => (ok ? "met" : "MISSED");
      process.stdout.write(
        `targets: recall ≥ 95% ${met(all.recall >= targets.recall)}; false alarms on right claims ≤ 2% ${met(all.falseAlarmsRight <= targets.falseAlarmsRight)}; ` +
          `on prose ≤ 0.5% ${met(all.falseAlarmsProse <= targets.falseAlarmsProse)}; right cause ≥ 85% ${met(all.rightCause >= targets.rightCause)}\n`,
      );
      if (argv.includes("--list")) process.stdout.write(`\n${events.join("\n")}\n`);
      else if (events.length) process.stdout.write(`(${events.length} misses, false alarms and wrong causes: --list shows them)\n`);
    }
    const all = result.all;
    return all.recall >= targets.recall && all.falseAlarmsRight <= targets.falseAlarmsRight && all.falseAlarmsProse <= targets.falseAlarmsProse && all.rightCause >= targets.rightCause ? 0 : 1;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.exitCode = main(process.argv.slice(2));
