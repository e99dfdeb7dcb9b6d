import { Command, Option } from "commander";
import { NapkinError, clip } from "../core/errors.js";
import type { CommandSpec, Context, GlobalOptions, Io } from "./command.js";
import { readMonthSeconds } from "./flagValues.js";
import { version } from "./version.js";

/** Builds the commander program from the command table; `setExitCode` receives each command's result. */
export function buildProgram(commands: readonly CommandSpec[], io: Io, setExitCode: (code: number) => void): Command {
  const { output } = io;
  const program = new Command("napkin")
    .description("Napkin math for system-design interviews: estimate, check and practise back-of-the-envelope numbers.")
    .version(version, "-V, --version")
    .option("--no-color", "no colour (also NO_COLOR=1; FORCE_COLOR=1 forces it)")
    .option("--month <duration>", "length of a month: 30d (default), 30.44d, or the interview 2.5M s")
    .option("--reference <file>", "a reference table (JSON) that overrides or extends the built-in one")
    .showSuggestionAfterError()
    .exitOverride()
    .configureOutput({
      writeOut: (text) => output.out(text.trimEnd()),
      writeErr: (text) => output.err(text.trimEnd()),
      outputError: (text, write) => write(`napkin: ${clip(text.split("\n").map((line) => line.trim()).filter(Boolean).join(" "), 400)}`),
    });
  for (const spec of commands) {
    const command = program.command(spec.name).summary(spec.summary).description(unwrap(spec.description));
    if (spec.arguments) command.arguments(spec.arguments);
    for (const option of spec.options) {
      const o = new Option(option.flags, option.description);
      if (option.repeatable) o.argParser((value: string, previous: string[] = []) => [...previous, value]);
      if (option.defaultValue !== undefined) o.default(option.defaultValue);
      command.addOption(o);
    }
    command.addHelpText("after", `\nExamples:\n${spec.examples.map((e) => `  $ ${e}`).join("\n")}`);
    command.exitOverride().configureOutput(program.configureOutput());
    // A command without arguments gets a clearer error than commander's for a stray word: usually an
    // unquoted value with a space (`--payload 500 bytes`).
    if (!spec.arguments) command.allowExcessArguments(true);
    command.action(async (...params: unknown[]) => {
      const stray = spec.arguments ? [] : (params[params.length - 1] as Command).args;
      if (stray.length) throw new NapkinError("usage", `unexpected '${stray[0]}': a value with spaces needs quotes, e.g. --payload "500 bytes"`);
      const options = params[params.length - 2] as Record<string, unknown>;
      const args = params.slice(0, params.length - 2).flatMap((a) => (a === undefined ? [] : Array.isArray(a) ? a : [a])) as string[];
      const context: Context = { ...io, global: readGlobalOptions(program.opts()) };
      setExitCode(await spec.run(args, options, context));
    });
  }
  return program;
}

function readGlobalOptions(options: Record<string, unknown>): GlobalOptions {
  const global: GlobalOptions = { reference: options.reference as string | undefined };
  if (typeof options.month === "string") {
    global.month = options.month;
    global.monthSeconds = readMonthSeconds(options.month, "--month");
  }
  return global;
}

/** Joins hard-wrapped lines into paragraphs (a blank line or a line starting "- " starts a new one), so commander wraps them to the terminal. */
function unwrap(text: string): string {
  return text.replace(/\n(?!\n|- )/g, " ").replace(/ {2,}/g, " ");
}
