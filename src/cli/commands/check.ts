import { type Stats, createReadStream, statSync } from "node:fs";
import { setFlagsFromString } from "node:v8";
import { type CheckOptions, type CheckSummary, type Finding, NotesChecker } from "../../core/check/checker.js";
import { NapkinError } from "../../core/errors.js";
import { type MathFunctions, readNotation } from "../../core/notation/index.js";
import type { CommandSpec, Context } from "../command.js";
import { bugLine } from "../errors.js";
import { cannotRead } from "../files.js";
import { fileLines, streamLines } from "../lines.js";
import { createMathFunctions } from "../mathFunctions.js";
import { readReferenceTable } from "../reference.js";
import { annotateLine, findingJson, renderFinding, renderSummary } from "../render/findings.js";
import { type OutputFile, openOutputFile } from "../outputFile.js";

export const checkCommand: CommandSpec = {
  name: "check",
  arguments: "[files...]",
  summary: "lint practice answers and notes: point out every arithmetic or reference slip",
  description:
    "Read notes (markdown or plain text, Portuguese or English) like a linter: every `expression = value`\n" +
    "(also ≈, ~, =>, →, chains, table rows) is recomputed, and every claim about what Postgres, Redis or Kafka\n" +
    "can handle is compared with the reference table. Only slips are reported, each with its likely cause;\n" +
    "right lines stay silent (--all lists them with ✓, with how each was read). A line may allow several\n" +
    "readings (B billion or bytes, m million or minutes, 86.400 as 86.4 or 86,400, a bare 40M per day, a 86,400\n" +
    "that converts s to days): each costs what makes it unlikely, and a line is right when a likely enough one\n" +
    "gives the stated value within the tolerance (25%). Interview rounding (10⁵ s/day, 2.5M s/month) and hand\n" +
    "conversions the units show are accepted; a wrong line names the likeliest slip. Verdicts: wrong (the line's own slip), propagated (it used an earlier line's wrong result),\n" +
    "reference (over-claims a component's capacity). Code blocks (```sql, ```lua…), IDs, dates and lines with\n" +
    "unknown symbols are not claims. Exit 1 when anything is reported, 0 when clean, 2 on unreadable input.",
  options: [
    { flags: "-e, --expression <claim>", description: "check one claim given here (repeatable)", repeatable: true },
    { flags: "--all", description: "also list the right claims (✓) and how each was read" },
    { flags: "--tolerance <percent>", description: "how far a stated value may be from the exact one", defaultValue: "25%" },
    { flags: "--json", description: "print {files, findings, summary}, streamed: each finding as its line is checked" },
    { flags: "--annotate", description: "print a copy of the input with <!-- napkin: … --> after each reported line" },
    { flags: "-o, --output <file>", description: "with --annotate: write the copy here (never over an input)" },
  ],
  examples: [
    'napkin check -e "200K / 3 = 66"',
    "napkin check notes.md",
    "napkin check --all --tolerance 10% answer.md",
    "cat answer.md | napkin check -",
    "napkin check --annotate notes.md -o notes.checked.md",
  ],
  async run(given, options, context) {
    const expressions = (options.expression as string[] | undefined) ?? [];
    // `check - -`: standard input is read once.
    const files = given.filter((file, i) => file !== "-" || given.indexOf("-") === i);
    if (files.length === 0 && expressions.length === 0) throw new NapkinError("usage", "nothing to check: give files, '-' for standard input, or -e \"200K / 3 = 66\"");
    if (options.output && !options.annotate) throw new NapkinError("usage", "-o/--output goes with --annotate");
    const tolerance = readTolerance(String(options.tolerance));
    const reference = readReferenceTable(context.global);
    // An annotated copy on stdout carries the findings itself; only the summary goes to stderr.
    const quiet = Boolean(options.annotate) && !options.output;
    const checks = { reference, tolerance, monthSeconds: context.global.monthSeconds };
    const inputs = [
      ...expressions.map((expression, i) => ({ name: expressions.length > 1 ? `-e#${i + 1}` : "-e", lines: () => [linesOf(expression)] })),
      ...files.map((file) => (file === "-" ? { name: "<stdin>", lines: () => streamLines(context.stdin()) } : { name: file, lines: () => readableFileLines(file) })),
    ];
    const run = new CheckRun(context, { json: Boolean(options.json), all: Boolean(options.all), quiet }, checks, inputs.map((input) => input.name));
    const annotated = options.annotate ? await openOutputFile(options.output as string | undefined, files, context) : undefined;
    try {
      // One input napkin cannot read is reported, and the others are still checked (exit 2 at the end).
      for (const input of inputs) await run.checkInput(input.name, input.lines(), annotated);
      // A copy that lacks an input is no copy: it is written only when every input was read.
      if (run.failed) await annotated?.abandon();
      else await annotated?.commit();
    } catch (error) {
      await annotated?.abandon();
      throw error;
    }
    return run.finish();
  },
};

/**
 * One `napkin check` invocation: prints findings as they come, as text or as one JSON document streamed finding by
 * finding (the files and the summary last), so memory stays flat for any input. A line that napkin cannot judge is
 * skipped; an unexpected error on a line, or an input that cannot be read, is reported with where it was, the
 * rest is still checked, and the run ends with exit 2.
 */
class CheckRun {
  private readonly summary: CheckSummary = { claims: 0, ok: 0, wrong: 0, propagated: 0, reference: 0 };
  private readonly functions: MathFunctions = createMathFunctions();
  /** The JSON text of the last finding, held back until it is known whether a comma follows it. */
  private pendingJson: string | undefined;
  /** How many inputs were read to the end: with none, there is no summary to give. */
  private read = 0;
  /** Lines checked in this run, all inputs together. */
  private lines = 0;
  failed = false;

  constructor(
    private readonly context: Context,
    private readonly mode: { json: boolean; all: boolean; quiet: boolean },
    private readonly checks: CheckOptions,
    files: readonly string[],
  ) {
    if (mode.json) context.output.out(`{\n  "files": ${indented(files, "  ")},`);
  }

  /** Checks one input (a file, stdin or an -e claim); a failure to read it is reported, not thrown. */
  async checkInput(name: string, batches: AsyncIterable<string[]> | Iterable<string[]>, annotated?: OutputFile) {
    try {
      await this.checkLines(name, batches, annotated);
      this.read++;
    } catch (error) {
      if (!(error instanceof NapkinError)) throw error;
      this.error(error.toLine());
    }
  }

  /** Checks one input line by line, with a checker of its own. */
  private async checkLines(name: string, batches: AsyncIterable<string[]> | Iterable<string[]>, annotated?: OutputFile) {
    const checker = new NotesChecker(name, this.checks);
    let number = 0;
    try {
      for await (const lines of batches) {
        // An index, not for-of: an iterator result per line is garbage the collector has to sweep.
        for (let i = 0; i < lines.length; i++) {
          // napkin's own comments (an annotated copy) are not the notes: never read, and replaced when annotating again.
          const raw = withoutAnnotation(lines[i]);
          number++;
          if (++this.lines === bigRunLines) keepYoungGenerationSmall();
          if (raw.includes("\u0000")) throw new NapkinError("io", `${name}:${number}: binary data (NUL bytes); napkin reads text notes`);
          let found: readonly Finding[];
          try {
            found = checker.checkLine(raw, number, this.functions);
          } catch (error) {
            // A line napkin could not judge stops nothing: it is reported where it is, and the file goes on.
            if (error instanceof NapkinError && error.code === "io") throw error;
            this.error(`${name}:${number}: ${bugLine(error, "the rest of the file is still checked")}`, "internal error");
            found = [];
          }
          annotated?.write(annotateLine(raw, found));
          // Most lines make no claim: they cost no filtered copy and no iterator.
          if (found.length > 0) this.report(found);
        }
      }
    } finally {
      for (const key of Object.keys(this.summary) as (keyof CheckSummary)[]) this.summary[key] += checker.summary[key];
    }
  }

  private error(line: string, kind = "error") {
    this.failed = true;
    this.context.output.err(`napkin: ${this.context.output.color.red(kind)}: ${line}`);
  }

  private report(found: readonly Finding[]) {
    const { output, color } = { output: this.context.output, color: this.context.output.color };
    for (const finding of found) {
      if (!this.mode.all && finding.verdict === "ok") continue;
      if (this.mode.json) {
        output.out(this.pendingJson === undefined ? '  "findings": [' : `${this.pendingJson},`);
        this.pendingJson = `    ${indented(findingJson(finding), "    ")}`;
      } else if (!this.mode.quiet) output.out(renderFinding(finding, color, this.mode.all));
    }
  }

  finish(): number {
    const { output } = this.context;
    if (this.mode.json) {
      output.out(this.pendingJson === undefined ? '  "findings": [],' : `${this.pendingJson}\n  ],`);
      output.out(`  "summary": ${indented(this.summary, "  ")}\n}`);
    } else if (this.read > 0) output.err(renderSummary(this.summary, output.color));
    if (this.failed) return 2;
    return this.summary.wrong + this.summary.propagated + this.summary.reference > 0 ? 1 : 0;
  }
}

/** Past this many lines a run is big: its memory is bounded from there on. */
const bigRunLines = 5_000;

/**
 * A check holds ~16 MB alive at any time, but V8 grows its young generation while collecting it is cheap:
 * Node 24 reached 64 MB semi-spaces (215 MB resident for a million --all --json findings). Kept at its
 * start size, a million findings stay near 120 MB on Node 24 and 80 MB on Node 20, for no measurable time
 * on notes; only a big run pays the one call.
 */
function keepYoungGenerationSmall() {
  setFlagsFromString("--semi-space-growth-factor=1");
}

/** A value as indented JSON, its inner lines moved right to sit at `indent`. */
function indented(value: unknown, indent: string): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, `\n${indent}`);
}

/** A line without the `<!-- napkin: … -->` comment an earlier `--annotate` appended to it. */
function withoutAnnotation(line: string): string {
  const at = line.lastIndexOf(" <!-- napkin: ");
  return at >= 0 && line.endsWith(" -->") ? line.slice(0, at) : line;
}

function linesOf(text: string): string[] {
  return text.split(/\r?\n/);
}

/** A file's lines in batches, after making sure it is a file napkin can open: anything else is a one-line error. */
function readableFileLines(file: string): AsyncIterable<string[]> {
  return {
    async *[Symbol.asyncIterator]() {
      let stats: Stats;
      try {
        stats = statSync(file);
      } catch (error) {
        throw cannotRead(file, error);
      }
      if (stats.isDirectory()) throw cannotRead(file, "is a directory, not a file");
      try {
        // A FIFO or a device may make a read wait: a stream waits without blocking, so a signal still ends the run.
        yield* stats.isFile() ? fileLines(file) : streamLines(createReadStream(file));
      } catch (error) {
        // Only reading throws in here (permission denied, an I/O error): the checker's errors arise outside.
        throw cannotRead(file, error);
      }
    },
  };
}

function readTolerance(text: string): number {
  try {
    const { quantity } = readNotation(text);
    if (quantity.low !== quantity.high || quantity.dim.t !== 0 || quantity.dim.d !== 0 || quantity.low <= 0 || quantity.low >= 1) throw new Error();
    return quantity.low;
  } catch {
    throw new NapkinError("usage", "--tolerance must be a percentage between 0% and 100%, like 10%", { text });
  }
}
