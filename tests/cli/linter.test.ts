import { spawn, spawnSync } from "node:child_process";
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, test } from "vitest";
import { expectUsageError, napkin, napkinBin, root } from "../helpers.js";

// `napkin check` as a linter (issue 15): folders and globs, suppressions, columns and rules, github and SARIF,
// the config file, names across lines, --watch and a terminal on standard input. All through the built napkin.

const base = mkdtempSync(join(tmpdir(), "napkin-linter-"));
let folders = 0;
/** A fresh folder holding the given files (paths relative to it). */
function tree(files: Record<string, string>): string {
  const dir = join(base, `t${++folders}`);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}
/** napkin run in a folder (paths in its output are then relative to it). */
function napkinIn(cwd: string, args: string[], input?: string) {
  const run = spawnSync(process.execPath, [napkinBin, ...args], { cwd, input, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}
const slip = "200K / 3 = 66";
const right = "2 * 3 = 6";
/** The `file:line` of each reported finding. */
const places = (stdout: string) => stdout.split("\n").filter(Boolean).map((line) => line.split(":").slice(0, 2).join(":"));

describe("folders and globs", () => {
  const dir = tree({
    "a.md": `${slip}\n`,
    "b.markdown": `${slip}\n`,
    "c.txt": `${slip}\n`,
    "d.json": `${slip}\n`,
    "sub/e.md": `x\n${slip}\n`,
    "node_modules/pkg/readme.md": `${slip}\n`,
    ".git/notes.md": `${slip}\n`,
    ".gitignore": "ignored/\nscratch.md\n",
    "ignored/f.md": `${slip}\n`,
    "scratch.md": `${slip}\n`,
  });
  test("a folder is every .md, .markdown and .txt below it, in path order, minus .git, node_modules and .gitignore's", () =>
    expect(places(napkinIn(dir, ["check", "."]).stdout)).toEqual(["a.md:1", "b.markdown:1", "c.txt:1", "sub/e.md:2"]));
  test("a quoted glob is the files it matches", () => expect(places(napkinIn(dir, ["check", "**/*.md"]).stdout)).toEqual(["a.md:1", "sub/e.md:2"]));
  test("a glob that matches nothing exits 2 naming it", () => expect(napkinIn(dir, ["check", "nothing/**/*.md"]).stderr).toMatch(/no files match 'nothing\/\*\*\/\*\.md'/));
  test("a .gitignore above the folder counts too (up to the repository's root)", () => {
    const repo = tree({ ".git/HEAD": "ref\n", ".gitignore": "notes/private/\n", "notes/a.md": `${slip}\n`, "notes/private/b.md": `${slip}\n` });
    expect(places(napkinIn(repo, ["check", "notes"]).stdout)).toEqual(["notes/a.md:1"]);
  });
  test("a file that cannot be read is reported and the others are still checked (exit 2)", () => {
    // A link to nothing is a note file napkin finds and cannot open, for any user (root reads a mode-000 file).
    const folder = tree({ "b.md": `${slip}\n` });
    symlinkSync(join(folder, "gone.md"), join(folder, "a.md"));
    const run = napkinIn(folder, ["check", "."]);
    expect([run.code, places(run.stdout)]).toEqual([2, ["b.md:1"]]);
    expect(run.stderr).toMatch(/cannot read 'a\.md': no such file/);
  });
  test.skipIf(process.getuid?.() === 0)("an unreadable folder inside is reported and the rest is still checked (exit 2; not as root, who reads any folder)", () => {
    const folder = tree({ "a.md": `${slip}\n`, "locked/b.md": `${slip}\n` });
    chmodSync(join(folder, "locked"), 0o000);
    const run = napkinIn(folder, ["check", "."]);
    chmodSync(join(folder, "locked"), 0o755);
    expect([run.code, places(run.stdout)]).toEqual([2, ["a.md:1"]]);
    expect(run.stderr).toMatch(/cannot read 'locked': permission denied/);
  });
  test("a missing path is reported and a folder after it is still checked", () => {
    const run = napkinIn(dir, ["check", "missing.md", "sub"]);
    expect([run.code, places(run.stdout)]).toEqual([2, ["sub/e.md:2"]]);
    expect(run.stderr).toMatch(/cannot read 'missing\.md': no such file/);
  });
});

describe("suppression comments", () => {
  const check = (text: string, ...flags: string[]) => napkin(["check", ...flags, "-"], { input: text });
  test("disable-next-line silences the next line only", () => expect(places(check(`<!-- napkin-disable-next-line -->\n${slip}\n${slip}\n`).stdout)).toEqual(["<stdin>:3"]));
  test("disable-line silences its own line", () => expect(check(`${slip} <!-- napkin-disable-line -->\n`).stdout).toBe(""));
  test("disable … enable silences the lines between", () => expect(places(check(`<!-- napkin-disable -->\n${slip}\n${slip}\n<!-- napkin-enable -->\n${slip}\n`).stdout)).toEqual(["<stdin>:5"]));
  test("disable-file silences the whole file, wherever it is", () => expect(napkin(["check", tree({ "a.md": `${slip}\n<!-- napkin-disable-file -->\n${slip}\n` }) + "/a.md"]).code).toBe(0));
  test("on standard input, read once, disable-file covers what follows it", () => expect(places(check(`${slip}\n<!-- napkin-disable-file -->\n${slip}\n`).stdout)).toEqual(["<stdin>:1"]));
  test("a comment may name the rules it silences", () =>
    expect(places(check(`<!-- napkin-disable capacity -->\nPostgres handles 200K inserts/s on one primary.\n${slip}\n`).stdout)).toEqual(["<stdin>:3"]));
  test("suppressed findings are counted apart and exit 0", () => {
    const run = check(`<!-- napkin-disable-next-line -->\n${slip}\n${right}\n`);
    expect([run.code, run.stderr.trim()]).toEqual([0, "2 claims checked: 1 ok, 0 wrong, 0 propagated, 0 reference mismatches, 1 suppressed"]);
  });
  test("--all lists them as suppressed", () => expect(check(`<!-- napkin-disable-next-line -->\n${slip}\n`, "--all").stdout).toMatch(/^<stdin>:2:1: suppressed wrong \[arithmetic\]: 200K \/ 3 = 66 →/));
  test("--json marks them", () => expect(JSON.parse(check(`<!-- napkin-disable-next-line -->\n${slip}\n`, "--all", "--json").stdout).findings[0]).toMatchObject({ suppressed: true, rule: "arithmetic" }));
});

describe("locations and rules", () => {
  test("text says file:line:column: verdict [rule]", () =>
    expect(napkin(["check", "-"], { input: `x\nwrite qps = ${slip}\n` }).stdout).toMatch(/^<stdin>:2:13: wrong \[arithmetic\]: 200K \/ 3 = 66 → ≈66,667/));
  test("the column is where the claim starts, not an earlier copy of its first number", () =>
    expect(napkin(["check", "--json", "-e", "3B reads a day - 3B / 86,400 = 3.5M/s"]).stdout).toMatch(/"column": 18/));
  test.each([
    ["arithmetic", `${slip}\n`],
    ["propagated", "200k / 3 = 66pings/sec\n66 * 100 = 6k/sec bandwidth\n"],
    ["capacity", "Postgres handles 200K inserts/s on one primary.\n"],
    ["name", "writes = DAU * 10 = 10M\nDAU: 1M\n"],
  ])("rule %s is in JSON with line and column", (rule, text) => {
    const findings = JSON.parse(napkin(["check", "--json", "-"], { input: text }).stdout).findings;
    expect(findings.at(-1)).toMatchObject({ rule, line: text.trimEnd().split("\n").length, column: expect.any(Number) });
  });
});

describe("formats", () => {
  test("github: one workflow command per slip, escaped, with the level of its rule", () => {
    const run = napkin(["check", "--format", "github", "-"], { input: `${slip}\nwrites = DAU * 10 = 10M\nDAU: 1M\n` });
    expect(run.stdout.split("\n").filter(Boolean)).toEqual([
      "::error file=<stdin>,line=1,col=1,title=napkin arithmetic::wrong: 200K / 3 = 66 → ≈66,667 (off by 1000×: a dropped K?)",
      "::warning file=<stdin>,line=3,col=1,title=napkin name::wrong: DAU is used on line 2 before it is defined here",
    ]);
    expect(run.code).toBe(1);
  });
  test("github escapes % and commas in properties", () => {
    const dir = tree({ "a,b%.md": `${slip}\n` });
    expect(napkinIn(dir, ["check", "--format", "github", "a,b%.md"]).stdout).toMatch(/^::error file=a%2Cb%25\.md,line=1,/);
  });
  test("--json is --format json", () => expect(napkin(["check", "--json", "-e", slip]).stdout).toBe(napkin(["check", "--format", "json", "-e", slip]).stdout));
  test("an unknown format exits 2", () => expectUsageError(["check", "--format", "xml", "-e", slip], /--format must be one of text, json, github, sarif/));
  test("exit codes are the same in every format", () =>
    expect(["text", "json", "github", "sarif"].map((format) => napkin(["check", "--format", format, "-e", slip]).code)).toEqual([1, 1, 1, 1]));
  test("SARIF validates against the SARIF 2.1.0 JSON Schema", () => {
    // The schema is a fixture: sarif-2.1.0-rtm.5.json from @microsoft/jest-sarif 1.0.0-beta.0 (MIT), the
    // schemastore copy GitHub's code scanning documents; it is draft-04, so Ajv's draft-04 class reads it.
    const require = createRequire(import.meta.url);
    const Ajv = require("ajv-draft-04");
    const addFormats = require("ajv-formats");
    // The schema's language pattern is not valid with the `u` flag: Ajv compiles patterns without it.
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(join(root, "tests/fixtures/sarif/sarif-2.1.0-rtm.5.json"), "utf8")));
    for (const args of [["tests/fixtures/linter", "-e", slip], ["--all", "tests/fixtures/study-notes.md"], ["-e", right]]) {
      const log = JSON.parse(napkin(["check", "--format", "sarif", ...args]).stdout);
      expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    }
    const log = JSON.parse(napkin(["check", "--format", "sarif", "tests/fixtures/linter"]).stdout);
    expect(log.runs[0].tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(["arithmetic", "propagated", "capacity", "name"]);
    expect(log.runs[0].results.filter((r: { suppressions?: unknown }) => r.suppressions)).toHaveLength(2);
    expect(log.runs[0].results[0]).toMatchObject({ ruleId: "arithmetic", level: "error", locations: [{ physicalLocation: { artifactLocation: { uri: "tests/fixtures/linter/answer.md", uriBaseId: "%SRCROOT%" }, region: { startLine: 9, startColumn: 9 } } }] });
  });
});

describe("the config file", () => {
  test("found by walking up from the file; its tolerance applies", () => {
    // 2 * 3 = 6.5 is 8% off: right at the default 25%, wrong at 5%.
    const dir = tree({ ".napkinrc.json": '{ "tolerance": "5%" }', "deep/er/notes.md": "2 * 3 = 6.5\n" });
    expect(places(napkinIn(dir, ["check", "deep"]).stdout)).toEqual(["deep/er/notes.md:1"]);
  });
  test("napkin.config.json is read too; the nearest file wins", () => {
    const dir = tree({ "napkin.config.json": '{ "tolerance": "5%" }', "loose/.napkinrc.json": '{ "tolerance": "25%" }', "loose/a.md": "2 * 3 = 6.5\n", "strict.md": "2 * 3 = 6.5\n" });
    expect(places(napkinIn(dir, ["check", "."]).stdout)).toEqual(["strict.md:1"]);
  });
  test("the run says which config files it read, once each, on stderr", () => {
    const dir = tree({ ".napkinrc.json": '{ "tolerance": "5%" }', "a.md": `${right}\n`, "b.md": `${right}\n` });
    expect(napkinIn(dir, ["check", "."]).stderr.split("\n").filter((line) => line.includes("settings from"))).toEqual(["napkin: settings from .napkinrc.json (napkin check --print-config FILE shows them)"]);
  });
  test("--json and --format github together exit 2", () => expectUsageError(["check", "--json", "--format", "github", "-e", slip], /--json is --format json; it cannot go with --format github/));
  test("flags override it", () => expect(napkinIn(tree({ ".napkinrc.json": '{ "tolerance": "5%" }', "a.md": "2 * 3 = 6.5\n" }), ["check", "--tolerance", "25%", "a.md"]).code).toBe(0));
  test("standard input and -e take the working folder's", () => expect(napkinIn(tree({ ".napkinrc.json": '{ "tolerance": "5%" }' }), ["check", "-e", "2 * 3 = 6.5"]).code).toBe(1));
  test("month: a 30.44-day month", () => {
    const dir = tree({ ".napkinrc.json": '{ "month": "30.44d" }', "a.md": `1M/day = ${30.44}M/month\n` });
    expect(napkinIn(dir, ["check", "--tolerance", "1%", "a.md"]).code).toBe(0);
  });
  test("rules: a rule turned off makes no findings", () =>
    expect(napkinIn(tree({ ".napkinrc.json": '{ "rules": { "capacity": "off" } }', "a.md": "Postgres handles 200K inserts/s on one primary.\n" }), ["check", "a.md"]).code).toBe(0));
  test("reference: a table relative to the config file", () => {
    // A tuned Postgres figure (20K–40K inserts/s) makes 30K inserts/s no over-claim; the built-in 5K–10K does.
    const figure = { id: "postgres.inserts", topics: ["postgres"], name: "Postgres inserts (tuned)", value: "20K-40K/s", per: "primary", conditions: "tuned, batched", load: "writes", source: "my benchmark", asOf: "2026-11-01" };
    const claim = "Postgres handles 30K inserts/s on one primary.\n";
    const dir = tree({ "tuned/.napkinrc.json": '{ "reference": "../tables/mine.json" }', "tables/mine.json": JSON.stringify({ figures: [figure] }), "tuned/a.md": claim, "plain/a.md": claim });
    expect([napkinIn(dir, ["check", "tuned"]).code, napkinIn(dir, ["check", "plain"]).code]).toEqual([0, 1]);
    expect(JSON.parse(napkinIn(dir, ["check", "--print-config", "tuned/a.md"]).stdout)).toMatchObject({ reference: "tables/mine.json", from: { reference: "config" } });
  });
  test("ignore: globs relative to its folder, for files found in a folder", () =>
    expect(places(napkinIn(tree({ ".napkinrc.json": '{ "ignore": ["drafts/**"] }', "drafts/a.md": `${slip}\n`, "b.md": `${slip}\n` }), ["check", "."]).stdout)).toEqual(["b.md:1"]));
  test.each([
    ['{ "tolerance": 5 }', /^napkin: error: \.napkinrc\.json: tolerance: .*expected string/],
    ['{ "tolerance": "five" }', /^napkin: error: \.napkinrc\.json: tolerance: must be a percentage like 10%/],
    ['{ "rules": { "capacity": "maybe" } }', /^napkin: error: \.napkinrc\.json: rules\.capacity: /],
    ['{ "colour": "red" }', /^napkin: error: \.napkinrc\.json: \(top level\): .*colour/],
    ["{ not json", /^napkin: error: \.napkinrc\.json: not valid JSON/],
  ])("a malformed config %s exits 2 with file: field: message", (config, pattern) => {
    const run = napkinIn(tree({ ".napkinrc.json": config, "a.md": `${slip}\n` }), ["check", "a.md"]);
    expect([run.code, run.stdout]).toEqual([2, ""]);
    expect(run.stderr.trim()).toMatch(pattern);
  });
  test("a malformed config stops only the files under it", () => {
    const dir = tree({ "bad/.napkinrc.json": "{ not json", "bad/a.md": `${slip}\n`, "good/b.md": `${slip}\n` });
    const run = napkinIn(dir, ["check", "bad", "good"]);
    expect([run.code, places(run.stdout)]).toEqual([2, ["good/b.md:1"]]);
  });
  test("--print-config shows what applies and where each setting came from", () => {
    const dir = tree({ ".napkinrc.json": '{ "tolerance": "5%", "rules": { "name": "off" } }', "a.md": "" });
    expect(JSON.parse(napkinIn(dir, ["--month", "30.44d", "check", "--print-config", "a.md"]).stdout)).toEqual({
      file: "a.md",
      config: ".napkinrc.json",
      tolerance: "5%",
      month: "30.44d",
      reference: null,
      ignore: [],
      rules: { arithmetic: "on", propagated: "on", capacity: "on", name: "off" },
      from: { tolerance: "config", month: "flag", reference: "default", rules: "config" },
    });
  });
  test("the user's notes as a folder with a .napkinrc.json beside them: the same six findings, with columns", () => {
    const dir = tree({ ".napkinrc.json": '{ "tolerance": "25%", "month": "30d" }' });
    cpSync(join(root, "tests/fixtures/study-notes.md"), join(dir, "notes/study-notes.md"));
    writeFileSync(join(dir, "notes/.napkinrc.json"), '{ "$schema": "https://example.invalid/napkinrc.schema.json", "tolerance": "25%" }');
    const expected: { findings: { line: number; verdict: string }[] } = JSON.parse(readFileSync(join(root, "tests/fixtures/study-notes-expected.json"), "utf8"));
    const run = napkinIn(dir, ["check", "notes"]);
    const lines = run.stdout.split("\n").filter(Boolean);
    expect(lines.map((line) => line.match(/^notes\/study-notes\.md:(\d+):\d+: (\w+) \[/)?.slice(1))).toEqual(expected.findings.map((f) => [String(f.line), f.verdict]));
  });
});

describe("names across lines", () => {
  const check = (text: string) => napkin(["check", "--all", "--json", "-"], { input: text });
  const verdicts = (text: string) => JSON.parse(check(text).stdout).findings.map((f: { line: number; verdict: string; rule: string }) => `${f.line} ${f.verdict} ${f.rule}`);
  test("NAME = expression = value defines NAME as the stated value; later lines use it", () =>
    expect(verdicts("DAU = 20M × 5% = 1M\nwrites = DAU * 10 = 10M\nQPS = writes / 86,400 = 116\n")).toEqual(["1 ok arithmetic", "2 ok arithmetic", "3 ok arithmetic"]));
  test("NAME: value defines it too", () => expect(verdicts("DAU: 1M\nreads = DAU * 30 = 30M\n")).toEqual(["2 ok arithmetic"]));
  test("a wrong use is a slip, shown with the name", () => expect(napkin(["check", "-"], { input: "DAU: 1M\nreads = DAU * 30 = 3M\n" }).stdout).toMatch(/^<stdin>:2:9: wrong \[arithmetic\]: DAU \* 30 = 3M → ≈30,000,000 \(off by 10×/));
  test("a name defined by a wrong line carries its slip on", () => expect(verdicts("DAU = 20M × 5% = 10M\nwrites = DAU * 10 = 100M\n")).toEqual(["1 wrong arithmetic", "2 propagated propagated"]));
  test("used before it is defined: a finding of its own", () => expect(napkin(["check", "-"], { input: "writes = DAU * 10 = 10M\nDAU: 1M\n" }).stdout).toBe("<stdin>:2:1: wrong [name]: DAU is used on line 1 before it is defined here\n"));
  test("defined again with another value after a line used it: a finding of its own", () =>
    expect(napkin(["check", "-"], { input: "DAU: 1M\nwrites = DAU * 10 = 10M\nDAU: 2M\n" }).stdout).toBe("<stdin>:3:1: wrong [name]: DAU was 1M on line 1; here it is 2M\n"));
  test("defined again with the same value: nothing", () => expect(check("DAU: 1M\nwrites = DAU * 10 = 10M\nDAU = 1,000,000\n").code).toBe(0));
  test("a heading ends the block", () => expect(verdicts("DAU: 1M\n### Storage\nreads = DAU * 30 = 30M\n")).toEqual([]));
  test("two blank lines end the block; one does not", () => {
    expect(verdicts("DAU: 1M\n\nreads = DAU * 30 = 30M\n")).toEqual(["3 ok arithmetic"]);
    expect(verdicts("DAU: 1M\n\n\nreads = DAU * 30 = 30M\n")).toEqual([]);
  });
  test("a unit or scale word is never a name", () => expect(verdicts("GB: 5\nK = 3\nx = GB * 2 = 10\n")).toEqual([]));
  test("after a number a name is a noun, not a value (20M DAU)", () => expect(verdicts("DAU: 1M\n20M DAU × 5% = 1M DAU\n")).toEqual(["2 ok arithmetic"]));
  test("a name spelled out in brackets is no use of it", () => expect(check("DAU = 300 M\nDaily active users (DAU) = 300 million * 50% = 150 million\nDAU = 150 million\n").code).toBe(0));
});

describe("watch mode", () => {
  test("re-checks a file when it changes, prints only what changed, and Ctrl-C exits cleanly", async () => {
    const dir = tree({ "a.md": `${slip}\n${right}\n`, "b.md": `${right}\n` });
    const child = spawn(process.execPath, [napkinBin, "check", "--watch", "."], { cwd: dir, env: { ...process.env, NO_COLOR: "1" } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const until = async (what: () => boolean) => {
      for (let i = 0; i < 600 && !what(); i++) await new Promise((resolve) => setTimeout(resolve, 25));
      expect(what(), `stdout: ${stdout}\nstderr: ${stderr}`).toBe(true);
    };
    await until(() => stderr.includes("watching for changes"));
    expect(stdout).toBe("a.md:1:1: wrong [arithmetic]: 200K / 3 = 66 → ≈66,667 (off by 1000×: a dropped K?)\n");
    stdout = "";
    // The slip fixed, and a new one two lines down: only those two are printed, not b.md's right line.
    writeFileSync(join(dir, "a.md"), `200K / 3 = 66.7K\n${right}\n100 * 1800 = 18000\n`);
    await until(() => stderr.includes("a.md checked again"));
    expect(stdout.split("\n").filter(Boolean)).toEqual([
      "a.md:3:1: wrong [arithmetic]: 100 * 1800 = 18000 → ≈180,000 (off by 10×: a dropped zero?)",
      "a.md:1:1: fixed [arithmetic]: 200K / 3 = 66 → ≈66,667 (off by 1000×: a dropped K?)",
    ]);
    // A note file that appears in the watched folder is checked too.
    stdout = "";
    writeFileSync(join(dir, "c.md"), `${slip}\n`);
    await until(() => stdout.includes("c.md:1:1: wrong"));
    const exit = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    child.kill("SIGINT");
    expect(await exit).toBe(0);
    expect(stderr).not.toMatch(/\n\s+at /);
  }, 60_000);
  test("--watch refuses standard input, -e and other formats", () => expectUsageError(["check", "--watch", "--json", "tests/fixtures/linter"], /--watch checks files and folders/));
});

describe("standard input on a terminal", () => {
  const hasScript = spawnSync("script", ["--version"]).status === 0;
  test.skipIf(!hasScript)("says how to end it before it waits", () => {
    // `script` gives napkin a terminal for standard input; `printf` types a line and Ctrl-D (EOT) ends it.
    const run = spawnSync("script", ["-qec", `printf '${slip}\\n\\004' | script -qec "NO_COLOR=1 '${process.execPath}' '${napkinBin}' check -" /dev/null`, "/dev/null"], { encoding: "utf8", timeout: 15_000 });
    expect(run.stdout).toMatch(/reading notes from the terminal; end with Ctrl-D/);
    expect(run.stdout).toMatch(/<stdin>:1:1: wrong \[arithmetic\]/);
  });
  test("a pipe is no terminal: nothing is said", () => expect(napkin(["check", "-"], { input: `${right}\n` }).stderr).not.toMatch(/terminal/));
});

describe("what a second reading found", () => {
  const check = (text: string, ...flags: string[]) => napkin(["check", ...flags, "-"], { input: text });
  test("a suppression comment shown in a code fence or a code span is an example, not a directive", () => {
    expect(check(`\`\`\`markdown\n<!-- napkin-disable-file -->\n\`\`\`\n${slip}\n`).code).toBe(1);
    expect(check(`Write \`<!-- napkin-disable -->\` to silence.\n${slip}\n`).code).toBe(1);
    expect(napkin(["check", tree({ "a.md": `\`\`\`\n<!-- napkin-disable-file -->\n\`\`\`\n${slip}\n` }) + "/a.md"]).code).toBe(1);
  });
  test("napkin-enable naming a rule re-enables that rule inside a disabled region", () =>
    expect(places(check(`<!-- napkin-disable -->\n${slip}\n<!-- napkin-enable arithmetic -->\n${slip}\n`).stdout)).toEqual(["<stdin>:4"]));
  test("a link back up a folder is walked once; a path through a file is one line and the rest is checked", () => {
    const dir = tree({ "t/a.md": `${slip}\n`, "b.md": `${slip}\n` });
    symlinkSync("..", join(dir, "t/up"));
    // t/up leads to t's parent: its b.md is found once, and t, met again below it, is not walked again.
    expect(places(napkinIn(dir, ["check", "t"]).stdout)).toEqual(["t/a.md:1", "t/up/b.md:1"]);
    const run = napkinIn(dir, ["check", "b.md/x", "b.md"]);
    expect([run.code, places(run.stdout)]).toEqual([2, ["b.md:1"]]);
    expect(run.stderr).toMatch(/cannot read 'b\.md\/x': a part of the path is a file, not a folder/);
  });
  test("the same file through a link is checked once", () => {
    const dir = tree({ "a.md": `${slip}\n` });
    symlinkSync("a.md", join(dir, "same.md"));
    expect(places(napkinIn(dir, ["check", "."]).stdout)).toHaveLength(1);
  });
  test("a deeper .gitignore can re-include what a higher one ignores", () => {
    const repo = tree({ ".git/HEAD": "ref\n", ".gitignore": "*.md\n", "notes/keep/.gitignore": "!y.md\n", "notes/keep/y.md": `${slip}\n`, "notes/x.md": `${slip}\n` });
    expect(places(napkinIn(repo, ["check", "notes"]).stdout)).toEqual(["notes/keep/y.md:1"]);
  });
  test("a count after a number is no use of a name (10 servers / 2 regions, then servers: 10)", () => expect(check("Assume 10 servers / 2 regions.\nservers: 10\n").code).toBe(0));
  test("a rate defines a name", () => expect(places(check("tput: 100 MB/s\nd = tput * 86400 s = 1 KB\n").stdout)).toEqual(["<stdin>:2"]));
  test("two names with one value are each shown as written", () => expect(check("reads: 100\nwrites: 100\ntotal = writes * 2 = 300\n").stdout).toMatch(/wrong \[arithmetic\]: writes \* 2 = 300/));
  test("a name in working written down the page", () => expect(check("DAU: 1M\nw = DAU * 10 =\n99M\n").stdout).toMatch(/^<stdin>:3:1: wrong \[arithmetic\]: DAU \* 10 = 99M/));
  test("the column is where the claim is written, not where it moved after a name's value went in", () =>
    expect(napkin(["check", "--format", "github", "-"], { input: "MAU: 3M\nx = 4M + MAU = 7M, y = 1M * 10 = 99M\n" }).stdout).toMatch(/line=2,col=24,/));
  test.each([["**DAU:** 1M"], ["1. DAU: 1M"], ["> DAU: 1M"], ["DAU ≈ 1M"], ["- __DAU__: 1M"]])("%s defines DAU", (definition) =>
    expect(places(check(`${definition}\nw = DAU * 10 = 99M\n`).stdout)).toEqual(["<stdin>:2"]));
  test("a formula written before its values is no use before definition (QPS = DAU * 10 / 86,400, then DAU: 1M)", () => expect(check("QPS = DAU * 10 / 86,400\nDAU: 1M\n").code).toBe(0));
  test("a time of day is no value (Time: 10:30)", () => expect(check("Time: 10:30\nx = Time * 2 = 99\n").code).toBe(0));
  test("a line using a defined name and one nobody defined is left as it is", () => expect(check("read: 100K QPS\nread / write = 100:1\n").code).toBe(0));
  test("a math function's argument is a use (sqrt(DAU))", () => expect(places(check("DAU: 1M\nx = sqrt(DAU) = 5\n").stdout)).toEqual(["<stdin>:2"]));
});

describe("the edges left after the review", () => {
  test("a directive naming an unknown rule is a warning on stderr; the exit code is the findings'", () => {
    const run = napkin(["check", "-"], { input: `<!-- napkin-disable-next-line arithmetc -->\n${slip}\n` });
    expect([run.code, run.stderr.split("\n")[0]]).toEqual([1, "napkin: warning: <stdin>:1: unknown rule 'arithmetc' in a napkin-disable or napkin-enable comment (the rules: arithmetic, propagated, capacity, name)"]);
  });
  const check = (text: string) => napkin(["check", "-"], { input: text });
  test("disable-next-line covers a claim written over the next two lines", () => expect(check("<!-- napkin-disable-next-line -->\n200K / 3 =\n66\n").code).toBe(0));
  test("a setext heading ends a block of names", () => expect(check("DAU: 1M\nStorage\n=======\nw = DAU * 10 = 99M\n").code).toBe(0));
  test("SARIF records whether the run read everything", () => {
    const failed = napkin(["check", "--format", "sarif", "tests/fixtures/linter", "missing.md"]);
    expect([failed.code, JSON.parse(failed.stdout).runs[0].invocations]).toEqual([2, [{ executionSuccessful: false }]]);
    expect(JSON.parse(napkin(["check", "--format", "sarif", "-e", right]).stdout).runs[0].invocations).toEqual([{ executionSuccessful: true }]);
  });
});
