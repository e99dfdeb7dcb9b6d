import { type Stats, createReadStream, statSync } from "node:fs";
import { type CheckOptions, type CheckSummary, type Finding, NotesChecker } from "../../core/check/checker.js";
import { NapkinError } from "../../core/errors.js";
import { type MathFunctions, readNotation } from "../../core/notation/index.js";
import type { CommandSpec, Context } from "../command.js";
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
    { flags: "--json", description: "print {files, findings, summary}" },
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
  async run(files, options, context) {
    const expressions = (options.expression as string[] | undefined) ?? [];
    if (files.length === 0 && expressions.length === 0) throw new NapkinError("usage", "nothing to check: give files, '-' for standard input, or -e \"200K / 3 = 66\"");
    if (options.output && !options.annotate) throw new NapkinError("usage", "-o/--output goes with --annotate");
    const tolerance = readTolerance(String(options.tolerance));
    const reference = readReferenceTable(context.global);
    // An annotated copy on stdout carries the findings itself; only the summary goes to stderr.
    const quiet = Boolean(options.annotate) && !options.output;
    const checks = { reference, tolerance, monthSeconds: context.global.monthSeconds };
    const run = new CheckRun(context, { json: Boolean(options.json), all: Boolean(options.all), quiet }, checks);
    const annotated = options.annotate ? await openOutputFile(options.output as string | undefined, files, context) : undefined;
    try {
      for (const [i, expression] of expressions.entries()) {
        await run.checkLines(expressions.length > 1 ? `-e#${i + 1}` : "-e", [linesOf(expression)], annotated);
      }
      for (const file of files) {
        if (file === "-") await run.checkLines("<stdin>", streamLines(process.stdin), annotated);
        else await run.checkLines(file, readableFileLines(file), annotated);
      }
      await annotated?.commit();
    } catch (error) {
      await annotated?.abandon();
      throw error;
    }
    return run.finish();
  },
};

/** One `napkin check` invocation: prints findings as they come (text) or gathers them (JSON). */
class CheckRun {
  private readonly findings: Finding[] = [];
  private readonly files: string[] = [];
  private readonly summary: CheckSummary = { claims: 0, ok: 0, wrong: 0, propagated: 0, reference: 0 };
  private readonly functions: MathFunctions = createMathFunctions();

  constructor(
    private readonly context: Context,
    private readonly mode: { json: boolean; all: boolean; quiet: boolean },
    private readonly checks: CheckOptions,
  ) {}

  /** Checks one input (a file, stdin or an -e claim), line by line, with a checker of its own. */
  async checkLines(name: string, batches: AsyncIterable<string[]> | Iterable<string[]>, annotated?: OutputFile) {
    this.files.push(name);
    const checker = new NotesChecker(name, this.checks);
    let number = 0;
    for await (const lines of batches) {
      // An index, not for-of: an iterator result per line is garbage the collector has to sweep.
      for (let i = 0; i < lines.length; i++) {
        const raw = lines[i];
        number++;
        if (raw.includes("\u0000")) throw new NapkinError("io", `${name}:${number}: binary data (NUL bytes); napkin reads text notes`);
        const found = checker.checkLine(raw, number, this.functions);
        annotated?.write(annotateLine(raw, found));
        // Most lines make no claim: they cost no filtered copy and no iterator.
        if (found.length > 0) this.report(found);
      }
    }
    for (const key of Object.keys(this.summary) as (keyof CheckSummary)[]) this.summary[key] += checker.summary[key];
  }

  private report(found: readonly Finding[]) {
    const reported = found.filter((f) => this.mode.all || f.verdict !== "ok");
    if (this.mode.json) this.findings.push(...reported);
    else if (!this.mode.quiet) for (const finding of reported) this.context.output.out(renderFinding(finding, this.context.output.color, this.mode.all));
  }

  finish(): number {
    const { output } = this.context;
    if (this.mode.json) output.out(JSON.stringify({ files: this.files, findings: this.findings.map(findingJson), summary: this.summary }, null, 2));
    else output.err(renderSummary(this.summary, output.color));
    return this.summary.wrong + this.summary.propagated + this.summary.reference > 0 ? 1 : 0;
  }
}

function linesOf(text: string): string[] {
  return text.split(/\r?\n/);
}

/** A file's lines in batches, after making sure it is a file napkin can open: anything else is a one-line error. */
function readableFileLines(file: string): AsyncIterable<string[]> {
  let stats: Stats;
  try {
    stats = statSync(file);
  } catch (error) {
    throw cannotRead(file, error);
  }
  if (stats.isDirectory()) throw cannotRead(file, "is a directory, not a file");
  return {
    async *[Symbol.asyncIterator]() {
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
