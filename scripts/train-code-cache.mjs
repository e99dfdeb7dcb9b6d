// Trains V8's code caches for the freshly built bundle: `node scripts/train-code-cache.mjs [command]` runs
// that command's workload (or, without one, every command's) in this one process and saves the cache of
// everything compiled on the way. scripts/build.mjs runs it once per command and once without.
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

const { loadBundle } = createRequire(import.meta.url)("../bin/bundle.cjs");
const studyNotes = "tests/fixtures/study-notes.md";

/** Runs of each command that reach its usual paths. */
export const workloads = {
  calc: [["calc", "200K / 3s * 100 bytes in Mbps"], ["calc", "log2(1B) + sqrt(5-10K) * 3"]],
  estimate: [["estimate", "--preset", "gps-pings"], ["estimate", "--concurrent", "200K", "--interval", "3s", "--payload", "100B", "--json"]],
  ref: [["ref"]],
  // The notes alone: a cache trained on a one-line claim first made the notes run 3-5 ms slower (measured).
  check: existsSync(studyNotes) ? [["check", studyNotes]] : [["check", "-e", "200k / 3 = 66pings/sec"]],
  exercises: [["exercises"]],
  solve: [["solve", "gps-pings"]],
  grade: [["grade", "gps-pings", "--answer", "pingsPerSec=66", "--answer", "bandwidth=6 KB/s"]],
  batch: [["batch"]],
};

/** Trains one cache: a command's, or (without one) the general cache, which has every command in it. */
async function train(command) {
  const runs = command ? workloads[command] : [["--version"], ["--help"], ...Object.values(workloads).flat()];
  if (!runs) throw new Error(`no training workload for '${command}'`);
  const bundle = loadBundle({ train: true });
  for (const args of runs) {
    const code = await bundle.exports.main([process.execPath, "napkin", ...args]);
    // 1 is "wrong answers found", which the workload means to find; 2 is a bad run.
    if (code > 1) throw new Error(`napkin ${args.join(" ")} exited with ${code} while training the code cache`);
  }
  bundle.saveCache(command);
}

// Run as a script (scripts/build.mjs also imports this file, for the workloads' names).
if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    await train(process.argv[2]);
  } catch (error) {
    console.error(error.message);
    process.exitCode = 1;
  }
}
