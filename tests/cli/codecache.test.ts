import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { root } from "../helpers.js";

const scratch = mkdtempSync(join(tmpdir(), "napkin-build-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** What bin/bundle.cjs makes of a folder's code cache for a command (or the general one), in a fresh node (loading runs no command). */
function cacheStatus(folder: string, command?: string): string {
  const probe = join(scratch, "probe.cjs");
  writeFileSync(probe, "process.stdout.write(require(process.argv[2]).loadBundle({ command: process.argv[3] }).cacheStatus);\n");
  return spawnSync(process.execPath, [probe, join(folder, "bin", "bundle.cjs"), ...(command ? [command] : [])], { encoding: "utf8" }).stdout;
}

let copies = 0;
/** A copy of the built CLI (bin/ and dist/) in a temporary folder, to damage freely. */
function copyOfBuild(): string {
  const folder = join(scratch, `copy-${copies++}`);
  for (const part of ["bin", "dist"]) cpSync(join(root, part), join(folder, part), { recursive: true });
  return folder;
}

const caches = (folder: string) => readdirSync(join(folder, "dist")).filter((name) => name.endsWith(".cache"));
const run = (folder: string, ...args: string[]) => spawnSync(process.execPath, [join(folder, "bin", "napkin"), ...args], { encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
const version: string = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).version;

describe("the code cache", () => {
  test.each(["general", "calc", "check", "estimate", "ref", "exercises", "solve", "grade", "batch"])("the build's %s cache is accepted by this node", (command) =>
    expect(cacheStatus(root, command === "general" ? undefined : command)).toBe("accepted"));
  test("a command without a cache of its own (drill, help) uses the general one", () => expect(cacheStatus(root, "drill")).toBe("accepted"));

  test("a damaged cache is refused, the answer is unchanged, and the next run has a good cache again", () => {
    const folder = copyOfBuild();
    for (const cache of caches(folder)) writeFileSync(join(folder, "dist", cache), "not a V8 code cache");
    expect(cacheStatus(folder, "calc")).toBe("rejected");
    const result = run(folder, "calc", "200K / 3");
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^66,667 /);
    expect(cacheStatus(folder, "calc")).toBe("accepted");
  });

  test("an unreadable cache (a folder in its place) is no cache: the answer is unchanged", () => {
    const folder = copyOfBuild();
    const calcCache = caches(folder).find((name) => name.endsWith("-calc.cache"))!;
    rmSync(join(folder, "dist", calcCache));
    mkdirSync(join(folder, "dist", calcCache));
    expect(cacheStatus(folder, "calc")).toBe("missing");
    const result = run(folder, "calc", "200K / 3");
    expect([result.status, result.stderr]).toEqual([0, ""]);
    expect(result.stdout).toMatch(/^66,667 /);
  });

  test("missing caches are made again by the first run of each: a command's own, and the general one", () => {
    const folder = copyOfBuild();
    for (const cache of caches(folder)) rmSync(join(folder, "dist", cache));
    expect(run(folder, "calc", "2 * 3").stdout.trim()).toBe("6");
    expect([cacheStatus(folder, "calc"), cacheStatus(folder)]).toEqual(["accepted", "missing"]);
    expect(run(folder, "--version").stdout.trim()).toBe(version);
    expect(cacheStatus(folder)).toBe("accepted");
    expect(caches(folder)).toHaveLength(2);
  });

  test("a word that is no command (a typo, a path) makes no cache file of its own", () => {
    const folder = copyOfBuild();
    for (const word of ["clac", "../../x", "CALC"]) expect(run(folder, word).status).toBe(2);
    // Only the build's names remain: napkin-<build>-<runtime>.cache, or the same with a trained command.
    expect(caches(folder).filter((name) => !/^napkin-\w+-[0-9a-f]{8}(-(calc|check|estimate|ref|exercises|solve|grade|batch))?\.cache$/.test(name))).toEqual([]);
  });

  test("a rebuilt bundle of the same length never runs the old build's cached code", () => {
    // V8 checks a cache against the source's length only: the build id in the cache's name must do the rest.
    const folder = copyOfBuild();
    const bundle = join(folder, "dist", "napkin.cjs");
    const rebuilt = readFileSync(bundle, "latin1").replace(`"${version}"`, `"${version.replace(/\d/g, "9")}"`).replace(/napkin build \w+/, "napkin build 0123456789abcdef");
    writeFileSync(bundle, rebuilt, "latin1");
    expect(run(folder, "--version").stdout.trim()).toBe(version.replace(/\d/g, "9"));
  });

  test.each([
    ["not JavaScript", "this is not JavaScript (\n"],
    ["empty", ""],
  ])("a damaged bundle (%s) is one line on stderr and exit 2, not a stack", (_, content) => {
    const folder = copyOfBuild();
    writeFileSync(join(folder, "dist", "napkin.cjs"), content);
    const result = run(folder, "--version");
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split("\n")).toEqual([expect.stringMatching(/^napkin: cannot load dist\/napkin\.cjs: /)]);
  });

  test("mathjs is a bundle of its own: napkin's bundle does not hold it", () => {
    const bundle = readFileSync(join(root, "dist", "napkin.cjs"), "latin1");
    // Strings of mathjs's and typed-function's code that minifying keeps.
    expect(bundle).not.toMatch(/Number of decimals in function round|Signature ".*" is defined twice|typed-function/);
    expect(readFileSync(join(root, "dist", "napkin-mathjs.cjs"), "latin1")).toMatch(/Number of decimals in function round/);
  });

  test("without mathjs's bundle, rounding is one line and exit 2 (check included: no claim is skipped); everything else works", () => {
    const folder = copyOfBuild();
    rmSync(join(folder, "dist", "napkin-mathjs.cjs"));
    expect(run(folder, "calc", "sqrt(16) + 1").stdout.trim()).toBe("5");
    for (const args of [["calc", "ceil(1.5)"], ["check", "-e", "ceil(270K / 10K) = 2.7"]]) {
      const result = run(folder, ...args);
      expect(result.status, args.join(" ")).toBe(2);
      expect(result.stderr.trim().split("\n")).toEqual([expect.stringMatching(/^napkin: error: cannot load dist\/napkin-mathjs\.cjs: .*npm run build/)]);
    }
  });

  test("without a build, one line says how to build and the exit code is 2", () => {
    const folder = copyOfBuild();
    rmSync(join(folder, "dist"), { recursive: true });
    const result = run(folder, "--version");
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split("\n")).toEqual([expect.stringMatching(/^napkin: not built yet .*npm install/)]);
  });
});

describe("source maps", () => {
  test("with --enable-source-maps, NAPKIN_DEBUG's stack points into src/ at the throw", () => {
    const parser = readFileSync(join(root, "src/core/notation/parser.ts"), "utf8").split("\n");
    const line = parser.findIndex((text) => text.includes('new NapkinError("unknownWord"'));
    const column = parser[line].indexOf("new NapkinError") + 1;
    const result = spawnSync(process.execPath, ["--enable-source-maps", join(root, "bin", "napkin"), "calc", "5 secnds"], { encoding: "utf8", env: { ...process.env, NAPKIN_DEBUG: "1" } });
    expect(result.stderr).toContain(`src/core/notation/parser.ts:${line + 1}:${column})`);
  });
});
