// Measures napkin's performance budgets with repeated cold runs, on this machine's Node and on Node 24, and
// exits 1 when one is missed. Start-up ratios pair each run with a `node -e 0` run of the same Node just before
// it and take the median of the pairs' ratios, so drift or a burst of load moves both sides of a ratio alike.
// Node 24 is the package node-<platform>-<arch>@24 from the npm registry, fetched once into a cache folder
// (~/.cache/napkin-bench, or NAPKIN_BENCH_CACHE); --node24 PATH uses a Node 24 binary of yours instead.
// Usage: npm run bench [-- --runs N] [-- --only NAME] [-- --node24 PATH]   (NAME matches rows by substring)
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const napkinBin = path.join(repoRoot, "bin", "napkin");
const warmupRuns = 2;
const bigFileLines = 100_000;
const presetCount = 10_000;
/**
 * The budgets, per Node. On this machine's Node (20): start-up within 1.5× bare node, `check` on the notes within
 * 1.6×. On Node 24, no worse than napkin was before it moved to Node's compile cache: the ratios of the build
 * with napkin's own V8 code cache (commit fac89b9), measured by this bench on Node 24.22.3 on this machine, the
 * median of three runs of 15 pairs on 2026-12-01. Throughput, memory and batch have one budget everywhere.
 */
const budgets = {
  20: { "--version": 1.5, ref: 1.5, calc: 1.5, estimate: 1.5, "check notes": 1.6 },
  24: { "--version": 1.37, ref: 1.38, calc: 1.38, estimate: 1.45, "check notes": 2.27 },
};
const targets = { linesPerSecond: 100_000, peakMegabytes: 150, batchMs: 5_000 };

/** A measured command exited with a code that is neither success nor "not implemented yet". */
class CommandFailedError extends Error {
  constructor(args, run) {
    super(`napkin ${args.join(" ")} exited with ${run.status ?? run.signal}\n${run.stderr.trim()}`);
  }
}

/** The bench was called with bad flags. */
class UsageError extends Error {}

/** Spawns one cold process of this Node and times it from spawn to exit. */
function runOnce(node, args, env = process.env) {
  const start = process.hrtime.bigint();
  // stdout goes to /dev/null: we time napkin, not a pipe reader; stderr is kept to explain failures.
  const child = spawnSync(node, args, { stdio: ["ignore", "ignore", "pipe"], encoding: "utf8", env, maxBuffer: 64 << 20 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (child.error) throw child.error;
  return { ms, status: child.status, signal: child.signal, stderr: child.stderr };
}

/** True when napkin rejected the command name itself, i.e. the command is not written yet. */
function isUnknownCommand(run) {
  return run.status === 2 && /unknown command/i.test(run.stderr);
}

/** Median, min and max of a list of times. */
function summarize(times) {
  const sorted = [...times].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  return { median, min: sorted[0], max: sorted.at(-1) };
}

/**
 * Times `node <args>` after warm-ups; returns stats, or { skipped } when the command does not exist.
 * With `baseline`, each run is paired with a run of `node -e 0` just before it, and the stats carry the
 * baseline's own: a ratio then compares runs made under the same load, however the machine drifts.
 */
function timeNode(node, args, { runs, warmups = warmupRuns, okCodes = [0], baseline = false, env }) {
  const times = [];
  const baselineTimes = [];
  for (let i = 0; i < warmups + runs; i++) {
    const bare = baseline ? runOnce(node, ["-e", "0"]) : undefined;
    const run = runOnce(node, args, env);
    if (isUnknownCommand(run)) return { skipped: "command not implemented" };
    if (!okCodes.includes(run.status)) throw new CommandFailedError(args.slice(1), run);
    if (i < warmups) continue;
    times.push(run.ms);
    if (bare) baselineTimes.push(bare.ms);
  }
  if (!baselinesByNode.has(node)) baselinesByNode.set(node, []);
  baselinesByNode.get(node).push(...baselineTimes);
  if (!baseline) return summarize(times);
  // The ratio is the median of each run's ratio to its own baseline: a burst of load that slows a pair
  // slows both of its runs, and cancels out.
  const ratio = summarize(times.map((ms, i) => ms / baselineTimes[i])).median;
  return { ...summarize(times), baseline: summarize(baselineTimes), ratio };
}

/** Every bare `node -e 0` run of this bench, per Node, to tell a busy machine from a quiet one. */
const baselinesByNode = new Map();

/**
 * A line saying the machine was busy when bare node's typical run was well above its best one, or nothing.
 * A busy host slows napkin more than bare node (napkin touches ~1,000 more pages, and page faults are what
 * load makes dearest), so a ratio measured then reads high.
 */
function busyMachineNote(node, label) {
  const times = baselinesByNode.get(node) ?? [];
  if (times.length < 5) return undefined;
  const { median, min, max } = summarize(times);
  if (median <= 1.2 * min) return undefined;
  return `note: bare node ${label} took ${formatMs(min)}–${formatMs(max)} ms in this bench (median ${formatMs(median)}): the machine was busy, which makes ratios read high; run the bench again when it is quiet before taking a MISS as real.`;
}

const napkinTimes = new Map();

/**
 * Times `napkin <args>` on the context's Node, remembering the result so rows can share a measurement. napkin's
 * compile cache goes to the bench's own folder, so the warm-ups fill it as a user's first run does.
 */
function timeNapkin(args, options, context) {
  const key = JSON.stringify([context.node, args, Boolean(options.baseline)]);
  const env = { ...process.env, NODE_COMPILE_CACHE: path.join(context.workDir, "compile-cache") };
  if (!napkinTimes.has(key)) napkinTimes.set(key, timeNode(context.node, [napkinBin, ...args], { ...options, env }));
  return napkinTimes.get(key);
}

/**
 * Peak resident memory of one `napkin <args>` run, in MB.
 * A preload module records process.resourceUsage().maxRSS on exit. We prefer it over
 * `/usr/bin/time -f %M`: it works wherever node does (BSD/macOS `time` has no -f), and it needs no
 * parsing of the command's own stderr. On Linux both read the same getrusage() counter.
 */
function measurePeakMegabytes(args, { node, workDir }) {
  const preload = path.join(workDir, "record-max-rss.mjs");
  const report = path.join(workDir, "max-rss.txt");
  fs.writeFileSync(preload, `import fs from "node:fs";\nprocess.on("exit", () => fs.writeFileSync(process.env.NAPKIN_BENCH_RSS_FILE, String(process.resourceUsage().maxRSS)));\n`);
  fs.rmSync(report, { force: true });
  const run = runOnce(node, ["--import", preload, napkinBin, ...args], { ...process.env, NAPKIN_BENCH_RSS_FILE: report });
  if (![0, 1].includes(run.status)) throw new CommandFailedError(args, run);
  return Number(fs.readFileSync(report, "utf8")) / 1024; // maxRSS is in kilobytes
}

/** The study notes the issue names, or the test fixture when the shared folder is absent. */
function findStudyNotes() {
  const candidates = [path.join(repoRoot, "..", "shared", "notes", "study-notes.md"), path.join(repoRoot, "tests", "fixtures", "study-notes.md")];
  return candidates.find((file) => fs.existsSync(file));
}

/** Writes a file of exactly `lineCount` lines by repeating the notes. */
function writeRepeatedNotes(notesFile, lineCount, workDir) {
  const lines = fs.readFileSync(notesFile, "utf8").replace(/\n$/, "").split("\n");
  const repeated = Array.from({ length: lineCount }, (_, i) => lines[i % lines.length]);
  const file = path.join(workDir, "notes-100k.md");
  fs.writeFileSync(file, repeated.join("\n") + "\n");
  return file;
}

/** Every preset exercise in the repo, parsed; the JSON Schema is not an exercise. */
function readPresets() {
  const dir = path.join(repoRoot, "presets");
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true })
    .filter((file) => file.endsWith(".json") && !path.basename(file).endsWith("schema.json"))
    .map((file) => JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")));
}

/** Writes `count` presets, cycling through the real ones, each with a unique id. */
function writePresetCopies(presets, count, workDir) {
  const dir = path.join(workDir, "presets");
  fs.mkdirSync(dir);
  for (let n = 0; n < count; n++) {
    const preset = { ...presets[n % presets.length], id: `bench-${n}` };
    fs.writeFileSync(path.join(dir, `bench-${n}.json`), JSON.stringify(preset, null, 2));
  }
  return dir;
}

const formatMs = (ms) => (ms === undefined ? "" : ms.toFixed(0));
const formatCount = (n) => Math.round(n).toLocaleString("en-US");

/** A table row for a measurement that was skipped. */
function skippedRow(name, reason, target) {
  return { name, value: "", target, verdict: `skipped (${reason})` };
}

/** A table row for a timed measurement, judged by `passed`. */
function timedRow(name, stats, value, target, passed) {
  return { name, ...stats, baseline: stats.baseline?.median, value, target, verdict: passed ? "ok" : "MISS" };
}

/** Rows for the quick commands: median as a ratio to bare node, against this Node's budget for the row. */
function benchStartup(name, args, context, okCodes = [0]) {
  const budget = context.budgets[name];
  const target = `≤ ${budget}×`;
  const stats = timeNapkin(args, { runs: context.runs, okCodes, baseline: true }, context);
  if (stats.skipped) return [skippedRow(name, stats.skipped, target)];
  const { ratio } = stats;
  return [timedRow(name, stats, `${ratio.toFixed(2)}×`, target, ratio <= budget)];
}

/** Rows for `check` on the study notes. */
function benchCheckNotes(context) {
  if (!context.notesFile) return [skippedRow("check notes", "no study notes", `≤ ${context.budgets["check notes"]}×`)];
  return benchStartup("check notes", ["check", context.notesFile], context, [0, 1]);
}

/** Rows for `check` on 100,000 lines: throughput after start-up, and peak memory. */
function benchCheckBigFile(context) {
  const name = "check 100k lines";
  const throughputTarget = `≥ ${formatCount(targets.linesPerSecond)} lines/s`;
  const memoryTarget = `≤ ${targets.peakMegabytes} MB`;
  if (!context.notesFile) return [skippedRow(name, "no study notes", throughputTarget)];
  const bigFile = context.bigFile ?? (context.bigFile = writeRepeatedNotes(context.notesFile, bigFileLines, context.workDir));
  const stats = timeNapkin(["check", bigFile], { runs: context.runs, okCodes: [0, 1] }, context);
  if (stats.skipped) return [skippedRow(name, stats.skipped, throughputTarget), skippedRow("  peak memory", stats.skipped, memoryTarget)];
  // Start-up is subtracted so the figure is the checker's own speed, not node's boot time.
  const startup = timeNapkin(["--version"], { runs: context.runs, baseline: true }, context).median;
  const linesPerSecond = bigFileLines / (Math.max(stats.median - startup, 1) / 1000);
  const megabytes = measurePeakMegabytes(["check", bigFile], context);
  return [
    timedRow(name, stats, `${formatCount(linesPerSecond)} lines/s`, throughputTarget, linesPerSecond >= targets.linesPerSecond),
    timedRow("  peak memory", {}, `${megabytes.toFixed(0)} MB`, memoryTarget, megabytes <= targets.peakMegabytes),
  ];
}

/** Rows for `batch` over 10,000 generated presets: total wall time. */
function benchBatch(context) {
  const name = "batch 10k presets";
  const target = `≤ ${targets.batchMs} ms`;
  const presets = readPresets();
  if (presets.length === 0) return [skippedRow(name, "no presets", target)];
  const dir = context.presetsDir ?? (context.presetsDir = writePresetCopies(presets, presetCount, context.workDir));
  // Each run takes seconds, so one warm-up and three runs give a stable median without a long wait.
  const stats = timeNapkin(["batch", dir], { runs: Math.min(context.runs, 3), warmups: 1, okCodes: [0, 1] }, context);
  if (stats.skipped) return [skippedRow(name, stats.skipped, target)];
  return [timedRow(name, stats, "", target, stats.median <= targets.batchMs)];
}

const benchmarks = [
  { name: "--version", run: (context) => benchStartup("--version", ["--version"], context) },
  { name: "ref", run: (context) => benchStartup("ref", ["ref"], context) },
  { name: "calc", run: (context) => benchStartup("calc", ["calc", "200K / 3s * 100 bytes in Mbps"], context) },
  { name: "estimate", run: (context) => benchStartup("estimate", ["estimate", "--concurrent", "200K", "--interval", "3s", "--payload", "100B"], context) },
  { name: "check notes", run: benchCheckNotes },
  { name: "check 100k lines", run: benchCheckBigFile },
  { name: "batch 10k presets", run: benchBatch },
];

/** Prints rows as an aligned, pipe-separated table. */
function printTable(rows) {
  const header = ["node", "name", "median ms", "min", "max", "node -e 0", "ratio / value", "target", "result"];
  const cells = rows.map((row) => [row.node, row.name, formatMs(row.median), formatMs(row.min), formatMs(row.max), formatMs(row.baseline), row.value, row.target, row.verdict]);
  const widths = header.map((title, i) => Math.max(title.length, ...cells.map((line) => line[i].length)));
  const format = (line) => line.map((cell, i) => (i >= 2 && i <= 5 ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join(" | ").trimEnd();
  console.log(format(header));
  console.log(widths.map((width) => "-".repeat(width)).join("-|-"));
  for (const line of cells) console.log(format(line));
}

/** A one-line description of this machine, for quoting figures in the README. */
function describeMachine() {
  const cpus = os.cpus();
  const memory = (os.totalmem() / 1024 ** 3).toFixed(1);
  return `${cpus[0]?.model ?? "unknown CPU"}, ${cpus.length} cores, ${memory} GiB RAM, ${os.platform()} ${os.release()}`;
}

/** The version a Node binary reports (`v24.22.3`), or undefined when it does not run. */
function versionOf(node) {
  const run = spawnSync(node, ["--version"], { encoding: "utf8" });
  return run.status === 0 ? run.stdout.trim() : undefined;
}

/**
 * A Node 24 binary: the one given, or the registry's node-<platform>-<arch>@24 package, fetched with `npm pack`
 * into the cache folder the first time (tens of MB) and reused after. Returns { node } or { skipped: why }.
 */
function node24(given) {
  if (given) return versionOf(given)?.startsWith("v24.") ? { node: given } : { skipped: `${given} is not a Node 24 binary` };
  const cache = process.env.NAPKIN_BENCH_CACHE || path.join(os.homedir(), ".cache", "napkin-bench");
  const platform = process.platform === "win32" ? "win" : process.platform;
  const folder = path.join(cache, `node-${platform}-${process.arch}-24`);
  const binary = path.join(folder, "package", "bin", process.platform === "win32" ? "node.exe" : "node");
  if (versionOf(binary)?.startsWith("v24.")) return { node: binary };
  const spec = `node-${platform}-${process.arch}@24`;
  console.log(`fetching ${spec} from the npm registry into ${folder} …`);
  fs.rmSync(folder, { recursive: true, force: true });
  fs.mkdirSync(folder, { recursive: true });
  const pack = spawnSync("npm", ["pack", spec, "--pack-destination", folder, "--silent"], { encoding: "utf8" });
  const tarball = pack.status === 0 ? pack.stdout.trim().split("\n").at(-1) : undefined;
  if (!tarball) return { skipped: `cannot fetch ${spec}: ${(pack.stderr || "npm pack failed").trim().split("\n")[0]}` };
  const untar = spawnSync("tar", ["-xzf", path.join(folder, tarball), "-C", folder], { encoding: "utf8" });
  fs.rmSync(path.join(folder, tarball), { force: true });
  if (untar.status !== 0 || !versionOf(binary)?.startsWith("v24.")) return { skipped: `cannot unpack ${spec}: ${(untar.stderr || "no bin/node inside").trim().split("\n")[0]}` };
  return { node: binary };
}

/** Runs the selected benchmarks on each Node and returns the process exit code. */
function main() {
  const { values } = parseArgs({ options: { runs: { type: "string", default: "10" }, only: { type: "string" }, node24: { type: "string" } } });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new UsageError(`--runs must be a positive integer, got ${values.runs}`);
  const selected = benchmarks.filter((bench) => !values.only || bench.name.includes(values.only));
  if (selected.length === 0) throw new UsageError(`--only ${values.only} matches none of: ${benchmarks.map((bench) => bench.name).join(", ")}`);
  const major = Number(process.versions.node.split(".")[0]);
  if (major !== 20) console.log(`note: the budgets are for running the bench on Node 20 (this is ${process.version}); Node 24 is measured beside it.`);
  const second = node24(values.node24);

  console.log(`napkin bench: ${runs} cold runs after ${warmupRuns} warm-ups\nmachine: ${describeMachine()}\n`);
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "napkin-bench-"));
  try {
    const shared = { runs, workDir, notesFile: findStudyNotes() };
    const runtimes = [
      { node: process.execPath, label: `${process.version} (this machine's)`, budgets: budgets[20] },
      ...(second.node ? [{ node: second.node, label: versionOf(second.node), budgets: budgets[24] }] : []),
    ];
    const rows = [];
    for (const runtime of runtimes) {
      const context = Object.assign(shared, runtime);
      for (const bench of selected) {
        try {
          rows.push(...bench.run(context).map((row) => ({ ...row, node: runtime.label })));
        } catch (error) {
          if (!(error instanceof CommandFailedError)) throw error;
          console.error(error.message);
          rows.push({ node: runtime.label, name: bench.name, value: "", target: "", verdict: "FAIL" });
        }
      }
    }
    if (second.skipped) rows.push({ node: "v24", name: "(every row)", value: "", target: "", verdict: `skipped (${second.skipped})` });
    printTable(rows);
    for (const { node, label } of runtimes) {
      const busy = busyMachineNote(node, label);
      if (busy) console.log(`\n${busy}`);
    }
    return rows.some((row) => row.verdict === "MISS" || row.verdict === "FAIL") || second.skipped ? 1 : 0;
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

try {
  process.exitCode = main();
} catch (error) {
  if (!(error instanceof UsageError) && !String(error.code).startsWith("ERR_PARSE_ARGS")) throw error;
  console.error(`bench: ${error.message}`);
  process.exitCode = 2;
}
