import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { root } from "../helpers.js";

/** bin/bundle.cjs's report on the cache the build trained, loaded in a fresh node (loading runs no command). */
function cacheStatus(folder: string): string {
  const script = `process.stdout.write(require(${JSON.stringify(join(folder, "bin", "bundle.cjs"))}).loadBundle().cacheStatus)`;
  return spawnSync(process.execPath, ["-e", script], { encoding: "utf8" }).stdout;
}

/** A copy of the built CLI (bin/ and dist/) in a temporary folder, to damage freely. */
function copyOfBuild(): string {
  const folder = mkdtempSync(join(tmpdir(), "napkin-build-"));
  for (const part of ["bin", "dist"]) cpSync(join(root, part), join(folder, part), { recursive: true });
  return folder;
}

const run = (folder: string, ...args: string[]) => spawnSync(process.execPath, [join(folder, "bin", "napkin"), ...args], { encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });

describe("the code cache", () => {
  test("the build's cache is accepted by this node", () => expect(cacheStatus(root)).toBe("accepted"));

  test("a damaged cache is refused, the answer is unchanged, and the next run has a good cache again", () => {
    const folder = copyOfBuild();
    writeFileSync(join(folder, "dist", "napkin.cache"), Buffer.from("not a V8 code cache"));
    expect(cacheStatus(folder)).toBe("rejected");
    const result = run(folder, "calc", "200K / 3");
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/66,66[67]/);
    expect(cacheStatus(folder)).toBe("accepted");
    rmSync(folder, { recursive: true, force: true });
  });

  test("a missing cache is made by the first run", () => {
    const folder = copyOfBuild();
    rmSync(join(folder, "dist", "napkin.cache"));
    expect(run(folder, "--version").stdout.trim()).toBe(JSON.parse(readFileSync(join(root, "package.json"), "utf8")).version);
    expect(statSync(join(folder, "dist", "napkin.cache")).size).toBeGreaterThan(0);
    rmSync(folder, { recursive: true, force: true });
  });

  test("without a build, one line says how to build and the exit code is 2", () => {
    const folder = copyOfBuild();
    rmSync(join(folder, "dist"), { recursive: true });
    const result = run(folder, "--version");
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split("\n")).toEqual([expect.stringMatching(/^napkin: not built yet .*npm install/)]);
    rmSync(folder, { recursive: true, force: true });
  });
});
