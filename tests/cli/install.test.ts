import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { root } from "../helpers.js";
import { changes, snapshot } from "../installFolder.js";

/** napkin installed in a folder of its own (bin/, dist/, presets/, package.json), to run, damage and watch. */
function install(): string {
  const folder = mkdtempSync(join(tmpdir(), "napkin-install-"));
  for (const part of ["bin", "dist", "presets", "package.json"]) cpSync(join(root, part), join(folder, part), { recursive: true });
  return folder;
}

function run(folder: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [join(folder, "bin", "napkin"), ...args], { encoding: "utf8", cwd: folder, env: { ...process.env, NO_COLOR: "1", ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const notes = join(root, "tests/fixtures/study-notes.md");
const linted = join(root, "tests/fixtures/linter");
const oneLine = (stderr: string) => stderr.trim().split("\n");

describe("a run writes nothing into napkin's folder", () => {
  test("every command, twice, with Node's compile cache on (its cache lives in the system's temp folder)", () => {
    const folder = install();
    const compileCache = mkdtempSync(join(tmpdir(), "napkin-compile-cache-"));
    const before = snapshot(folder);
    const commands = [
      ["--version"], ["--help"], ["calc", "ceil(200K / 3)"], ["check", notes], ["check", "--json", notes], ["check", "--format", "sarif", linted], ["check", "--format", "github", `${linted}/**/*.md`], ["estimate", "--preset", "gps-pings"], ["ref"],
      ["exercises"], ["solve", "gps-pings"], ["grade", "gps-pings", "--answer", "pingsPerSec=66K"], ["batch"], ["unknown-command"],
    ];
    for (let round = 0; round < 2; round++) for (const args of commands) expect([0, 1, 2]).toContain(run(folder, args, { NODE_COMPILE_CACHE: compileCache }).code);
    expect(changes(before, snapshot(folder))).toEqual([]);
  }, 60_000);
});

describe("a damaged install is one line, never a stack", () => {
  test("without mathjs's bundle, rounding says what is missing and the rest still works", () => {
    const folder = install();
    rmSync(join(folder, "dist/napkin-mathjs.cjs"));
    expect(oneLine(run(folder, ["calc", "ceil(1.5)"]).stderr)).toEqual([expect.stringMatching(/^napkin: error: cannot load dist\/napkin-mathjs\.cjs: .*npm run build/)]);
    expect(run(folder, ["calc", "1 + 1"]).stdout).toMatch(/^2\n/);
  });
  test("without the built reference table, what needs it says what is missing, and calc still works", () => {
    const folder = install();
    rmSync(join(folder, "dist/napkin-reference.json"));
    expect(oneLine(run(folder, ["ref"]).stderr)).toEqual([expect.stringMatching(/^napkin: error: cannot load dist\/napkin-reference\.json: .*npm run build/)]);
    expect(run(folder, ["calc", "1 + 1"]).stdout).toMatch(/^2\n/);
  });
  test("without the bundle that finds files, a folder says what is missing, and a file is still checked", () => {
    const folder = install();
    rmSync(join(folder, "dist/napkin-files.cjs"));
    const lint = run(folder, ["check", linted]);
    expect([lint.code, oneLine(lint.stderr)]).toEqual([2, [expect.stringMatching(/^napkin: error: cannot load dist\/napkin-files\.cjs: .*npm run build/)]]);
    expect(run(folder, ["check", notes]).code).toBe(1);
  });
  test("without zod's bundle, validating a file says what is missing, and check still works", () => {
    const folder = install();
    rmSync(join(folder, "dist/napkin-zod.cjs"));
    const batch = run(folder, ["batch", "presets/location"]);
    expect(batch.code).toBe(2);
    expect(batch.stderr).toMatch(/^napkin: error: presets\/location\/gps-pings\.json: cannot load dist\/napkin-zod\.cjs: .*npm run build/m);
    expect(run(folder, ["check", notes]).code).toBe(1);
  });
  test("without a command's own bundle, the bundle with every command runs it", () => {
    const folder = install();
    rmSync(join(folder, "dist/napkin-check.cjs"));
    expect(run(folder, ["check", "-e", "200K / 3 = 66"]).stdout).toMatch(/wrong \[arithmetic\]: 200K \/ 3 = 66/);
  });
  test("a damaged bundle is named", () => {
    const folder = install();
    writeFileSync(join(folder, "dist/napkin-calc.cjs"), "module.exports = {{");
    const calc = run(folder, ["calc", "1 + 1"]);
    expect(calc.code).toBe(2);
    expect(oneLine(calc.stderr)).toEqual([expect.stringMatching(/^napkin: cannot load dist\/napkin-calc\.cjs: /)]);
  });
  test("no build at all says how to build", () => {
    const folder = install();
    rmSync(join(folder, "dist"), { recursive: true });
    const calc = run(folder, ["calc", "1 + 1"]);
    expect(calc.code).toBe(2);
    expect(oneLine(calc.stderr)).toEqual([expect.stringMatching(/^napkin: not built yet .*npm install/)]);
  });
});
