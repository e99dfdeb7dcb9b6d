import { type Stats, createReadStream, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { setFlagsFromString } from "node:v8";
import { type CheckOptions, type CheckSummary, type Finding, NotesChecker, emptySummary, findingRules } from "../../core/check/checker.js";
import { FileDirectives } from "../../core/check/suppress.js";
import { NapkinError } from "../../core/errors.js";
import type { MathFunctions } from "../../core/notation/index.js";
import type { CommandSpec, Context } from "../command.js";
import { Configs, printableSettings } from "../config.js";
import { bugLine } from "../errors.js";
import { cannotRead } from "../files.js";
import { fileContains, fileLines, streamLines } from "../lines.js";
import { createMathFunctions } from "../mathFunctions.js";
import { noteInputs } from "../noteFiles.js";
import { type OutputFile, openOutputFile } from "../outputFile.js";
import { githubCommand, sarifFooter, sarifHeader, sarifResult } from "../render/annotations.js";
import { annotateLine, findingJson, messageOf, renderFinding, renderSummary } from "../render/findings.js";

const formats = ["text", "json", "github", "sarif"] as const;
type Format = (typeof formats)[number];

export const checkCommand: CommandSpec = {
  name: "check",
  arguments: "[paths...]",
  summary: "lint practice answers and notes: point out every arithmetic or reference slip",
  description:
    "Read notes (markdown or plain text, Portuguese or English) like a linter: every `expression = value`\n" +
    "(also ≈, ~, =>, →, chains, table rows) is recomputed, and every claim about what one node of a component (Postgres,\n" +
    "MySQL, Cassandra, Redis, Kafka, S3, DynamoDB…: napkin ref lists them) can handle is compared with the reference table. Only slips are reported, each with its likely cause;\n" +
    "right lines stay silent (--all lists them with ✓, with how each was read). A line may allow several\n" +
    "readings (B billion or bytes, m million or minutes, 86.400 as 86.4 or 86,400, a bare 40M per day, a 86,400\n" +
    "that converts s to days): each costs what makes it unlikely, and a line is right when a likely enough one\n" +
    "gives the stated value within the tolerance (25%). Interview rounding (10⁵ s/day, 2.5M s/month) and hand\n" +
    "conversions the units show are accepted; a wrong line names the likeliest slip. Verdicts: wrong (the line's own slip), propagated (it used an earlier line's wrong result),\n" +
    "reference (over-claims a component's capacity). Code blocks (```sql, ```lua…), IDs, dates and lines with\n" +
    "unknown symbols are not claims. Within a block, `DAU = 20M × 5% = 1M` or `DAU: 1M` defines a name later lines may use.\n" +
    "\n" +
    "Paths may be files, folders (every .md, .markdown and .txt below, minus .git, node_modules and what .gitignore ignores)\n" +
    "or quoted globs ('notes/**/*.md'); '-' is standard input. Findings read `file:line:column: verdict [rule]: …`; the rules\n" +
    "are arithmetic, propagated, capacity and name. `<!-- napkin-disable-next-line -->`, `<!-- napkin-disable -->` …\n" +
    "`<!-- napkin-enable -->` and `<!-- napkin-disable-file -->` silence findings (counted as suppressed). A .napkinrc.json\n" +
    "(or napkin.config.json) in a file's folder or above sets tolerance, month, reference, ignore and rules; flags override it.\n" +
    "Exit 1 when anything is reported, 0 when clean, 2 on unreadable input.",
  options: [
    { flags: "-e, --expression <claim>", description: "check one claim given here (repeatable)", repeatable: true },
    { flags: "--all", description: "also list the right claims (✓) and suppressed findings, with how each was read" },
    { flags: "--tolerance <percent>", description: "how far a stated value may be from the exact one (default 25%, or the config's)" },
    { flags: "--format <format>", description: "text (default), json (streamed {files, findings, summary}), github (workflow annotations) or sarif (SARIF 2.1.0)" },
    { flags: "--json", description: "the same as --format json" },
    { flags: "--annotate", description: "print a copy of the input with <!-- napkin: … --> after each reported line" },
    { flags: "-o, --output <file>", description: "with --annotate: write the copy here (never over an input)" },
    { flags: "--print-config <file>", description: "print the settings that apply to a file (config file, flags, defaults) as JSON" },
    { flags: "--watch", description: "check, then check each file again when it changes, printing only what changed (Ctrl-C ends)" },
  ],
  examples: [
    'napkin check -e "200K / 3 = 66"',
    "napkin check notes.md",
    "napkin check notes/",
    "napkin check 'notes/**/*.md' --format github",
    "napkin check notes/ --format sarif > napkin.sarif",
    "napkin check --all --tolerance 10% answer.md",
    "cat answer.md | napkin check -",
    "napkin check --annotate notes.md -o notes.checked.md",
    "napkin check --print-config notes/system-design.md",
    "napkin check --watch notes/",
  ],
  async run(given, options, context) {
    const expressions = (options.expression as string[] | undefined) ?? [];
    const format = readFormat(options);
    const configs = new Configs({ tolerance: options.tolerance as string | undefined, global: context.global });
    if (options.printConfig !== undefined) {
      if (given.length || expressions.length) throw new NapkinError("usage", "--print-config FILE takes no other paths or -e");
      const file = String(options.printConfig);
      context.output.out(JSON.stringify(printableSettings(file === "-" ? undefined : file, configs.settingsFor(file === "-" ? undefined : file)), null, 2));
      return 0;
    }
    if (given.length === 0 && expressions.length === 0) throw new NapkinError("usage", "nothing to check: give files, folders, '-' for standard input, or -e \"200K / 3 = 66\"");
    if (options.output && !options.annotate) throw new NapkinError("usage", "-o/--output goes with --annotate");
    if (options.annotate && format !== "text") throw new NapkinError("usage", `--annotate prints the notes themselves; it takes no --format ${format}`);
    if (options.watch && (format !== "text" || options.annotate || expressions.length || given.includes("-"))) throw new NapkinError("usage", "--watch checks files and folders, printing text: no -e, '-', --annotate or --format");
    const found = noteInputs(given, (file) => configs.ignoreFor(file));
    const inputs: Input[] = [
      ...expressions.map((expression, i): Input => ({ name: expressions.length > 1 ? `-e#${i + 1}` : "-e", lines: () => [linesOf(expression)] })),
      ...found.map((input): Input =>
        input.kind === "error" ? { name: "", lines: () => { throw input.error; } }
        : input.kind === "stdin" ? { name: "<stdin>", lines: () => stdinLines(context) }
        : { name: input.path, file: input.path, lines: () => readableFileLines(input.path) },
      ),
    ];
    const mode = { format, all: Boolean(options.all), quiet: Boolean(options.annotate) && !options.output };
    if (options.watch) return watch(inputs, given.filter((arg) => statSync(arg, { throwIfNoEntry: false })?.isDirectory()), mode, configs, context);
    // What -o must never overwrite: every file read, and the file behind standard input ("-").
    const files = found.flatMap((input) => (input.kind === "file" ? [input.path] : input.kind === "stdin" ? ["-"] : []));
    const run = new CheckRun(context, mode, configs, inputs.filter((input) => input.name !== "").map((input) => input.name));
    // An annotated copy on stdout carries the findings itself; only the summary goes to stderr.
    const annotated = options.annotate ? await openOutputFile(options.output as string | undefined, files, context) : undefined;
    try {
      // One input napkin cannot read is reported, and the others are still checked (exit 2 at the end).
      for (const input of inputs) await run.checkInput(input, annotated);
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

/** One thing to check: -e, standard input or a file (whose config applies), or a problem found finding files. */
interface Input {
  name: string;
  file?: string;
  lines(): AsyncIterable<string[]> | Iterable<string[]>;
}

interface Mode {
  format: Format;
  all: boolean;
  quiet: boolean;
}

function readFormat(options: Record<string, unknown>): Format {
  const given = options.format === undefined ? undefined : String(options.format);
  if (given !== undefined && !(formats as readonly string[]).includes(given)) throw new NapkinError("usage", `--format must be one of ${formats.join(", ")}`, { text: given });
  if (options.json && given !== undefined && given !== "json") throw new NapkinError("usage", `--json is --format json; it cannot go with --format ${given}`);
  return options.json ? "json" : ((given ?? "text") as Format);
}

function stdinLines(context: Context): AsyncIterable<string[]> {
  if (context.stdinIsTerminal?.()) context.output.err("napkin: reading notes from the terminal; end with Ctrl-D");
  return streamLines(context.stdin());
}

/** Where findings go, in the chosen format: each as it is found, and the summary at the end. */
interface Sink {
  finding(finding: Finding): void;
  /** `failed`: an input could not be read, or a line raised an error napkin did not expect. */
  finish(summary: CheckSummary, failed: boolean): void;
}

function sinkFor(mode: Mode, files: readonly string[], context: Context): Sink {
  const { output } = context;
  const { color } = output;
  switch (mode.format) {
    case "json": {
      const array = streamedArray(output, '  "findings": [');
      output.out(`{\n  "files": ${indented(files, "  ")},`);
      return {
        finding: (finding) => array.item(`    ${indented(findingJson(finding), "    ")}`),
        finish: (summary) => {
          array.close("  ],", '  "findings": [],');
          output.out(`  "summary": ${indented(summary, "  ")}\n}`);
        },
      };
    }
    case "sarif": {
      output.out(sarifHeader());
      const array = streamedArray(output, undefined);
      return {
        finding: (finding) => array.item(sarifResult(finding)),
        finish: (_, failed) => {
          array.close("", "");
          output.out(sarifFooter(process.cwd(), !failed));
        },
      };
    }
    case "github":
      return { finding: (finding) => output.out(githubCommand(finding)), finish: () => {} };
    case "text":
      return { finding: (finding) => mode.quiet || output.out(renderFinding(finding, color, mode.all)), finish: () => {} };
  }
}

/** Which findings a format shows: slips always; right claims and suppressed slips with --all (SARIF: suppressed ones always, marked). */
function shown(finding: Finding, mode: Mode): boolean {
  if (finding.verdict === "ok") return mode.all && mode.format !== "github" && mode.format !== "sarif";
  if (finding.suppressed) return mode.format === "sarif" || (mode.all && mode.format !== "github");
  return true;
}

/** A JSON array written item by item: each item is held until it is known whether a comma follows it. */
function streamedArray(output: Context["output"], opening: string | undefined) {
  let pending: string | undefined;
  let opened = false;
  return {
    item(text: string) {
      if (pending !== undefined) output.out(`${pending},`);
      else if (opening !== undefined && !opened) output.out(opening);
      opened = true;
      pending = text;
    },
    close(closing: string, empty: string) {
      if (pending !== undefined) output.out(closing ? `${pending}\n${closing}` : pending);
      else if (empty) output.out(empty);
    },
  };
}

/**
 * One `napkin check` invocation: prints findings as they come, in the chosen format, the JSON and SARIF
 * documents streamed finding by finding, so memory stays flat for any input. A line that napkin cannot judge
 * is skipped; an unexpected error on a line, or an input that cannot be read, is reported with where it was,
 * the rest is still checked, and the run ends with exit 2.
 */
class CheckRun {
  readonly summary: CheckSummary = emptySummary();
  private readonly functions: MathFunctions = createMathFunctions();
  private readonly sink: Sink;
  /** How many inputs were read to the end: with none, there is no summary to give. */
  private read = 0;
  /** Lines checked in this run, all inputs together. */
  private lines = 0;

  failed = false;

  constructor(
    private readonly context: Context,
    private readonly mode: Mode,
    private readonly configs: Configs,
    files: readonly string[],
    /** Receives every finding of each input (for --watch), besides the sink. */
    private readonly collect?: (finding: Finding) => void,
  ) {
    this.sink = collect ? { finding: () => {}, finish: () => {} } : sinkFor(mode, files, context);
  }

  /** Checks one input (a file, stdin or an -e claim); a failure to read it, or its config, is reported, not thrown. */
  async checkInput(input: Input, annotated?: OutputFile) {
    try {
      const settings = this.configs.settingsFor(input.file);
      // A config file changes what is right: the run says which ones it read (once each), on stderr.
      if (settings.configFile && this.configs.firstUse(settings.configFile)) {
        this.context.output.err(`napkin: settings from ${relative(process.cwd(), settings.configFile) || settings.configFile} (napkin check --print-config FILE shows them)`);
      }
      const checks: CheckOptions = { reference: settings.reference, tolerance: settings.tolerance, monthSeconds: settings.monthSeconds, off: settings.off, fileDirectives: input.file ? await fileDirectives(input.file) : [] };
      await this.checkLines(input.name, input.lines(), checks, annotated);
      this.read++;
    } catch (error) {
      if (!(error instanceof NapkinError)) throw error;
      this.error(error.toLine());
    }
  }

  /** Checks one input line by line, with a checker of its own. */
  private async checkLines(name: string, batches: AsyncIterable<string[]> | Iterable<string[]>, checks: CheckOptions, annotated?: OutputFile) {
    const checker = new NotesChecker(name, checks);
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
          // A directive naming a rule napkin has not is said on stderr: a typo would otherwise silence nothing, silently.
          if (checker.notices.length) for (const notice of checker.notices.splice(0)) this.warn(`${name}:${notice.line}: unknown rule ${notice.rules.map((r) => `'${r}'`).join(", ")} in a napkin-disable or napkin-enable comment (the rules: ${findingRules.join(", ")})`);
          annotated?.write(annotateLine(raw, found));
          // Most lines make no claim: they cost no filtered copy and no iterator.
          for (let j = 0; j < found.length; j++) {
            this.collect?.(found[j]);
            if (shown(found[j], this.mode)) this.sink.finding(found[j]);
          }
        }
      }
    } finally {
      for (const key of Object.keys(this.summary) as (keyof CheckSummary)[]) this.summary[key] += checker.summary[key];
    }
  }

  private warn(line: string) {
    this.context.output.err(`napkin: ${this.context.output.color.yellow("warning")}: ${line}`);
  }

  private error(line: string, kind = "error") {
    this.failed = true;
    this.context.output.err(`napkin: ${this.context.output.color.red(kind)}: ${line}`);
  }

  finish(): number {
    const { output } = this.context;
    this.sink.finish(this.summary, this.failed);
    if (this.mode.format !== "json" && this.read > 0 && !this.collect) output.err(renderSummary(this.summary, output.color));
    if (this.failed) return 2;
    return exitCodeOf(this.summary);
  }
}

const exitCodeOf = (summary: CheckSummary) => (summary.wrong + summary.propagated + summary.reference > 0 ? 1 : 0);

/** The findings of `these` that `those` lacks, each counted (two equal findings need two). */
function missingFrom(these: readonly Finding[], those: readonly Finding[]): Finding[] {
  const left = new Map<string, number>();
  for (const f of those) left.set(keyOf(f), (left.get(keyOf(f)) ?? 0) + 1);
  return these.filter((f) => {
    const count = left.get(keyOf(f)) ?? 0;
    left.set(keyOf(f), count - 1);
    return count <= 0;
  });
}

/** A finding's identity across edits: its rule, claim and line text, not its line number. */
const keyOf = (finding: Finding) => `${finding.rule}\u0000${finding.claim}\u0000${finding.text}`;

/**
 * `--watch`: checks everything once as usual, then checks a file again whenever it changes and prints only what
 * changed: new findings as usual, and `fixed` for the ones gone (a finding is the same one when its rule, claim
 * and line text are, wherever the line moved). A note file that appears in a watched folder given on the command
 * line is checked too (as a walk of that folder would find it); config files are those read at the start.
 * Ctrl-C (or SIGTERM) ends it with exit 0.
 */
async function watch(inputs: readonly Input[], folderArgs: readonly string[], mode: Mode, configs: Configs, context: Context): Promise<number> {
  const { output } = context;
  const known = new Map<string, Finding[]>();
  /** One input checked with nothing printed but its errors: its reported findings (none when it could not be read). */
  const checkFile = async (input: Input) => {
    const findings: Finding[] = [];
    const run = new CheckRun(context, mode, configs, [input.name], (f) => (f.verdict !== "ok" && !f.suppressed ? findings.push(f) : 0));
    await run.checkInput(input);
    return { findings: run.failed ? undefined : findings, summary: run.summary };
  };
  const total = emptySummary();
  for (const input of inputs) {
    const { findings, summary } = await checkFile(input);
    if (input.file) known.set(input.file, findings ?? []);
    for (const finding of findings ?? []) output.out(renderFinding(finding, output.color, mode.all));
    for (const key of Object.keys(total) as (keyof CheckSummary)[]) total[key] += summary[key];
  }
  output.err(renderSummary(total, output.color));
  const { watch: watchPath } = await import("node:fs");
  const folders = new Set([...folderArgs.map((folder) => resolve(folder)), ...inputs.flatMap((input) => (input.file ? [dirname(resolve(input.file))] : []))]);
  const pending = new Map<string, ReturnType<typeof setTimeout>>();
  const byPath = new Map(inputs.flatMap((input) => (input.file ? [[resolve(input.file), input] as const] : [])));
  const again = async (path: string) => {
    const input = byPath.get(path);
    if (!input?.file) return;
    const before = known.get(input.file) ?? [];
    const after = (await checkFile(input)).findings;
    if (!after) return;
    known.set(input.file, after);
    const added = missingFrom(after, before);
    const fixed = missingFrom(before, after);
    for (const f of added) output.out(renderFinding(f, output.color, mode.all));
    for (const f of fixed) output.out(`${input.file}:${f.line}:${f.column}: ${output.color.green("fixed")} [${f.rule}]: ${messageOf(f)}`);
    output.err(`napkin: ${input.file} checked again: ${after.length} reported (${added.length} new, ${fixed.length} fixed)`);
  };
  /** A note file that appeared in a folder given on the command line, found as a new walk of it would find it (ignores included). */
  const adopt = (path: string): boolean => {
    for (const folder of folderArgs) {
      if (!path.startsWith(resolve(folder) + sep)) continue;
      const found = noteInputs([folder], (file) => configs.ignoreFor(file)).find((input) => input.kind === "file" && resolve(input.path) === path);
      if (found?.kind !== "file") continue;
      byPath.set(path, { name: found.path, file: found.path, lines: () => readableFileLines(found.path) });
      return true;
    }
    return false;
  };
  const watchers = [...folders].map((folder) =>
    watchPath(folder, (_event, name) => {
      if (!name) return;
      const path = join(folder, name.toString());
      if (!byPath.has(path) && !adopt(path)) return;
      clearTimeout(pending.get(path));
      // Editors write a file in bursts: one check after the last write.
      pending.set(path, setTimeout(() => void again(path), 80));
    }),
  );
  // Said once the folders are watched: a change from here on is seen.
  output.err("napkin: watching for changes; Ctrl-C ends");
  return new Promise<number>((done) => {
    const stop = () => {
      for (const watcher of watchers) watcher.close();
      for (const timer of pending.values()) clearTimeout(timer);
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      done(0);
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
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

/**
 * A file's `<!-- napkin-disable-file -->` comments, read ahead so they cover the lines above them too: a regular
 * file's bytes are searched first (no decoding), and read as lines only when one is there; a stream is read
 * once, and such a comment covers only what follows it.
 */
async function fileDirectives(file: string): Promise<string[]> {
  const directives = new FileDirectives();
  try {
    if (!statSync(file, { throwIfNoEntry: false })?.isFile() || !fileContains(file, "napkin-disable-file")) return [];
    for await (const lines of fileLines(file)) for (const line of lines) directives.read(line);
  } catch {
    // Reading it again below says what is wrong with it.
  }
  return directives.found;
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
