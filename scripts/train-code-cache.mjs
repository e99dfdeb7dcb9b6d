// Runs a workload that touches every command through the freshly built bundle, all in this one process, then
// saves V8's code cache of everything compiled on the way (dist/napkin.cache). Run by scripts/build.mjs.
import { existsSync } from "node:fs";
import { createRequire } from "node:module";

const { loadBundle } = createRequire(import.meta.url)("../bin/bundle.cjs");
const studyNotes = "tests/fixtures/study-notes.md";

const workload = [
  ["--version"],
  ["--help"],
  ["calc", "200K / 3s * 100 bytes in Mbps"],
  ["calc", "log2(1B) + sqrt(5-10K) * 3"],
  ["estimate", "--preset", "gps-pings"],
  ["estimate", "--concurrent", "200K", "--interval", "3s", "--payload", "100B", "--json"],
  ["ref"],
  ["check", "-e", "200k / 3 = 66pings/sec"],
  ...(existsSync(studyNotes) ? [["check", studyNotes]] : []),
  ["exercises"],
  ["solve", "gps-pings"],
  ["grade", "gps-pings", "--answer", "pingsPerSec=66", "--answer", "bandwidth=6 KB/s"],
  ["batch"],
];

const bundle = loadBundle({ useCache: false });
for (const args of workload) {
  const code = await bundle.exports.main([process.execPath, "napkin", ...args]);
  // 1 is "wrong answers found", which the workload means to find; 2 is a bad run.
  if (code > 1) throw new Error(`napkin ${args.join(" ")} exited with ${code} while training the code cache`);
}
bundle.saveCache();
