import { type DrillResult, planDrill, seededRandom, summarizeDrill } from "../../core/drill.js";
import { NapkinError } from "../../core/errors.js";
import { type Exercise, filterByTag, findExercise } from "../../core/exercise.js";
import { type GradedAnswer, gradeOne } from "../../core/grade.js";
import type { CommandSpec } from "../command.js";
import { loadExercises, solve } from "../exercises.js";
import { escapeControls } from "../output.js";
import { readReferenceTable } from "../reference.js";
import { renderDrillSummary, renderDrillVerdict, renderPrompt, renderQuestion } from "../render/exercise.js";
import { presetsOption } from "./exercises.js";

export const drillCommand: CommandSpec = {
  name: "drill",
  arguments: "[ids...]",
  summary: "timed practice: answer exercises one by one, graded at once",
  description:
    "Interactive practice. Shows an exercise's prompt, asks for each quantity in\n" +
    "turn (napkin notation: 66K/s, 6 MB/s, 150 GB; fits, tight or exceeds for\n" +
    "capacity), grades each answer at once and shows the worked step for a wrong\n" +
    "one; keeps time and ends with the score. An empty answer skips; Ctrl-D or\n" +
    "Ctrl-C ends early. --randomize varies counts, rates and sizes (×/÷ 2–10,\n" +
    "rounded to napkin-friendly numbers) so answers cannot be memorised; --seed\n" +
    "makes the choice and the numbers reproducible. Works on a terminal and with\n" +
    "answers piped on stdin, one per line. Exit 1 when an answer was wrong or\n" +
    "skipped.",
  options: [
    { flags: "--tag <tag>", description: "only exercises with this tag" },
    { flags: "--count <n>", description: "how many exercises", defaultValue: "5" },
    { flags: "--seed <n>", description: "seed for the order and --randomize (default: a new one, printed at the end)" },
    { flags: "--randomize", description: "vary the inputs so answers cannot be memorised" },
    presetsOption,
  ],
  examples: ["napkin drill", "napkin drill --tag notes --count 3", "napkin drill --randomize --seed 42", "napkin drill gps-pings", 'printf "66.7K\\n6.7 MB/s\\n" | napkin drill gps-pings'],
  async run(ids, options, { output, global }) {
    const { color } = output;
    const count = readWholeNumber("--count", options.count as string, 1);
    // node:crypto and node:readline load here, not at start-up: only drill needs them.
    const seed = options.seed === undefined ? (await import("node:crypto")).randomInt(1, 1_000_000) : readWholeNumber("--seed", options.seed as string, 0);
    const reference = readReferenceTable(global);
    const bank = loadExercises(options.presets as string | undefined, reference);
    const chosen: Exercise[] = ids.length ? ids.map((id) => findExercise(bank, id)) : filterByTag(bank, options.tag as string | undefined);
    const randomize = Boolean(options.randomize);
    const plan = planDrill(chosen, { count: ids.length ? ids.length : count, randomize, random: seededRandom(seed) });
    if (ids.length) plan.sort((a, b) => ids.indexOf(a.exercise.id) - ids.indexOf(b.exercise.id));

    const reader = await openLineReader();
    const results: DrillResult[] = [];
    let ended = false;
    output.out(color.dim(`${plan.length} exercise${plan.length === 1 ? "" : "s"}${randomize ? ", randomized" : ""}. Answer in napkin notation (66K/s, 6 MB/s, 150 GB; fits/tight/exceeds). Empty line skips; Ctrl-D ends.`));
    try {
      for (const [index, item] of plan.entries()) {
        const solution = solve(item.exercise, reference, global, item.inputs);
        output.out(`\n${color.dim(`[${index + 1}/${plan.length}]`)} ${renderPrompt(item.exercise, item.inputs, color, output.width())}`);
        const started = performance.now();
        const answers: GradedAnswer[] = [];
        const unanswered = (ask: (typeof item.exercise.asks)[number]): GradedAnswer => ({ name: ask.name, of: ask.of, correct: solution.answers[ask.name], verdict: "unanswered", readings: [] });
        for (const [askIndex, ask] of item.exercise.asks.entries()) {
          const graded = await askOne(reader, renderQuestion(ask.name, ask.target, color), (line) => {
            if (line.trim() === "") return unanswered(ask);
            return gradeOne(item.exercise, solution, ask.name, line, global);
          }, output.out, color.yellow);
          if (!graded) {
            // Input ended mid-exercise: its remaining questions count as skipped, not as never asked.
            answers.push(...item.exercise.asks.slice(askIndex).map(unanswered));
            ended = true;
            break;
          }
          answers.push(graded);
          output.out(renderDrillVerdict(graded, color));
        }
        const ms = performance.now() - started;
        if (answers.length) results.push({ id: item.exercise.id, title: item.exercise.title, answers, ms });
        if (ended) break;
      }
    } finally {
      reader.close();
    }
    const summary = summarizeDrill(results);
    const picked = ids.length ? `${ids.join(" ")} ` : `${options.tag ? `--tag ${options.tag} ` : ""}--count ${count} `;
    const repeat = `napkin drill ${picked}--seed ${seed}${randomize ? " --randomize" : ""}`;
    output.out(`\n${renderDrillSummary(summary, seed, repeat, color, ended)}`);
    return summary.right === summary.asked ? 0 : 1;
  },
};

interface LineReader {
  /** Shows the question and resolves with the next line, or undefined at the end of input. */
  ask(question: string): Promise<string | undefined>;
  close(): void;
}

/** Reads answers from stdin: line editing on a terminal, one answer per line (echoed) from a pipe. */
async function openLineReader(): Promise<LineReader> {
  const { createInterface } = await import("node:readline");
  // A reader that closes the pipe early ends the drill quietly, as it ends every command (see src/cli/output.ts).
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  });
  const terminal = Boolean(process.stdin.isTTY && process.stdout.isTTY);
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal });
  // Created at once so lines that arrive before a question is asked are buffered, not lost.
  const lines = rl[Symbol.asyncIterator]();
  rl.on("SIGINT", () => {
    process.stdout.write("\n");
    rl.close();
  });
  return {
    async ask(question) {
      rl.setPrompt(question);
      rl.prompt();
      const next = await lines.next();
      if (next.done) {
        process.stdout.write("\n");
        return undefined;
      }
      if (!terminal) process.stdout.write(`${escapeControls(next.value)}\n`);
      return next.value;
    },
    close: () => rl.close(),
  };
}

/** Asks until an answer can be read; a reading error is shown and the question asked again. */
async function askOne(reader: LineReader, question: string, grade: (line: string) => GradedAnswer, say: (text: string) => void, warn: (text: string) => string): Promise<GradedAnswer | undefined> {
  for (;;) {
    const line = await reader.ask(question);
    if (line === undefined) return undefined;
    try {
      return grade(line);
    } catch (error) {
      if (!(error instanceof NapkinError)) throw error;
      say(`  ${warn(`cannot read that: ${error.toLine()}`)}; try again (empty line skips)`);
    }
  }
}

function readWholeNumber(flag: string, text: string, minimum: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < minimum) throw new NapkinError("usage", `${flag} expects a whole number${minimum > 0 ? ` of at least ${minimum}` : ""}`, { text });
  return value;
}
